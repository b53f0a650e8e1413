// Turns the credential options into request headers, refusing anything but
// exactly one form. No message here ever includes a credential's value.
import { InvalidArgumentError } from "./errors.ts";
import { typeOf } from "./validate.ts";

/** The two ways to authenticate; exactly one must be given. */
export interface Credentials {
  /** An API token, sent as `Authorization: Bearer <token>`. The preferred form. */
  apiToken?: string | undefined;
  /** The account e-mail for legacy authentication, sent as `X-Auth-Email` with `apiKey`. */
  apiEmail?: string | undefined;
  /** The Global API Key for legacy authentication, sent as `X-Auth-Key` with `apiEmail`. */
  apiKey?: string | undefined;
}

/** Visible ASCII only: a credential with a space, a line break or a non-ASCII character cannot be a header value. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** The headers that authenticate every request, and the secrets that must never appear in an error. */
export function authenticate(options: Credentials): { headers: Record<string, string>; secrets: string[] } {
  const { apiToken, apiEmail, apiKey } = options;
  const legacy = apiEmail !== undefined || apiKey !== undefined;
  if (apiToken !== undefined && legacy) {
    throw new InvalidArgumentError("credentials", "must be apiToken, or apiEmail with apiKey, not both");
  }
  if (apiToken !== undefined) {
    check("apiToken", apiToken);
    return { headers: { Authorization: `Bearer ${apiToken}` }, secrets: [apiToken] };
  }
  if (!legacy) {
    throw new InvalidArgumentError(
      "credentials",
      "are missing: give apiToken (preferred), or apiEmail with apiKey",
    );
  }
  if (apiEmail === undefined) throw new InvalidArgumentError("apiEmail", "is required with apiKey");
  if (apiKey === undefined) throw new InvalidArgumentError("apiKey", "is required with apiEmail");
  check("apiEmail", apiEmail);
  check("apiKey", apiKey);
  return { headers: { "X-Auth-Email": apiEmail, "X-Auth-Key": apiKey }, secrets: [apiEmail, apiKey] };
}

function check(argument: string, value: unknown): void {
  if (typeof value !== "string")
    throw new InvalidArgumentError(argument, `must be a string, got ${typeOf(value)}`);
  if (value === "") throw new InvalidArgumentError(argument, "must not be empty");
  if (!VISIBLE_ASCII.test(value)) {
    throw new InvalidArgumentError(
      argument,
      "must be visible ASCII characters only (no spaces, line breaks or other characters)",
    );
  }
}
