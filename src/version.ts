/** The package's name and version, as sent in the User-Agent header (a test keeps it equal to package.json). */
export const PACKAGE_NAME = "cloudflare-service-bindings";
export const PACKAGE_VERSION = "0.3.0";
