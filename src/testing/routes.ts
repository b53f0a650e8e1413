// How a request reaches its handler: matched to an operation of the generated
// table, then checked in a fixed order (credentials, a Prefer header, faults
// on demand, the path's identifiers, the account, the body, the prefix), each
// refusal answered with the spec's example. Everything it checks comes from
// generated/.
import { RESPONSE_EXAMPLES } from "../../generated/examples.ts";
import { OPERATIONS, PATH_PARAMETERS } from "../../generated/operations.ts";
import { authenticate, type Credentials } from "../credentials.ts";
import { InvalidArgumentError } from "../errors.ts";
import type { Operation, OperationId } from "../types.ts";
import { type BodySchema, type Checked, checkPathParam, checkBody as validBody } from "../validate.ts";
import { type Answer, example, type JsonAnswer, json, type Refusal, respond } from "./answers.ts";
import type { Faults } from "./faults.ts";
import { HANDLERS } from "./handlers.ts";
import { preferenceOf } from "./prefer.ts";
import type { Store } from "./store.ts";
import type { StoredAccount, StoredPrefix } from "./stored.ts";

/** What the fake reads of a request: built from a Request, or straight from a URL and init (cheaper). */
export interface Incoming {
  method: string;
  path: string;
  headers: Headers;
  /** The body as text; undefined when there is none. */
  text(): Promise<string | undefined>;
}

/** Whether a request's headers carry credentials the fake accepts, or the refusal. */
export type CredentialsCheck = (headers: Headers) => Refusal | undefined;

const ROUTES = (Object.entries(OPERATIONS) as [OperationId, Operation][]).map(([operationId, operation]) => ({
  operationId,
  operation,
  // Any origin and any base path before the API's own path (e.g. /client/v4).
  pattern: new RegExp(`${operation.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

type Route = (typeof ROUTES)[number];

// What the live API answers for a path it has no route for (observed: 400 with code 7000).
const NO_ROUTE = {
  success: false,
  errors: [{ code: 7000, message: "No route for that URI" }],
  messages: [],
  result: null,
};

/**
 * Accepts any token, or any e-mail and key, or only the headers the client would send for `credentials`.
 * Those are checked as the client checks them, so a fake told impossible credentials says so at once.
 */
export function credentialsCheck(credentials: Credentials | undefined): CredentialsCheck {
  const wanted =
    credentials &&
    Object.fromEntries(
      Object.entries(authenticate(credentials).headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
  return (headers) => {
    const bearer = /^Bearer \S+$/.test(String(headers.get("authorization")));
    const email = headers.get("x-auth-email");
    const key = headers.get("x-auth-key");
    if (!bearer && !(email && key)) return "missingCredentials";
    if (!wanted) return undefined;
    // Every header the client would send for these credentials, the e-mail in any case (as an address is).
    const ok = Object.entries(wanted).every(([name, value]) =>
      name === "x-auth-email" ? email?.toLowerCase() === value.toLowerCase() : headers.get(name) === value,
    );
    return ok ? undefined : "refusedCredentials";
  };
}

/** The path's parameters, decoded and checked as the client checks them before sending. */
function pathParams(route: Route, path: string): Record<string, string> | Refusal {
  // The route was found by this pattern, so it matches, with one group per path parameter.
  const values = (route.pattern.exec(path) as RegExpExecArray).slice(1);
  const params: Record<string, string> = {};
  for (const [index, name] of route.operation.pathParams.entries()) {
    // A malformed percent-encoding is refused alike.
    try {
      const schema = PATH_PARAMETERS[name as keyof typeof PATH_PARAMETERS] as Checked;
      params[name] = checkPathParam(name, decodeURIComponent(values[index] as string), schema);
    } catch {
      return "invalidIdentifier";
    }
  }
  return params;
}

/**
 * The body's violation of the operation's schema, answered with the spec's example that points at the
 * member, or at the whole body (the JSON Pointer "") when no member is at fault.
 */
function bodyRefusal(operationId: string, member: string | undefined): JsonAnswer {
  // Stryker disable next-line OptionalChaining: an operation with a body has 400 examples (the spec's facts test checks).
  const examples = Object.entries(RESPONSE_EXAMPLES[operationId]?.["400"] ?? {});
  const pointer = member === undefined ? "" : `/${member}`;
  const pointing = examples.find(([, value]) => JSON.stringify(value).includes(`"pointer":"${pointer}"`));
  // Stryker disable next-line OptionalChaining: each member of a body has an example pointing at it (same test).
  return example(operationId, "400", pointing?.[0]);
}

/** The body read against the operation's schema, with the client's own checks; refused with the example that points at the member at fault. */
function checkBody(
  operationId: string,
  schema: BodySchema,
  raw: string | undefined,
): { body: Record<string, unknown> } | JsonAnswer {
  try {
    return { body: validBody(schema, JSON.parse(raw as string)) as Record<string, unknown> };
  } catch (error) {
    // A body that is not JSON, or not an object, is answered as if its first required member were missing
    // (create's cidr), or as the whole body's fault when it has none (Update BGP Prefix).
    const member = error instanceof InvalidArgumentError ? error.argument.split(".")[1] : undefined;
    return bodyRefusal(operationId, member ?? schema.required[0]);
  }
}

/** A handler as the router calls it, for any operation; handlers.ts types each one by its operation. */
type AnyHandler = (
  request: {
    account: StoredAccount;
    prefix: StoredPrefix | undefined;
    params: Record<string, string>;
    body: unknown;
  },
  store: Store,
) => Answer;

/** What the router made of a request: the response, and whether it is to be lost (the request applied all the same). */
export interface Routed {
  response: Response;
  lost: boolean;
}

/** The answer of the route's handler, after the checks of the path, the account, the body and the prefix. */
async function handle(route: Route, request: Incoming, store: Store): Promise<Response> {
  const { operationId, operation } = route;
  const params = pathParams(route, request.path);
  if (typeof params === "string") return respond(operationId, params);
  const account = store.account(params.account_id as string);
  if (!account) return respond(operationId, "unknownAccount");
  let body: Record<string, unknown> | undefined;
  const schema = (operation as { body?: BodySchema }).body;
  if (schema) {
    const checked = checkBody(operationId, schema, await request.text());
    if ("status" in checked) return respond(operationId, checked);
    body = checked.body;
  }
  // Each handler is typed by its own operation; the checks above are what make its request so.
  const handler = HANDLERS[operationId] as AnyHandler | undefined;
  // Stryker disable next-line all: reached only when the spec gains an operation before the fake does.
  if (!handler) return json(501, example(operationId, "5XX").body);
  // Every operation but listServices has a prefix in its path; it must be one of the account's.
  let prefix: StoredPrefix | undefined;
  if (params.prefix_id !== undefined) {
    prefix = account.prefixes.get(params.prefix_id);
    if (!prefix) return respond(operationId, "unknownPrefix");
  }
  return respond(operationId, handler({ account, prefix, params, body }, store));
}

/**
 * The fake's answer to a request: the route's handler's, unless a check, a `Prefer` header or a fault
 * answers first. A lost answer (a fault, or `Prefer: lose-answer`) is handled all the same: the request is
 * applied, and only its answer is lost.
 */
export function createRouter(parts: {
  store: Store;
  faults: Faults;
  authenticated: CredentialsCheck;
}): (request: Incoming) => Promise<Routed> {
  const { store, faults, authenticated } = parts;
  const kept = (response: Response): Routed => ({ response, lost: false });
  return async (request) => {
    const route = ROUTES.find((r) => r.operation.method === request.method && r.pattern.test(request.path));
    if (!route) return kept(json(400, NO_ROUTE));
    const { operationId } = route;
    const credentials = authenticated(request.headers);
    if (credentials) return kept(respond(operationId, credentials));
    const preference = preferenceOf(operationId, request.headers.get("prefer"));
    if (preference && preference !== "lose") return kept(respond(operationId, preference.answer));
    const fault = faults.take(operationId);
    if (fault && fault !== "lose") {
      return kept(json(fault.status, example(operationId, String(fault.status)).body, fault.headers));
    }
    // What is due on the fake's clock takes effect before the request sees the state.
    store.settle();
    const response = await handle(route, request, store);
    return { response, lost: fault === "lose" || preference === "lose" };
  };
}
