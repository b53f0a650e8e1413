// What the store keeps: the shapes of its accounts, prefixes and bindings (a
// BGP prefix's is in bgp.ts), apart from the operations on them (store.ts).

import type { Network } from "../cidr.ts";
import type { OnDemand, StoredBgpPrefix } from "./bgp.ts";
import type { FakePrefixMembers } from "./seed.ts";

/** A binding as the fake keeps it. */
export interface StoredBinding {
  id: string;
  cidr: string;
  network: Network;
  service_id: string;
  service_name: string;
  state: string;
  reads: number;
  /** Set by `setProvisioningState`, or a state other than provisioning: the state no longer moves on by itself. */
  pinned: boolean;
}

/** A prefix of an account: its own members, its bindings and BGP prefixes by id. */
export interface StoredPrefix {
  id: string;
  cidr: string;
  network: Network;
  members: Omit<Required<FakePrefixMembers>, "ownership_validation_token"> & FakePrefixMembers;
  /** The on-demand advertisement its seed gives its BGP prefixes (and the prefix, while it has none spanning it). */
  onDemand: Partial<OnDemand>;
  bindings: Map<string, StoredBinding>;
  bgpPrefixes: Map<string, StoredBgpPrefix>;
}

/** An account, with its prefixes by id. */
export interface StoredAccount {
  id: string;
  prefixes: Map<string, StoredPrefix>;
}
