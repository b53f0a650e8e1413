// Credentials must never leave in an error: every text an error carries, and
// every cause it wraps, passes through a redactor built from the client's secrets.

/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

/** Replaces every occurrence of a secret in a text. */
export type Redactor = (text: string) => string;

/** How deep a cause chain is copied; anything deeper is dropped. */
const MAX_CAUSE_DEPTH = 8;

/**
 * Below this length a value cannot be a real Cloudflare credential (API tokens
 * have 40 characters, Global API Keys 37): it is a test's stand-in such as
 * `"t"`, and is matched only as a whole word, so it cannot garble a message.
 */
export const WHOLE_WORD_BELOW = 8;

/**
 * A redactor for the given secrets. The rule:
 * - each secret is matched raw, percent-encoded and JSON-escaped, ignoring
 *   case (an e-mail may be echoed back in another case);
 * - a secret of `WHOLE_WORD_BELOW` characters or more is matched anywhere,
 *   and also base64-encoded (standard and URL-safe alphabets, case-sensitive)
 *   at each of the three alignments it can have inside a longer encoded
 *   string, as Basic auth or a proxy's echo would carry it;
 * - a shorter secret is matched only as a whole word, never inside another;
 * - the marker `[REDACTED]` is never matched, so redacting twice changes nothing.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const anywhere: string[] = [];
  const words: string[] = [];
  const encoded: string[] = [];
  for (const secret of secrets) {
    if (!secret) continue;
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    if (secret.length < WHOLE_WORD_BELOW) words.push(...forms);
    else {
      anywhere.push(...forms);
      encoded.push(...base64Forms(secret));
    }
  }
  const passes = [
    new RegExp(`${alternation(anywhere)}|(?<!\\w)(?:${alternation(words)})(?!\\w)`, "gi"),
    new RegExp(alternation(encoded), "g"),
  ];
  return (text) =>
    passes.reduce(
      (result, pass) =>
        result
          .split(REDACTED)
          .map((part) => part.replace(pass, REDACTED))
          .join(REDACTED),
      text,
    );
}

/** The forms as one alternation, longest first so a form that contains another is replaced whole; none matches nothing. No form is empty: an empty secret is skipped. */
function alternation(forms: string[]): string {
  const unique = [...new Set(forms)].sort((a, b) => b.length - a.length);
  return unique.length === 0 ? "(?!)" : unique.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
}

/**
 * The base64 characters that encode `secret` wherever it sits in a longer
 * encoded text: for each of its three possible offsets modulo 3 bytes, only
 * the characters made of the secret's bits alone (the first and last may
 * share bits with its neighbours, so they are left out). Four characters
 * carry three bytes.
 */
export function base64Forms(secret: string): string[] {
  // btoa takes a "binary string": one character per byte of the UTF-8 encoding.
  const binary = String.fromCharCode(...new TextEncoder().encode(secret));
  return [0, 1, 2].flatMap((offset) => {
    const chars = btoa("\0".repeat(offset) + binary).slice(
      Math.ceil((offset * 4) / 3),
      Math.floor(((offset + binary.length) * 4) / 3),
    );
    return [chars, chars.replace(/\+/g, "-").replace(/\//g, "_")];
  });
}

/** Network details worth keeping from a fetch error's cause (e.g. ECONNREFUSED and the address). */
const KEPT_FIELDS = ["code", "errno", "syscall", "address", "port"] as const;

/**
 * A redacted copy of a cause, safe to attach to an error: Errors become plain
 * Error copies (name, message, stack, network fields, cause chain); anything
 * else becomes a redacted string. The original object is never kept, since it
 * may hold a secret where no redactor looks (a Request, a headers object).
 */
export function safeCause(cause: unknown, redact: Redactor, depth = 0): unknown {
  if (cause === undefined || cause === null) return cause;
  if (!(cause instanceof Error)) return redact(describe(cause));
  // Anyone can set an Error's members to anything: each is read as text, and redacted, a name included.
  const name = redact(String(cause.name));
  const message = redact(String(cause.message));
  const copy = new Error(message);
  copy.name = name;
  copy.stack = typeof cause.stack === "string" ? redact(cause.stack) : `${name}: ${message}`;
  const fields = copy as unknown as Record<string, unknown>;
  const source = cause as unknown as Record<string, unknown>;
  for (const field of KEPT_FIELDS) {
    const value = source[field];
    if (typeof value === "string") fields[field] = redact(value);
    else if (typeof value === "number") fields[field] = value;
  }
  if (cause instanceof AggregateError && depth < MAX_CAUSE_DEPTH) {
    fields.errors = cause.errors.map((inner: unknown) => safeCause(inner, redact, depth + 1));
  }
  if (cause.cause !== undefined && depth < MAX_CAUSE_DEPTH)
    copy.cause = safeCause(cause.cause, redact, depth + 1);
  return copy;
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
