// What the fake's tests share: the spec's identifiers, a client on a fake, and the spec's examples by name.

import { loadSpec, operations, responses } from "../../scripts/lib/spec.ts";
import { specValidator } from "../../scripts/lib/spec-validator.ts";
import { type CloudflareApiError, createServiceBindingsClient, type Service } from "../../src/index.ts";
import {
  defaultSeed,
  type FakePrefixSeed,
  type FakeSeed,
  type ServiceBindingsFake,
} from "../../src/testing/index.ts";
import { NO_WAIT } from "../support/fixtures.ts";

export const spec = loadSpec();
export const ACCOUNT = spec.components.parameters.AccountId.example as string;
export const PREFIX = spec.components.parameters.PrefixId.example as string;
export const BASE_BINDING = spec.components.parameters.BindingId.example as string;
export const TOKEN = "fake-test-token-0123456789";
export const BINDINGS_PATH = `/accounts/${ACCOUNT}/addressing/prefixes/${PREFIX}/bindings`;

export function clientOf(fake: ServiceBindingsFake, options: { maxRetries?: number } = {}) {
  return createServiceBindingsClient({
    apiToken: TOKEN,
    accountId: ACCOUNT,
    fetch: fake.fetch,
    maxRetries: options.maxRetries ?? 0,
    backoff: NO_WAIT,
  });
}

export async function failure(promise: Promise<unknown>): Promise<CloudflareApiError> {
  return promise.then(
    () => {
      throw new Error("the call succeeded");
    },
    (error: CloudflareApiError) => error,
  );
}

/** The spec's example of an operation's status, by name. */
export function specExample(operationId: string, status: string, name: string) {
  const operation = operations(spec).find((o) => o.operationId === operationId);
  if (!operation) throw new Error(operationId);
  return responses(spec, operation).find((r) => r.status === status)?.examples[name]?.value;
}

/** A service's id in the spec's list of services (the fake's default seed lists the same). */
function serviceId(name: string): string {
  const { result } = specExample("listServices", "200", "all_services") as { result: Service[] };
  const service = result.find((s) => s.name === name);
  if (!service) throw new Error(`the spec lists no service named ${name}`);
  return service.id;
}

export const CDN = serviceId("CDN");
export const SPECTRUM = serviceId("Spectrum");

export const BGP_PREFIX = spec.components.parameters.BgpPrefixId.example as string;
export const MAGIC_TRANSIT = serviceId("Magic Transit");

/** A seed of the default services and account holding this one prefix. */
export function seedWith(...prefixes: FakePrefixSeed[]): FakeSeed {
  return { services: defaultSeed().services ?? [], accounts: [{ id: ACCOUNT, prefixes }] };
}

const validator = specValidator(spec);
const routes = operations(spec).map((operation) => ({
  operation,
  pattern: new RegExp(`${operation.path.replace(/\{\w+\}/g, "[^/]+")}$`),
}));

/**
 * A fetch through the fake, and a client on it, whose every answer is checked against the spec's schema
 * for its operation and status: `seen` lists each answer (operationId and status), `violations` what did
 * not conform.
 */
export function checkedClientOf(fake: ServiceBindingsFake) {
  const seen: string[] = [];
  const violations: string[] = [];
  const fetch = async (request: Request) => {
    const response = await fake.fetch(request);
    const path = new URL(request.url).pathname;
    const route = routes.find(
      (r) => r.operation.method.toUpperCase() === request.method && r.pattern.test(path),
    );
    const status = String(response.status);
    const answer = `${route?.operation.operationId} ${status}`;
    seen.push(answer);
    const declared = route
      ? responses(spec, route.operation).find((r) => r.status === status || r.status === `${status[0]}XX`)
      : undefined;
    const validate = declared?.schema ? validator.of(declared.schema) : undefined;
    const body = await response.clone().json();
    if (!validate) violations.push(`${answer}: not declared`);
    else if (!validate(body)) violations.push(`${answer}: ${JSON.stringify(validate.errors)}`);
    return response;
  };
  const client = createServiceBindingsClient({ apiToken: TOKEN, accountId: ACCOUNT, maxRetries: 0, fetch });
  return { client, fetch, seen, violations };
}
