// The fake's state: the services, the accounts with their prefixes and
// bindings, and the operations on them. It knows nothing of HTTP; the rules of
// the API (what may be created or deleted) are the handlers'. A binding's state
// moves on by itself in one place only, `settle`.
import type { Service, ServiceBinding } from "../types.ts";
import { contains, type Network, parseCidr } from "./cidr.ts";
import type { FakeSeed } from "./seed.ts";

/** A snapshot of the fake's state. */
export interface FakeState {
  services: Service[];
  accounts: { id: string; prefixes: { id: string; cidr: string; bindings: ServiceBinding[] }[] }[];
}

/** A binding as the fake keeps it. */
export interface StoredBinding {
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

/** A prefix of an account, with its bindings by id. */
export interface StoredPrefix {
  id: string;
  cidr: string;
  network: Network;
  bindings: Map<string, StoredBinding>;
}

/** An account, with its prefixes by id. */
export interface StoredAccount {
  id: string;
  prefixes: Map<string, StoredPrefix>;
}

/** What a new binding is made of; the store gives it an id and starts it provisioning. */
export type NewBinding = Pick<StoredBinding, "cidr" | "network" | "service_id" | "service_name">;

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
  /** Adds a new binding to the prefix, provisioning. */
  createBinding(prefix: StoredPrefix, binding: NewBinding): StoredBinding;
  deleteBinding(prefix: StoredPrefix, id: string): void;
  /** Sets a binding's state, any value, and stops it moving on by itself; false when there is no such binding. */
  pin(bindingId: string, state: string): boolean;
  /** A copy of the whole state. */
  snapshot(): FakeState;
}

/** A random 32-hex id, as the API's are. */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The store, filled from the seed (refused, naming the entry, when it is not a state the API could be in). */
export function createStore(seed: FakeSeed, options: { provisioningReads: number }): Store {
  const services = (seed.services ?? []).map((service) => ({ ...service }));
  const accounts = new Map<string, StoredAccount>();
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
    accounts.set(account.id, { id: account.id, prefixes });
  }

  /** A binding as the API shows it; a read moves a new binding's provisioning on. */
  function settle(binding: StoredBinding, read: boolean): ServiceBinding {
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

  return {
    services,
    serviceName,
    account: (id) => accounts.get(id),
    read: (binding) => settle(binding, true),
    show: (binding) => settle(binding, false),
    createBinding: (prefix, fields) => {
      const binding: StoredBinding = {
        id: randomId(),
        ...fields,
        state: "provisioning",
        reads: 0,
        pinned: false,
      };
      prefix.bindings.set(binding.id, binding);
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
    snapshot: () => ({
      services: services.map((service) => ({ ...service })),
      accounts: [...accounts.values()].map((account) => ({
        id: account.id,
        prefixes: [...account.prefixes.values()].map((prefix) => ({
          id: prefix.id,
          cidr: prefix.cidr,
          bindings: [...prefix.bindings.values()].map((binding) => settle(binding, false)),
        })),
      })),
    }),
  };
}
