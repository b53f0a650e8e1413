// Credentials must never leave in an error: every text an error carries, and
// every cause it wraps, passes through a redactor built from the client's secrets.

/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

/** Replaces every occurrence of a secret in a text. */
export type Redactor = (text: string) => string;

/** How deep a cause chain is copied; anything deeper is dropped. */
const MAX_CAUSE_DEPTH = 8;

/**
 * A redactor for the given secrets. Each is matched raw, percent-encoded and
 * JSON-escaped, ignoring case (an e-mail may be echoed back in another case).
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = secrets.flatMap((s) => (s ? [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)] : []));
  if (forms.length === 0) return (text) => text;
  // Longest first, so a secret that contains another is replaced whole.
  const unique = [...new Set(forms)].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(unique.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");
  return (text) => text.replace(pattern, REDACTED);
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
  const copy = new Error(redact(cause.message));
  copy.name = cause.name;
  copy.stack = redact(cause.stack ?? `${cause.name}: ${cause.message}`);
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
