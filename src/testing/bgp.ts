// A BGP prefix as the fake keeps it, and the one rule of time in the fake: a
// change of its advertisement is registered at once and takes effect later
// ("A successful API response indicates the service registered the request";
// "Enabling advertising typically takes two to seven minutes and disabling
// advertising takes approximately 15 minutes", Cloudflare's BYOIP
// documentation, dynamic advertisement). The delays are the fake's choice.
import type { components } from "../../generated/openapi.ts";
import type { Network } from "../cidr.ts";
import { timestamp } from "./clock.ts";

/** A BGP prefix, as Fetch BGP Prefix answers it. */
export type BgpPrefix = components["schemas"]["BgpPrefix"];

/** The on-demand advertisement of a BGP prefix, every member present. */
export type OnDemand = Required<components["schemas"]["BgpOnDemand"]>;

/** A BGP prefix as the fake keeps it: every member of the spec's BgpPrefix, and a change not yet in effect. */
export interface StoredBgpPrefix {
  id: string;
  cidr: string;
  network: Network;
  asn: number | null;
  asn_prepend_count: number;
  auto_advertise_withdraw: boolean;
  bgp_signal_opts: { enabled: boolean; modified_at: string | null };
  created_at: string;
  modified_at: string;
  on_demand: OnDemand;
  /** The advertisement registered by Update BGP Prefix, and the fake's time (ms) it takes effect at. */
  pending: { advertised: boolean; due: number } | undefined;
}

/** How long a registered change of the advertisement takes, in the fake's milliseconds. */
export interface AdvertisementDelays {
  advertiseMs: number;
  withdrawMs: number;
}

/**
 * An on-demand advertisement with what `given` leaves out filled in from the spec's `withdrawn` example:
 * enabled, not locked, withdrawn (`advertised` null when not enabled, which `given` may not contradict:
 * "only not 'null' if on demand is enabled", Cloudflare's published schema). `where` names it in the error.
 */
export function onDemandOf(given: Partial<OnDemand>, defaults: OnDemand, where: string): OnDemand {
  const enabled = given.on_demand_enabled ?? defaults.on_demand_enabled;
  const advertised =
    given.advertised === undefined ? (enabled ? defaults.advertised : null) : given.advertised;
  if (!enabled && advertised !== null) {
    throw new Error(
      `${where}: advertised must be null when on_demand_enabled is false (Cloudflare's published schema: "only not 'null' if on demand is enabled")`,
    );
  }
  return {
    advertised,
    advertised_modified_at: given.advertised_modified_at ?? defaults.advertised_modified_at,
    on_demand_enabled: enabled,
    on_demand_locked: given.on_demand_locked ?? defaults.on_demand_locked,
  };
}

/** A pending change that is due by `now` takes effect, dated when it was due: the only way BGP state moves by itself. */
export function settleBgpPrefix(bgp: StoredBgpPrefix, now: number): void {
  if (!bgp.pending || bgp.pending.due > now) return;
  const at = timestamp(bgp.pending.due);
  bgp.on_demand.advertised = bgp.pending.advertised;
  bgp.on_demand.advertised_modified_at = at;
  bgp.modified_at = at;
  bgp.pending = undefined;
}

/**
 * Registers a change of the advertisement. Asking for the state already pending changes nothing; asking
 * for the state it has drops a pending change to the other (the last request wins); anything else is
 * due after the delay of its direction.
 */
export function requestAdvertised(
  bgp: StoredBgpPrefix,
  advertised: boolean,
  now: number,
  delays: AdvertisementDelays,
): void {
  if (bgp.pending?.advertised === advertised) return;
  if (bgp.on_demand.advertised === advertised) {
    bgp.pending = undefined;
    return;
  }
  bgp.pending = { advertised, due: now + (advertised ? delays.advertiseMs : delays.withdrawMs) };
}

/** A BGP prefix as the API shows it: a copy, without what only the fake knows. */
export function showBgpPrefix(bgp: StoredBgpPrefix): BgpPrefix {
  return {
    id: bgp.id,
    cidr: bgp.cidr,
    asn: bgp.asn,
    asn_prepend_count: bgp.asn_prepend_count,
    auto_advertise_withdraw: bgp.auto_advertise_withdraw,
    bgp_signal_opts: { ...bgp.bgp_signal_opts },
    created_at: bgp.created_at,
    modified_at: bgp.modified_at,
    on_demand: { ...bgp.on_demand },
  };
}
