// What the fake answers with: the spec's own examples, by name, and the
// refusals it makes as data. Every body here comes from generated/examples.ts.
import { RESPONSE_EXAMPLES } from "../../generated/examples.ts";

/**
 * How the fake refuses what the spec forbids: a status and the name of the spec's example it answers
 * with. The spec's descriptions say which of these the API's documentation does not fix (the fake's
 * choice). A status range such as 4XX is answered as 400.
 */
export const REFUSALS = {
  missingCredentials: ["400", "missing_credentials"],
  refusedCredentials: ["401", "invalid_token"],
  unknownAccount: ["403", "permission_denied"],
  invalidIdentifier: ["4XX", "invalid_identifier"],
  unknownPrefix: ["404", "prefix_not_found"],
  unknownBinding: ["404", "binding_not_found"],
  invalidCidr: ["400", "invalid_cidr"],
  unknownService: ["400", "invalid_service_id"],
  baseBinding: ["409", "base_binding"],
  magicTransitNotPrefixWide: ["400", "magic_transit_not_prefix_wide"],
  cidrAlreadyBound: ["409", "cidr_already_bound"],
  prefixNotApproved: ["409", "prefix_not_approved"],
  unknownBgpPrefix: ["404", "bgp_prefix_not_found"],
  invalidOnDemand: ["400", "invalid_on_demand"],
  advertisementLocked: ["409", "advertisement_locked"],
  onDemandDisabled: ["409", "on_demand_disabled"],
} as const;

/** A refusal, by name: one of `REFUSALS`. */
export type Refusal = keyof typeof REFUSALS;

/** An answer with its status and JSON body. */
export interface JsonAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What a handler or a check answers: a status and a JSON body, or a refusal by name. */
export type Answer = JsonAnswer | Refusal;

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** The spec's example of `status` (or of its range) for an operation: the named one, or the first. */
export function example(operationId: string, status: string, name?: string): JsonAnswer {
  const byStatus = RESPONSE_EXAMPLES[operationId] ?? {};
  const examples = byStatus[status] ?? byStatus[`${status[0]}XX`];
  // Stryker disable next-line OptionalChaining: examples is missing only when the spec lacks the status, which fails below either way.
  const body = name === undefined ? Object.values(examples ?? {})[0] : examples?.[name];
  // Stryker disable all: unreachable while the spec has every example the fake names (the fake's tests use each one).
  if (body === undefined) {
    throw new Error(`the spec has no ${status} example${name ? ` named ${name}` : ""} for ${operationId}`);
  }
  // Stryker restore all
  // A range (4XX) is answered as its first status (400).
  return { status: Number(status.replace("XX", "00")), body };
}

/** A success envelope; an undefined result is left out of the JSON (delete's success has none). */
export function success(status: number, result?: unknown): JsonAnswer {
  return { status, body: { success: true, errors: [], messages: [], result } };
}

/** The response to an answer of an operation: a refusal becomes the spec's example it names. */
export function respond(operationId: string, answer: Answer): Response {
  if (typeof answer !== "string") return json(answer.status, answer.body, answer.headers);
  const [status, name] = REFUSALS[answer];
  const { status: code, body } = example(operationId, status, name);
  return json(code, body);
}
