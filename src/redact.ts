// Credentials must never leave in an error: every text an error carries, and
// every cause it wraps, passes through a redactor built from the client's secrets.

/** What a secret is replaced with. */
export const REDACTED = "[REDACTED]";

/** Replaces every occurrence of a secret (raw or percent-encoded) in a text. */
export type Redactor = (text: string) => string;

/** A redactor for the given secrets; empty strings are ignored. */
export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.flatMap((s) => (s ? [s, encodeURIComponent(s)] : [])))];
  // Longest first, so a secret that contains another is replaced whole.
  needles.sort((a, b) => b.length - a.length);
  if (needles.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const needle of needles) if (out.includes(needle)) out = out.replaceAll(needle, REDACTED);
    return out;
  };
}

/**
 * The cause to attach to an error: the original when no secret appears in its
 * chain (so its class and fields survive for debugging), else a plain Error
 * copy with every message and stack redacted.
 */
export function safeCause(cause: unknown, redact: Redactor, depth = 0): unknown {
  if (!(cause instanceof Error)) {
    if (typeof cause === "string") return redact(cause);
    return cause;
  }
  if (depth > 8 || !containsSecret(cause, redact, depth)) return cause;
  const copy = new Error(redact(cause.message), { cause: safeCause(cause.cause, redact, depth + 1) });
  copy.name = cause.name;
  copy.stack = redact(cause.stack ?? "");
  return copy;
}

function containsSecret(error: Error, redact: Redactor, depth: number): boolean {
  const texts = [error.message, error.stack ?? "", safeStringify(error)];
  if (texts.some((t) => redact(t) !== t)) return true;
  if (depth < 8 && error.cause instanceof Error) return containsSecret(error.cause, redact, depth + 1);
  return typeof error.cause === "string" && redact(error.cause) !== error.cause;
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
