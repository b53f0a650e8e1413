// The contract suite's client: the package's real client, pointed at the
// target, with a fetch that sets Prism's `Prefer` header, records what was
// exercised, and collects every `sl-violations` report Prism makes.
import { appendFileSync } from "node:fs";
import { inject, onTestFinished, type TestContext } from "vitest";
import { declaredStatus } from "../../scripts/lib/contract-coverage.ts";
import { loadSpec, operations, pathPattern, responses } from "../../scripts/lib/spec.ts";
import {
  type Credentials,
  createServiceBindingsClient,
  type ServiceBindingsClient,
} from "../../src/index.ts";

/** The target of this run. */
export const target = inject("contract");

/** What to ask Prism for. */
export interface Prefer {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

/** A request Prism found in breach of the spec. */
export interface Violation {
  request: string;
  violations: unknown;
}

const spec = loadSpec();
const routes = operations(spec).map((operation) => ({
  operationId: operation.operationId,
  method: operation.method.toUpperCase(),
  pattern: pathPattern(operation.path),
  statuses: responses(spec, operation).map((r) => r.status),
}));
const basePath = new URL(target.baseUrl).pathname.replace(/\/$/, "");

/** Each client's violations, not yet taken: a test takes its own clients', never another test's. */
const violationsOf = new WeakMap<ServiceBindingsClient, Violation[]>();

/** The violations a client's requests caused since the last call, which they are removed from. */
export function takeViolations(client: ServiceBindingsClient): Violation[] {
  const list = violationsOf.get(client) ?? [];
  return list.splice(0, list.length);
}

function preferHeader(prefer: Prefer): string {
  const parts: string[] = [];
  if (prefer.code !== undefined) parts.push(`code=${prefer.code}`);
  if (prefer.example !== undefined) parts.push(`example=${prefer.example}`);
  if (prefer.dynamic) parts.push("dynamic=true");
  return parts.join(", ");
}

function record(request: Request, response: Response, prefer: Prefer | undefined): void {
  if (!target.exercisedLog) return;
  const path = new URL(request.url).pathname.slice(basePath.length);
  const route = routes.find((r) => r.method === request.method && r.pattern.test(path));
  if (!route) return;
  const status = declaredStatus(route.statuses, response.status);
  const example = prefer?.dynamic ? "dynamic" : prefer?.example;
  if (!status || !example) return;
  appendFileSync(
    target.exercisedLog,
    `${JSON.stringify({ operationId: route.operationId, status, example })}\n`,
  );
}

/** Options of a contract client. */
export interface ContractClientOptions {
  prefer?: Prefer;
  /** Other credentials than the target's token. */
  credentials?: Credentials;
  /** Remove every credential header before sending, as a broken proxy would. */
  stripCredentials?: boolean;
  /**
   * Rewrites the request after the client has built and checked it: stands in
   * for a client that let through an input the spec forbids.
   */
  rewrite?: (request: Request) => Request;
  /** The test's context, for a concurrent test: the client's violations are then checked at its end. */
  test?: TestContext;
}

/**
 * The package's client against the target; retries are off so one call is one request. Any violation
 * Prism reports for its requests that the test did not take fails the test that made the client.
 */
export function contractClient(options: ContractClientOptions = {}): ServiceBindingsClient {
  const { prefer } = options;
  const violations: Violation[] = [];
  const fetchThroughHarness = async (built: Request): Promise<Response> => {
    const request = options.rewrite ? options.rewrite(built) : built;
    if (prefer && target.mode === "mock") request.headers.set("Prefer", preferHeader(prefer));
    if (options.stripCredentials) {
      for (const name of ["authorization", "x-auth-email", "x-auth-key"]) request.headers.delete(name);
    }
    const described = `${request.method} ${request.url}`;
    const response = await fetch(request);
    const reported = response.headers.get("sl-violations");
    if (reported) violations.push({ request: described, violations: JSON.parse(reported) });
    record(request, response, prefer);
    return response;
  };
  const client = createServiceBindingsClient({
    ...(options.credentials ?? { apiToken: target.apiToken }),
    accountId: target.accountId,
    baseUrl: target.baseUrl,
    fetch: fetchThroughHarness,
    maxRetries: 0,
    timeoutMs: 10_000,
  });
  violationsOf.set(client, violations);
  (options.test?.onTestFinished ?? onTestFinished)(() => {
    if (violations.length > 0) {
      throw new Error(
        `Prism reported spec violations (sl-violations):\n${JSON.stringify(violations, null, 2)}`,
      );
    }
  });
  return client;
}
