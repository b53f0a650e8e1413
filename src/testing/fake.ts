// createServiceBindingsFake: an in-memory, stateful implementation of the API
// for users' own tests. It answers every operation of the spec as the real API
// does, refuses what the spec forbids with the spec's own failure envelopes,
// and keeps the state between calls, so a workflow (create, poll, read,
// delete) can be tested offline. The MSW shape: a store (store.ts), one
// handler per operation (handlers.ts) and the routing to them (routes.ts),
// plugged in where `fetch` goes; this file wires them into the public handles.
import type { Credentials } from "../credentials.ts";
import type { ProvisioningState } from "../types.ts";
import { createFaults, type FakeFailure } from "./faults.ts";
import { createRouter, credentialsCheck, type Incoming } from "./routes.ts";
import { defaultSeed, type FakeSeed } from "./seed.ts";
import { createStore, type FakeState } from "./store.ts";

/** Options of `createServiceBindingsFake`. */
export interface FakeOptions {
  /** The accounts, prefixes, services and bindings to start with. @default one account, one prefix, three services, one Magic Transit binding spanning the prefix (see `defaultSeed`) */
  seed?: FakeSeed;
  /**
   * How many reads (gets, and lists that include it) a new binding reports `provisioning` for before it
   * reports `active`, so polling code is exercised without waiting.
   * @default 2
   */
  provisioningReads?: number;
  /** The only credentials accepted (others get the spec's 401); by default any token, or any e-mail and key. */
  credentials?: Credentials;
}

/** One request the fake received: never its headers, so never a credential. */
export interface FakeRequest {
  method: string;
  /** The path as received, below the origin (e.g. `/client/v4/accounts/…/addressing/services`). */
  path: string;
  status: number;
}

/** The fake: a `fetch`, a local HTTP server of the same state, and handles to seed, steer and inspect it. */
export interface ServiceBindingsFake {
  /** A WHATWG fetch answering the API's paths under any origin: pass it as a client's `fetch`. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Serves the same state over HTTP on 127.0.0.1; `port` 0 (the default) picks a free one. */
  listen(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  /** Sets a binding's `provisioning.state`, any value, and stops it moving on by itself. */
  setProvisioningState(bindingId: string, state: ProvisioningState | (string & {})): void;
  /** Makes the next request(s) fail with `status` and the spec's failure envelope. */
  failNext(failure: FakeFailure): void;
  /** What was received, in order: method, path and the status answered. */
  readonly requests: readonly FakeRequest[];
  /** A copy of the current state. */
  state(): FakeState;
}

/** Creates a fake of the Service Bindings API. */
export function createServiceBindingsFake(options: FakeOptions = {}): ServiceBindingsFake {
  const authenticated = credentialsCheck(options.credentials);
  const store = createStore(options.seed ?? defaultSeed(), {
    provisioningReads: options.provisioningReads ?? 2,
  });
  const faults = createFaults();
  const answer = createRouter({ store, faults, authenticated });
  const requests: FakeRequest[] = [];

  const fake: ServiceBindingsFake = {
    fetch: async (input, init) => {
      // Read as they are rather than building a Request (cheaper): the init wins, a Request fills in.
      const base = input instanceof Request ? input : undefined;
      const body = init?.body ?? undefined;
      const incoming: Incoming = {
        method: (init?.method ?? base?.method ?? "GET").toUpperCase(),
        path: new URL(base ? base.url : String(input)).pathname,
        headers: new Headers(init?.headers ?? base?.headers),
        text: async () => (body !== undefined ? new Response(body).text() : base ? base.text() : undefined),
      };
      const response = await answer(incoming);
      requests.push({ method: incoming.method, path: incoming.path, status: response.status });
      return response;
    },
    listen: async (listenOptions = {}) => {
      const { serve } = await import("./http.ts");
      return serve(fake.fetch, listenOptions.port ?? 0);
    },
    setProvisioningState: (bindingId, state) => {
      if (!store.pin(bindingId, state)) {
        throw new Error(`setProvisioningState: the fake has no binding ${bindingId}`);
      }
    },
    failNext: (failure) => faults.add(failure),
    requests,
    state: () => store.snapshot(),
  };
  return fake;
}
