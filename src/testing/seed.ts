// What the fake starts with, unless told otherwise: the spec's own examples.
import { PARAMETER_EXAMPLES, RESPONSE_EXAMPLES } from "../../generated/examples.ts";
import type { ProvisioningState, Service, ServiceBinding } from "../types.ts";

/** A binding to start with; its id is made up when not given. */
export interface FakeBindingSeed {
  id?: string;
  cidr: string;
  service_id: string;
  /** A seeded binding is `active` and stays as given. @default "active" */
  state?: ProvisioningState | (string & {});
}

/** The accounts, their prefixes and bindings, and the services, the fake starts with. */
export interface FakeSeed {
  accounts?: { id: string; prefixes?: { id: string; cidr: string; bindings?: FakeBindingSeed[] }[] }[];
  services?: Service[];
}

function result<T>(operationId: string, status: string, name: string): T {
  const value = RESPONSE_EXAMPLES[operationId]?.[status]?.[name] as { result?: T } | undefined;
  // Stryker disable all: unreachable while the spec has the examples named below (the default seed's test reads them).
  if (value?.result === undefined)
    throw new Error(`the spec has no ${status} example ${name} for ${operationId}`);
  // Stryker restore all
  return value.result;
}

/**
 * The default seed, from the spec's examples: the account and prefix of its parameter examples, the prefix
 * spanning the documentation network of its active Magic Transit binding (192.0.2.0/24, RFC 5737), that
 * binding, and the three services of List Services.
 */
export function defaultSeed(): FakeSeed {
  const binding = result<ServiceBinding>("getServiceBinding", "200", "active");
  return {
    services: result<Service[]>("listServices", "200", "all_services"),
    accounts: [
      {
        // Stryker disable next-line StringLiteral: the spec gives every path parameter an example (a facts test checks).
        id: PARAMETER_EXAMPLES.account_id ?? "",
        prefixes: [
          {
            // Stryker disable next-line StringLiteral: as above.
            id: PARAMETER_EXAMPLES.prefix_id ?? "",
            cidr: binding.cidr,
            bindings: [
              { id: binding.id, cidr: binding.cidr, service_id: binding.service_id, state: "active" },
            ],
          },
        ],
      },
    ],
  };
}
