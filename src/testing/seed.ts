// What the fake starts with, unless told otherwise: the spec's own examples,
// which also give every member a seed leaves out.

import { PARAMETER_EXAMPLES, RESPONSE_EXAMPLES } from "../../generated/examples.ts";
import type { components } from "../../generated/openapi.ts";
import type { ProvisioningState, Service, ServiceBinding } from "../types.ts";
import type { BgpPrefix, OnDemand, StoredBgpPrefix } from "./bgp.ts";

type Prefix = components["schemas"]["Prefix"];

/** A binding to start with; its id is made up when not given. */
export interface FakeBindingSeed {
  id?: string;
  cidr: string;
  service_id: string;
  /** A seeded binding is `active` and stays as given. @default "active" */
  state?: ProvisioningState | (string & {});
}

/** A BGP prefix to start with: any member of the spec's BgpPrefix but `cidr` may be left out. */
export interface FakeBgpPrefixSeed extends Partial<Omit<BgpPrefix, "cidr" | "on_demand">> {
  /** The network announced: the prefix's own CIDR, or a more specific one inside it, up to a /24 for IPv4. */
  cidr: string;
  /** @default the prefix's `on_demand` */
  on_demand?: Partial<OnDemand>;
}

/** The members of Prefix Details a seed may set; `account_id` is the account's, the advertisement its BGP prefix's. */
export type FakePrefixMembers = Partial<
  Pick<
    Prefix,
    | "approved"
    | "asn"
    | "description"
    | "loa_document_id"
    | "delegate_loa_creation"
    | "created_at"
    | "modified_at"
    | "irr_validation_state"
    | "rpki_validation_state"
    | "ownership_validation_state"
    | "ownership_validation_token"
  >
>;

/**
 * A prefix to start with. What it leaves out is the spec's Prefix Details `approved` example (approved
 * `V`, ASN 13335, validations `valid`); its BGP prefixes' out of Fetch BGP Prefix's `withdrawn` one.
 */
export interface FakePrefixSeed extends FakePrefixMembers {
  id: string;
  cidr: string;
  /**
   * The on-demand advertisement its BGP prefixes start with (the seeded ones unless they say otherwise, and
   * the one the prefix-wide binding creates); `advertised` must be null unless on-demand is enabled.
   * @default { on_demand_enabled: true, on_demand_locked: false, advertised: false } (null when not enabled)
   */
  on_demand?: Partial<OnDemand>;
  bindings?: FakeBindingSeed[];
  /**
   * Its BGP prefixes. By default one spanning the prefix when a binding spans it (the docs: "A
   * corresponding BGP prefix will be created automatically" with it), none otherwise.
   */
  bgpPrefixes?: FakeBgpPrefixSeed[];
}

/** The accounts, their prefixes and bindings, and the services, the fake starts with. */
export interface FakeSeed {
  accounts?: { id: string; prefixes?: FakePrefixSeed[] }[];
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

/** What a seeded prefix leaves out: the members of the spec's Prefix Details `approved` example. */
export function prefixDefaults(): Required<Omit<FakePrefixMembers, "ownership_validation_token">> {
  const example = result<Required<Prefix>>("getPrefix", "200", "approved");
  const { approved, asn, description, loa_document_id, delegate_loa_creation, created_at, modified_at } =
    example;
  const { irr_validation_state, rpki_validation_state, ownership_validation_state } = example;
  return {
    approved,
    asn,
    description,
    loa_document_id,
    delegate_loa_creation,
    created_at,
    modified_at,
    irr_validation_state,
    rpki_validation_state,
    ownership_validation_state,
  };
}

/** What a seeded BGP prefix leaves out: the members of the spec's Fetch BGP Prefix `withdrawn` example. */
export function bgpPrefixDefaults(): Omit<StoredBgpPrefix, "id" | "cidr" | "network" | "asn" | "pending"> {
  const { asn_prepend_count, auto_advertise_withdraw, bgp_signal_opts, created_at, modified_at, on_demand } =
    result<StoredBgpPrefix>("getBgpPrefix", "200", "withdrawn");
  return {
    asn_prepend_count,
    auto_advertise_withdraw,
    bgp_signal_opts: { ...bgp_signal_opts },
    created_at,
    modified_at,
    on_demand: { ...on_demand },
  };
}

/**
 * The default seed, from the spec's examples: the account and prefix of its parameter examples, the prefix
 * spanning the documentation network of its active Magic Transit binding (192.0.2.0/24, RFC 5737), that
 * binding, the prefix's BGP prefix (withdrawn, on-demand enabled, not locked) and the three services of
 * List Services. Prefix Details and Fetch BGP Prefix answer it as their `approved` and `withdrawn` examples.
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
            // Stryker disable next-line StringLiteral: as above.
            bgpPrefixes: [{ id: PARAMETER_EXAMPLES.bgp_prefix_id ?? "", cidr: binding.cidr }],
          },
        ],
      },
    ],
  };
}
