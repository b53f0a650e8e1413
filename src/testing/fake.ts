// createServiceBindingsFake: an in-memory, stateful implementation of the API
// for users' own tests. It answers every operation of the spec as the real API
// does, refuses what the spec forbids with the spec's own failure envelopes,
// and keeps the state between calls, so a workflow (create, poll, read,
// delete) can be tested offline. Everything it checks comes from generated/.
import { RESPONSE_EXAMPLES } from "../../generated/examples.ts";
import { OPERATIONS, PATH_PARAMETERS } from "../../generated/operations.ts";
import { authenticate, type Credentials } from "../credentials.ts";
import { InvalidArgumentError } from "../errors.ts";
import type { ProvisioningState, Service, ServiceBinding } from "../types.ts";
import { type BodySchema, type Checked, checkPathParam, checkBody as validBody } from "../validate.ts";
import { contains, type Network, parseCidr, sameNetwork } from "./cidr.ts";
import { defaultSeed, type FakeSeed } from "./seed.ts";

/** Options of `createServiceBindingsFake`. */
export interface FakeOptions {
  /** The accounts, prefixes, services and bindings to start with. @default one account, one prefix, three services, one Magic Transit binding spanning the prefix (see `defaultSeed`) */
  seed?: FakeSeed;
  /**
   * How many reads (gets, and lists that include it) a new binding reports `provisioning` for before it
   * reports `active`, so polling code is exercised without waiting.
   * @default 2
   */
  provisioningReads?: number;
  /** The only credentials accepted (others get the spec's 401); by default any token, or any e-mail and key. */
  credentials?: Credentials;
}

/** One request the fake received: never its headers, so never a credential. */
export interface FakeRequest {
  method: string;
  /** The path as received, below the origin (e.g. `/client/v4/accounts/…/addressing/services`). */
  path: string;
  status: number;
}

/** A failure to answer on demand, for testing retries. */
export interface FakeFailure {
  /** The status to answer; the body is the spec's failure envelope for it (of its range, e.g. 4XX, if need be). */
  status: number;
  /** Adds a `Retry-After` header with this many seconds. */
  retryAfterSeconds?: number;
  /** How many requests in a row fail. @default 1 */
  times?: number;
}

/** A snapshot of the fake's state. */
export interface FakeState {
  services: Service[];
  accounts: { id: string; prefixes: { id: string; cidr: string; bindings: ServiceBinding[] }[] }[];
}

/** The fake: a `fetch`, a local HTTP server of the same state, and handles to seed, steer and inspect it. */
export interface ServiceBindingsFake {
  /** A WHATWG fetch answering the API's paths under any origin: pass it as a client's `fetch`. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Serves the same state over HTTP on 127.0.0.1; `port` 0 (the default) picks a free one. */
  listen(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  /** Sets a binding's `provisioning.state`, any value, and stops it moving on by itself. */
  setProvisioningState(bindingId: string, state: ProvisioningState | (string & {})): void;
  /** Makes the next request(s) fail with `status` and the spec's failure envelope. */
  failNext(failure: FakeFailure): void;
  /** What was received, in order: method, path and the status answered. */
  readonly requests: readonly FakeRequest[];
  /** A copy of the current state. */
  state(): FakeState;
}

interface StoredBinding {
  id: string;
  cidr: string;
  network: Network;
  service_id: string;
  service_name: string;
  state: string;
  reads: number;
  /** Set by `setProvisioningState`: the state no longer moves on by itself. */
  pinned: boolean;
}

interface StoredPrefix {
  id: string;
  cidr: string;
  network: Network;
  bindings: Map<string, StoredBinding>;
}

/**
 * How the fake refuses what the spec forbids: a status and the name of the spec's example it answers
 * with. The spec's descriptions say which of these the API's documentation does not fix (the fake's
 * choice). A status range such as 4XX is answered as 400.
 */
const REFUSALS = {
  missingCredentials: ["400", "missing_credentials"],
  refusedCredentials: ["401", "invalid_token"],
  unknownAccount: ["403", "permission_denied"],
  invalidIdentifier: ["4XX", "invalid_identifier"],
  unknownPrefix: ["404", "prefix_not_found"],
  unknownBinding: ["404", "binding_not_found"],
  invalidCidr: ["400", "invalid_cidr"],
  unknownService: ["400", "invalid_service_id"],
  baseBinding: ["409", "base_binding"],
} as const;

type Refusal = keyof typeof REFUSALS;

/** An answer the handlers return: a status and a JSON body, or a refusal by name. */
type Answer = { status: number; body: unknown; headers?: Record<string, string> } | Refusal;

/** A refusal already turned into the spec's example. */
type Answer400 = { status: number; body: unknown };

const ROUTES = Object.entries(OPERATIONS).map(([operationId, operation]) => ({
  operationId,
  operation,
  // Any origin and any base path before the API's own path (e.g. /client/v4).
  pattern: new RegExp(`${operation.path.replace(/\{\w+\}/g, "([^/]+)")}$`),
}));

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** The spec's example of `status` (or of its range) for an operation: the named one, or the first. */
function example(operationId: string, status: string, name?: string): { status: number; body: unknown } {
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

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Creates a fake of the Service Bindings API. */
export function createServiceBindingsFake(options: FakeOptions = {}): ServiceBindingsFake {
  const seed = options.seed ?? defaultSeed();
  // Checked as the client checks them, so a fake told impossible credentials says so at once.
  const wanted =
    options.credentials &&
    Object.fromEntries(
      Object.entries(authenticate(options.credentials).headers).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    );
  const provisioningReads = options.provisioningReads ?? 2;
  const services = (seed.services ?? []).map((service) => ({ ...service }));
  const accounts = new Map<string, Map<string, StoredPrefix>>();
  const requests: FakeRequest[] = [];
  const failures: { status: number; headers: Record<string, string> }[] = [];

  const serviceName = (id: string) => services.find((service) => service.id === id)?.name;

  for (const account of seed.accounts ?? []) {
    const prefixes = new Map<string, StoredPrefix>();
    for (const prefix of account.prefixes ?? []) {
      const network = parseCidr(prefix.cidr);
      if (!network) throw new Error(`seed: prefix ${prefix.id} has a CIDR that is not one: ${prefix.cidr}`);
      const stored: StoredPrefix = { id: prefix.id, cidr: prefix.cidr, network, bindings: new Map() };
      for (const binding of prefix.bindings ?? []) {
        const bindingNetwork = parseCidr(binding.cidr);
        const name = serviceName(binding.service_id);
        if (!bindingNetwork || !contains(network, bindingNetwork)) {
          throw new Error(`seed: binding ${binding.cidr} does not lie inside prefix ${prefix.cidr}`);
        }
        if (name === undefined) throw new Error(`seed: binding ${binding.cidr} names an unknown service`);
        const id = binding.id ?? randomId();
        stored.bindings.set(id, {
          id,
          cidr: binding.cidr,
          network: bindingNetwork,
          service_id: binding.service_id,
          service_name: name,
          state: binding.state ?? "active",
          reads: 0,
          // A seeded binding stays as given (active unless told otherwise).
          pinned: true,
        });
      }
      prefixes.set(prefix.id, stored);
    }
    accounts.set(account.id, prefixes);
  }

  /** A binding as the API shows it; a read moves a new binding's provisioning on. */
  function shown(binding: StoredBinding, read: boolean): ServiceBinding {
    const view = {
      id: binding.id,
      cidr: binding.cidr,
      provisioning: { state: binding.state },
      service_id: binding.service_id,
      service_name: binding.service_name,
    } as ServiceBinding;
    // Only a created binding moves on (it is provisioning until then); a pinned one stays.
    if (read && !binding.pinned && ++binding.reads >= provisioningReads) {
      binding.state = "active";
    }
    return view;
  }

  const success = (status: number, result?: unknown) => ({
    status,
    // An undefined result is left out of the JSON (delete's success has none).
    body: { success: true, errors: [], messages: [], result },
  });

  function authenticated(headers: Headers): Refusal | undefined {
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
  }

  /** The body's violation of the operation's schema, answered with the spec's example that points at the member. */
  function bodyRefusal(operationId: string, member: string | undefined): Answer400 {
    // Stryker disable next-line OptionalChaining: an operation with a body has 400 examples (the spec's facts test checks).
    const examples = Object.entries(RESPONSE_EXAMPLES[operationId]?.["400"] ?? {});
    const pointing = examples.find(([, value]) => JSON.stringify(value).includes(`"pointer":"/${member}"`));
    // Stryker disable next-line OptionalChaining: each member of a body has an example pointing at it (same test).
    return example(operationId, "400", pointing?.[0]);
  }

  /** The body read against the operation's schema, with the client's own checks; refused with the example that points at the member at fault. */
  function checkBody(
    operationId: string,
    schema: BodySchema,
    raw: string | undefined,
  ): { body: Record<string, unknown> } | Answer400 {
    try {
      return { body: validBody(schema, JSON.parse(raw as string)) as Record<string, unknown> };
    } catch (error) {
      // A body that is not JSON, or not an object, is answered as if its first member were missing.
      const member = error instanceof InvalidArgumentError ? error.argument.split(".")[1] : undefined;
      return bodyRefusal(operationId, member ?? schema.required[0]);
    }
  }

  /** What a handler is given: the prefix of its path, known (checked before any handler runs), and the binding id. */
  interface Params {
    prefix: StoredPrefix;
    binding_id: string;
  }

  /** The operations' behaviour, by operationId. */
  const handlers: Record<string, (params: Params, body: Record<string, unknown>) => Answer> = {
    listServices: () => success(200, services),

    listServiceBindings: ({ prefix }) => {
      return success(
        200,
        [...prefix.bindings.values()].map((binding) => shown(binding, true)),
      );
    },

    createServiceBinding: ({ prefix }, body) => {
      const name = serviceName(String(body.service_id));
      if (name === undefined) return "unknownService";
      const network = parseCidr(String(body.cidr));
      if (!network || !contains(prefix.network, network)) return "invalidCidr";
      // The first binding of a prefix must be the prefix's own CIDR.
      if (prefix.bindings.size === 0 && !sameNetwork(network, prefix.network)) return "invalidCidr";
      const binding: StoredBinding = {
        id: randomId(),
        cidr: String(body.cidr),
        network,
        service_id: String(body.service_id),
        service_name: name,
        state: "provisioning",
        reads: 0,
        pinned: false,
      };
      prefix.bindings.set(binding.id, binding);
      return success(201, shown(binding, false));
    },

    getServiceBinding: ({ prefix, binding_id }) => {
      const binding = prefix.bindings.get(binding_id);
      return binding ? success(200, shown(binding, true)) : "unknownBinding";
    },

    deleteServiceBinding: ({ prefix, binding_id }) => {
      const binding = prefix.bindings.get(binding_id);
      if (!binding) return "unknownBinding";
      // Magic Transit stays the base service, spanning the whole prefix.
      if (binding.service_name === "Magic Transit" && sameNetwork(binding.network, prefix.network)) {
        return "baseBinding";
      }
      prefix.bindings.delete(binding_id);
      return success(200);
    },
  };

  /** What the fake reads of a request: built from a Request, or straight from a URL and init (cheaper). */
  interface Incoming {
    method: string;
    path: string;
    headers: Headers;
    /** The body as text; undefined when there is none. */
    text(): Promise<string | undefined>;
  }

  async function answer(request: Incoming): Promise<Response> {
    const route = ROUTES.find((r) => r.operation.method === request.method && r.pattern.test(request.path));
    if (!route) {
      // What the live API answers for a path it has no route for (observed: 400 with code 7000).
      return json(400, {
        success: false,
        errors: [{ code: 7000, message: "No route for that URI" }],
        messages: [],
        result: null,
      });
    }
    const { operationId, operation } = route;
    const refuse = (refusal: Refusal) => {
      const [status, name] = REFUSALS[refusal];
      const { status: code, body } = example(operationId, status, name);
      return json(code, body);
    };
    const credentials = authenticated(request.headers);
    if (credentials) return refuse(credentials);
    const failure = failures.shift();
    if (failure)
      return json(failure.status, example(operationId, String(failure.status)).body, failure.headers);

    // The route was found by this pattern, so it matches, with one group per path parameter.
    const values = (route.pattern.exec(request.path) as RegExpExecArray).slice(1);
    const params: Record<string, string> = {};
    for (const [index, name] of operation.pathParams.entries()) {
      // Checked as the client checks it before sending; a malformed percent-encoding is refused alike.
      try {
        const schema = PATH_PARAMETERS[name as keyof typeof PATH_PARAMETERS] as Checked;
        params[name] = checkPathParam(name, decodeURIComponent(values[index] as string), schema);
      } catch {
        return refuse("invalidIdentifier");
      }
    }
    const prefixes = accounts.get(params.account_id as string);
    if (!prefixes) return refuse("unknownAccount");
    let body: Record<string, unknown> = {};
    const schema = (operation as { body?: BodySchema }).body;
    if (schema) {
      const checked = checkBody(operationId, schema, await request.text());
      if ("status" in checked) return json(checked.status, checked.body);
      body = checked.body;
    }
    const handler = handlers[operationId];
    // Stryker disable next-line all: reached only when the spec gains an operation before the fake does.
    if (!handler) return json(501, example(operationId, "5XX").body);
    // Every operation but listServices has a prefix in its path; it must be one of the account's.
    const prefix = params.prefix_id === undefined ? undefined : prefixes.get(params.prefix_id);
    if (params.prefix_id !== undefined && !prefix) return refuse("unknownPrefix");
    const result = handler({ prefix: prefix as StoredPrefix, binding_id: String(params.binding_id) }, body);
    return typeof result === "string" ? refuse(result) : json(result.status, result.body, result.headers);
  }

  const fake: ServiceBindingsFake = {
    fetch: async (input, init) => {
      // Read as they are rather than building a Request (cheaper): the init wins, a Request fills in.
      const base = input instanceof Request ? input : undefined;
      const body = init?.body ?? undefined;
      const incoming: Incoming = {
        method: (init?.method ?? base?.method ?? "GET").toUpperCase(),
        path: new URL(base ? base.url : String(input)).pathname,
        headers: new Headers(init?.headers ?? base?.headers),
        text: async () => (body !== undefined ? new Response(body).text() : base ? base.text() : undefined),
      };
      const response = await answer(incoming);
      requests.push({ method: incoming.method, path: incoming.path, status: response.status });
      return response;
    },
    listen: async (listenOptions = {}) => {
      const { serve } = await import("./http.ts");
      return serve(fake.fetch, listenOptions.port ?? 0);
    },
    setProvisioningState: (bindingId, state) => {
      for (const prefixes of accounts.values()) {
        for (const prefix of prefixes.values()) {
          const binding = prefix.bindings.get(bindingId);
          if (binding) {
            binding.state = state;
            binding.pinned = true;
            return;
          }
        }
      }
      throw new Error(`setProvisioningState: the fake has no binding ${bindingId}`);
    },
    failNext: ({ status, retryAfterSeconds, times = 1 }) => {
      // Every operation has 4XX and 5XX examples, so any failure status has a body to answer with.
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new Error(`failNext: status must be a whole number from 400 to 599, got ${status}`);
      }
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) };
      for (let i = 0; i < times; i++) failures.push({ status, headers });
    },
    requests,
    state: () => ({
      services: services.map((service) => ({ ...service })),
      accounts: [...accounts].map(([id, prefixes]) => ({
        id,
        prefixes: [...prefixes.values()].map((prefix) => ({
          id: prefix.id,
          cidr: prefix.cidr,
          bindings: [...prefix.bindings.values()].map((binding) => shown(binding, false)),
        })),
      })),
    }),
  };
  return fake;
}
