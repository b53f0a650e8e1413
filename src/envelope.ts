// Cloudflare's envelope: every answer is `{success, errors, messages, result}`.
import type { ResponseMessage } from "./types.ts";
import { typeOf } from "./validate.ts";

/** The envelope as the client reads it; `result` is checked per operation. */
export interface Envelope {
  success: boolean;
  errors: ResponseMessage[];
  messages: ResponseMessage[];
  result?: unknown;
}

/** What an operation's `result` must be: a list, one object, or absent (delete). */
export type ResultShape = "array" | "object" | "none";

/**
 * The envelope read from a body, or why the body is not one. The envelope is wrapped, not returned bare,
 * so no member the server sends (a `problem` of its own) can pass for the client's verdict.
 */
export type Reading = { envelope: Envelope } | { problem: string };

/** The envelope in `value`, or why `value` is not one. */
export function readEnvelope(value: unknown): Reading {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { problem: `body is not the Cloudflare envelope: expected an object, got ${typeOf(value)}` };
  }
  const body = value as Record<string, unknown>;
  if (typeof body.success !== "boolean") return { problem: missing("success", "a boolean", body.success) };
  if (!Array.isArray(body.errors)) return { problem: missing("errors", "an array", body.errors) };
  if (!Array.isArray(body.messages)) return { problem: missing("messages", "an array", body.messages) };
  return { envelope: body as unknown as Envelope };
}

/**
 * The parsed body of a 2xx answer, or why it is not the envelope the
 * operation promises. Extra members and unknown values never fail it.
 */
export function parseSuccessBody(text: string | undefined, shape: ResultShape): Reading {
  if (text === undefined || text === "")
    return { problem: "empty response body, expected the Cloudflare envelope" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: "body is not JSON" };
  }
  const reading = readEnvelope(json);
  if ("problem" in reading || !reading.envelope.success) return reading;
  const { result } = reading.envelope;
  if (shape === "array" && !Array.isArray(result)) {
    return { problem: missing("result", "an array", result) };
  }
  if (shape === "object" && (typeof result !== "object" || result === null || Array.isArray(result))) {
    return { problem: missing("result", "an object", result) };
  }
  return reading;
}

function missing(member: string, expected: string, found: unknown): string {
  const got = found === undefined ? "it is missing" : `got ${typeOf(found)}`;
  return `body is not the Cloudflare envelope: \`${member}\` must be ${expected}, ${got}`;
}
