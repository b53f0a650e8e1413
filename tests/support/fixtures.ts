// Sample values for unit tests, typed by the generated types so they cannot drift from the spec.
import type { Service, ServiceBinding } from "../../src/index.ts";

export const ACCOUNT = "258def64c72dae45f3e4c8516e2111f2";
export const PREFIX = "2af39739cc4e3b5910c918468bb89828";
export const BINDING_ID = "0429b49b6a5155297b78e75a44b09e14";
export const TOKEN = "tok_SECRET_0123456789abcdefABCDEF";
export const EMAIL = "ops-secret@example.org";
export const KEY = "key_SECRET_fedcba9876543210";

export const BINDING: ServiceBinding = {
  id: BINDING_ID,
  cidr: "192.0.2.0/24",
  provisioning: { state: "active" },
  service_id: "2db684ee7ca04e159946fd05b99e1bcd",
  service_name: "Magic Transit",
};

export const SERVICES: Service[] = [
  { id: "2db684ee7ca04e159946fd05b99e1bcd", name: "Magic Transit" },
  { id: "969ebf53b1e84a5ab8c8b5e8d1de3d24", name: "CDN" },
];

/** Retries without real waiting, for tests that count attempts rather than time them. */
export const NO_WAIT = { initialDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 };

/** The environment the contract suite's external target mode needs, pointing at the fixtures above. */
export const EXTERNAL_TARGET_ENV = {
  CLOUDFLARE_API_TOKEN: TOKEN,
  CLOUDFLARE_ACCOUNT_ID: ACCOUNT,
  CLOUDFLARE_PREFIX_ID: PREFIX,
};
