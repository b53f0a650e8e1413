// The fake's state: the services, the accounts with their prefixes, bindings
// and BGP prefixes, and the operations on them. It knows nothing of HTTP; the
// rules of the API (what may be created, changed or deleted) are the
// handlers'. State moves on by itself in two places only: a binding's
// provisioning as it is read (`settle` of a binding), and what is due on the
// fake's clock (`settle`).

import { sameNetwork } from "../cidr.ts";
import type { Service, ServiceBinding } from "../types.ts";
import {
  type AdvertisementDelays,
  type BgpPrefix,
  requestAdvertised,
  type StoredBgpPrefix,
  settleBgpPrefix,
  showBgpPrefix,
} from "./bgp.ts";
import { type Clock, timestamp } from "./clock.ts";
import { type Prefix, showPrefix, spanningOf } from "./prefix.ts";
import type { FakeSeed } from "./seed.ts";
import { loadSeed, randomId, spanningBgpPrefix } from "./seed-load.ts";
import type { StoredAccount, StoredBinding, StoredPrefix } from "./stored.ts";

/** A snapshot of the fake's state: each prefix as Prefix Details shows it, with its bindings and BGP prefixes. */
export interface FakeState {
  services: Service[];
  accounts: { id: string; prefixes: (Prefix & { bindings: ServiceBinding[]; bgpPrefixes: BgpPrefix[] })[] }[];
}

/** What a new binding is made of; the store gives it an id and its first state. */
export type NewBinding = Pick<StoredBinding, "cidr" | "network" | "service_id" | "service_name">;

/** What the store is told besides the seed. */
export interface StoreOptions {
  provisioningReads: number;
  /** The state a created binding starts in; only `provisioning` moves on (to `active`, as it is read). */
  newBindingState: string;
  delays: AdvertisementDelays;
  clock: Clock;
}

/** The fake's state and the operations on it. */
export interface Store {
  readonly services: readonly Service[];
  /** The name of the service with this id, if List Services lists it. */
  serviceName(id: string): string | undefined;
  account(id: string): StoredAccount | undefined;
  /** A binding as a get or a list shows it: the read may move its provisioning on. */
  read(binding: StoredBinding): ServiceBinding;
  /** A binding as it is now, without reading it (a create's answer, a snapshot). */
  show(binding: StoredBinding): ServiceBinding;
  /** Adds a binding to the prefix; the one spanning it also creates the prefix's BGP prefix if it has none. */
  createBinding(prefix: StoredPrefix, binding: NewBinding): StoredBinding;
  deleteBinding(prefix: StoredPrefix, id: string): void;
  /** Sets a binding's state, any value, and stops it moving on by itself; false when there is no such binding. */
  pin(bindingId: string, state: string): boolean;
  showPrefix(account: StoredAccount, prefix: StoredPrefix): Prefix;
  showBgpPrefix(bgp: StoredBgpPrefix): BgpPrefix;
  /** Applies Update BGP Prefix: the members that apply at once, and the advertisement, registered. */
  updateBgpPrefix(
    bgp: StoredBgpPrefix,
    change: {
      asn_prepend_count?: number;
      auto_advertise_withdraw?: boolean;
      advertised?: boolean | undefined;
    },
  ): void;
  /** What is due by the fake's time now takes effect: called before each request is handled. */
  settle(): void;
  /** A copy of the whole state, settled. */
  snapshot(): FakeState;
}

/** The store, filled from the seed (refused, naming the entry, when it is not a state the API could be in). */
export function createStore(seed: FakeSeed, options: StoreOptions): Store {
  const { services, accounts } = loadSeed(seed);
  const serviceName = (id: string) => services.find((service) => service.id === id)?.name;
  const { clock } = options;

  /** A binding as the API shows it; a read moves a new binding's provisioning on. */
  function showBinding(binding: StoredBinding, read: boolean): ServiceBinding {
    const view = {
      id: binding.id,
      cidr: binding.cidr,
      provisioning: { state: binding.state },
      service_id: binding.service_id,
      service_name: binding.service_name,
    } as ServiceBinding;
    // Only a created binding moves on (it is provisioning until then); a pinned one stays.
    if (read && !binding.pinned && ++binding.reads >= options.provisioningReads) {
      binding.state = "active";
    }
    return view;
  }

  function findBinding(id: string): StoredBinding | undefined {
    for (const account of accounts.values()) {
      for (const prefix of account.prefixes.values()) {
        const binding = prefix.bindings.get(id);
        if (binding) return binding;
      }
    }
    return undefined;
  }

  function settle(): void {
    const now = clock.now();
    for (const account of accounts.values()) {
      for (const prefix of account.prefixes.values()) {
        for (const bgp of prefix.bgpPrefixes.values()) settleBgpPrefix(bgp, now);
      }
    }
  }

  return {
    services,
    serviceName,
    account: (id) => accounts.get(id),
    read: (binding) => showBinding(binding, true),
    show: (binding) => showBinding(binding, false),
    createBinding: (prefix, fields) => {
      const binding: StoredBinding = {
        id: randomId(),
        ...fields,
        state: options.newBindingState,
        reads: 0,
        pinned: options.newBindingState !== "provisioning",
      };
      prefix.bindings.set(binding.id, binding);
      if (sameNetwork(binding.network, prefix.network) && !spanningOf(prefix)) {
        const bgp = spanningBgpPrefix(prefix, clock.now());
        prefix.bgpPrefixes.set(bgp.id, bgp);
      }
      return binding;
    },
    deleteBinding: (prefix, id) => {
      prefix.bindings.delete(id);
    },
    pin: (bindingId, state) => {
      const binding = findBinding(bindingId);
      if (!binding) return false;
      binding.state = state;
      binding.pinned = true;
      return true;
    },
    showPrefix: (account, prefix) => showPrefix(account.id, prefix),
    showBgpPrefix,
    updateBgpPrefix: (bgp, { advertised, ...atOnce }) => {
      const keys = Object.keys(atOnce) as (keyof typeof atOnce)[];
      // A request for what it already has changes nothing, not even modified_at.
      if (keys.some((key) => bgp[key] !== atOnce[key])) {
        Object.assign(bgp, atOnce);
        bgp.modified_at = timestamp(clock.now());
      }
      if (advertised !== undefined) requestAdvertised(bgp, advertised, clock.now(), options.delays);
    },
    settle,
    snapshot: () => {
      settle();
      return {
        services: services.map((service) => ({ ...service })),
        accounts: [...accounts.values()].map((account) => ({
          id: account.id,
          prefixes: [...account.prefixes.values()].map((prefix) => ({
            ...showPrefix(account.id, prefix),
            bindings: [...prefix.bindings.values()].map((binding) => showBinding(binding, false)),
            bgpPrefixes: [...prefix.bgpPrefixes.values()].map(showBgpPrefix),
          })),
        })),
      };
    },
  };
}
