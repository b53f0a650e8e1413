// A seed made into the store's state, refused (naming the entry) when it is
// not a state the API could be in; what it leaves out comes from the spec's
// examples (seed.ts).
import { OPERATIONS } from "../../generated/operations.ts";
import { contains, parseCidr, sameNetwork } from "../cidr.ts";
import type { InvalidArgumentError } from "../errors.ts";
import type { Service } from "../types.ts";
import { checkBody } from "../validate.ts";
import { type OnDemand, onDemandOf, type StoredBgpPrefix } from "./bgp.ts";
import { timestamp } from "./clock.ts";
import {
  bgpPrefixDefaults,
  type FakeBgpPrefixSeed,
  type FakePrefixSeed,
  type FakeSeed,
  prefixDefaults,
} from "./seed.ts";
import type { StoredAccount, StoredPrefix } from "./stored.ts";

/** A random 32-hex id, as the API's are. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// "You can configure additional, more-specific BGP prefixes (subnets of the IP prefix), up to a maximum
// prefix length of /24" (Cloudflare's Magic Transit documentation, advertise prefixes): IPv4 only.
const MOST_SPECIFIC_IPV4_BGP_PREFIX = 24;

/**
 * A BGP prefix of `prefix` from its seed, checked: inside the prefix, not twice, its members within the
 * spec's limits; its on-demand advertisement is the seed's, then `inherited`, then the spec's example.
 */
function bgpPrefixOf(
  prefix: StoredPrefix,
  seed: FakeBgpPrefixSeed,
  inherited: Partial<OnDemand>,
): StoredBgpPrefix {
  const where = `seed: BGP prefix ${seed.cidr}`;
  const network = parseCidr(seed.cidr);
  if (!network || !contains(prefix.network, network)) {
    throw new Error(`${where} does not lie inside prefix ${prefix.cidr}`);
  }
  if (network.bits === 32 && network.length > MOST_SPECIFIC_IPV4_BGP_PREFIX) {
    throw new Error(`${where} is more specific than a /24, which Cloudflare does not announce`);
  }
  if ([...prefix.bgpPrefixes.values()].some((other) => sameNetwork(other.network, network))) {
    throw new Error(`seed: prefix ${prefix.id} has two BGP prefixes of ${seed.cidr}`);
  }
  // The members Update BGP Prefix sets, within the limits it checks (the same table, the client's own check).
  const { asn_prepend_count, auto_advertise_withdraw } = seed;
  try {
    checkBody(OPERATIONS.updateBgpPrefix.body, { asn_prepend_count, auto_advertise_withdraw });
  } catch (error) {
    const { argument, message } = error as InvalidArgumentError;
    throw new Error(`${where}: ${message.replace(argument, argument.slice("body.".length))}`);
  }
  const defaults = bgpPrefixDefaults();
  const own = seed.on_demand ?? {};
  const on_demand = { ...inherited, ...own };
  // The prefix's `advertised` is not inherited by a BGP prefix that turns on-demand advertisement off.
  if (own.advertised === undefined && on_demand.on_demand_enabled === false) delete on_demand.advertised;
  return {
    ...defaults,
    asn: prefix.members.asn,
    ...seed,
    id: seed.id ?? randomId(),
    network,
    bgp_signal_opts: { ...defaults.bgp_signal_opts, ...seed.bgp_signal_opts },
    on_demand: onDemandOf(on_demand, defaults.on_demand, where),
    pending: undefined,
  } as StoredBgpPrefix;
}

/**
 * The BGP prefix the prefix-wide binding creates ("A corresponding BGP prefix will be created
 * automatically", Get started), made `now`: withdrawn ("BGP prefixes are initially withdrawn", same page),
 * with the on-demand enabled and locked states the prefix's seed gives.
 */
export function spanningBgpPrefix(prefix: StoredPrefix, now: number): StoredBgpPrefix {
  const at = timestamp(now);
  const { advertised: _, advertised_modified_at: __, ...inherited } = prefix.onDemand;
  return bgpPrefixOf(prefix, { cidr: prefix.cidr, created_at: at, modified_at: at }, inherited);
}

/** A prefix of the seed, with its bindings (each inside it, of a listed service, pinned) and BGP prefixes. */
function prefixOf(seed: FakePrefixSeed, serviceName: (id: string) => string | undefined): StoredPrefix {
  const network = parseCidr(seed.cidr);
  if (!network) throw new Error(`seed: prefix ${seed.id} has a CIDR that is not one: ${seed.cidr}`);
  const { id, cidr, on_demand = {}, bindings = [], bgpPrefixes, ...members } = seed;
  onDemandOf(on_demand, bgpPrefixDefaults().on_demand, `seed: prefix ${id}`);
  const prefix: StoredPrefix = {
    id,
    cidr,
    network,
    members: { ...prefixDefaults(), ...members },
    onDemand: on_demand,
    bindings: new Map(),
    bgpPrefixes: new Map(),
  };
  for (const binding of bindings) {
    const bindingNetwork = parseCidr(binding.cidr);
    const name = serviceName(binding.service_id);
    if (!bindingNetwork || !contains(network, bindingNetwork)) {
      throw new Error(`seed: binding ${binding.cidr} does not lie inside prefix ${cidr}`);
    }
    if (name === undefined) throw new Error(`seed: binding ${binding.cidr} names an unknown service`);
    const bindingId = binding.id ?? randomId();
    prefix.bindings.set(bindingId, {
      id: bindingId,
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
  const spanned = [...prefix.bindings.values()].some((binding) => sameNetwork(binding.network, network));
  for (const bgpSeed of bgpPrefixes ?? (spanned ? [{ cidr }] : [])) {
    const bgp = bgpPrefixOf(prefix, bgpSeed, on_demand);
    if (prefix.bgpPrefixes.has(bgp.id)) throw new Error(`seed: prefix ${id} has two BGP prefixes ${bgp.id}`);
    prefix.bgpPrefixes.set(bgp.id, bgp);
  }
  return prefix;
}

/** The services and accounts of a seed, checked. */
export function loadSeed(seed: FakeSeed): { services: Service[]; accounts: Map<string, StoredAccount> } {
  const services = (seed.services ?? []).map((service) => ({ ...service }));
  const serviceName = (id: string) => services.find((service) => service.id === id)?.name;
  const accounts = new Map<string, StoredAccount>();
  for (const account of seed.accounts ?? []) {
    const prefixes = new Map<string, StoredPrefix>();
    for (const prefix of account.prefixes ?? []) prefixes.set(prefix.id, prefixOf(prefix, serviceName));
    accounts.set(account.id, { id: account.id, prefixes });
  }
  return { services, accounts };
}
