// A prefix as Prefix Details shows it. Its deprecated advertisement members
// (on_demand_enabled, on_demand_locked, advertised, advertised_modified_at)
// are those of the BGP prefix that spans it, since Cloudflare deprecated them
// "in favour of the BGP Prefixes API" (official SDK 7.3.0): the fake's choice.
import type { components } from "../../generated/openapi.ts";
import { sameNetwork } from "../cidr.ts";
import { onDemandOf, type StoredBgpPrefix } from "./bgp.ts";
import { bgpPrefixDefaults } from "./seed.ts";
import type { StoredPrefix } from "./stored.ts";

/** A prefix, as Prefix Details answers it. */
export type Prefix = components["schemas"]["Prefix"];

/** The BGP prefix of the prefix's own CIDR, if it has one. */
export function spanningOf(prefix: StoredPrefix): StoredBgpPrefix | undefined {
  return [...prefix.bgpPrefixes.values()].find((bgp) => sameNetwork(bgp.network, prefix.network));
}

/** A prefix as the API shows it; without a spanning BGP prefix, its advertisement is what its seed says. */
export function showPrefix(accountId: string, prefix: StoredPrefix): Prefix {
  const { on_demand_enabled, on_demand_locked, advertised, advertised_modified_at } =
    spanningOf(prefix)?.on_demand ?? onDemandOf(prefix.onDemand, bgpPrefixDefaults().on_demand, prefix.id);
  return {
    id: prefix.id,
    account_id: accountId,
    cidr: prefix.cidr,
    ...prefix.members,
    on_demand_enabled,
    on_demand_locked,
    advertised,
    advertised_modified_at,
  };
}
