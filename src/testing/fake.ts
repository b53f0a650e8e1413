// createServiceBindingsFake: an in-memory, stateful implementation of the API
// for users' own tests. It answers every operation of the spec as the real API
// does, refuses what the spec forbids with the spec's own failure envelopes,
// and keeps the state between calls, so a workflow (create, poll, read,
// delete) can be tested offline. The MSW shape: a store (store.ts), one
// handler per operation (handlers.ts) and the routing to them (routes.ts),
// plugged in where `fetch` goes; this file wires them into the public handles.
import type { Credentials } from "../credentials.ts";
import type { ProvisioningState } from "../types.ts";
import { createClock } from "./clock.ts";
import {
  createFaults,
  type FakeFailure,
  type FakeFaultTarget,
  failureEffect,
  lostAnswerError,
} from "./faults.ts";
import { createRouter, credentialsCheck, type Incoming } from "./routes.ts";
import { defaultSeed, type FakeSeed } from "./seed.ts";
import { createStore, type FakeState } from "./store.ts";

/** Options of `createServiceBindingsFake`. */
export interface FakeOptions {
  /** The accounts, prefixes, services and bindings to start with. @default one account, one approved prefix with its BGP prefix, three services, one Magic Transit binding spanning the prefix (see `defaultSeed`) */
  seed?: FakeSeed;
  /**
   * How many reads (gets, and lists that include it) a new binding reports `provisioning` for before it
   * reports `active`, so polling code is exercised without waiting.
   * @default 2
   */
  provisioningReads?: number;
  /**
   * The state a created binding starts in. `provisioning` moves on to `active` after `provisioningReads`
   * reads; any other state (`active`, `magic_transit_route_missing`, ...) stays until `setProvisioningState`.
   * @default "provisioning"
   */
  newBindingState?: ProvisioningState | (string & {});
  /**
   * The fake's time, in milliseconds since the epoch, before `advanceTime` adds to it. The default reads
   * `Date.now()`, so vitest's fake timers (`vi.useFakeTimers()`, `vi.setSystemTime`) move it too.
   * @default () => Date.now()
   */
  now?: () => number;
  /**
   * How long an advertisement registered by Update BGP Prefix takes to be reported, in the fake's time.
   * The docs say "two to seven minutes"; the value is the fake's choice.
   * @default 300_000 (5 minutes)
   */
  advertiseDelayMs?: number;
  /**
   * How long a withdrawal registered by Update BGP Prefix takes, in the fake's time (the docs:
   * "approximately 15 minutes").
   * @default 900_000 (15 minutes)
   */
  withdrawDelayMs?: number;
  /** The only credentials accepted (others get the spec's 401); by default any token, or any e-mail and key. */
  credentials?: Credentials;
}

/** The `status` a request is recorded with when its answer was lost (`loseNextAnswer`, `Prefer: lose-answer`). */
export const LOST_ANSWER = 0;

/** One request the fake received: never its headers, so never a credential. */
export interface FakeRequest {
  method: string;
  /** The path as received, below the origin (e.g. `/client/v4/accounts/…/addressing/services`). */
  path: string;
  /** The status answered; `LOST_ANSWER` (0, as `Response.error()` reports a network error) when the answer was lost. */
  status: number;
  /** For a lost answer, the status of the answer the fake made (the request was applied) and never sent. */
  lost?: number;
}

/** The fake: a `fetch`, a local HTTP server of the same state, and handles to seed, steer and inspect it. */
export interface ServiceBindingsFake {
  /**
   * A WHATWG fetch answering the API's paths under any origin: pass it as a client's `fetch`. It honours
   * `Prefer: code=NNN[, example=NAME]` (the spec's example, the request not applied, as Prism does) and
   * `Prefer: lose-answer` (applied, then rejected as `loseNextAnswer` does); a code or example the spec
   * does not declare for the operation rejects with an Error that says so.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /**
   * Serves the same state over HTTP on 127.0.0.1; `port` 0 (the default) picks a free one. A lost answer
   * resets the connection (the client sees ECONNRESET); a request the fake cannot take is answered 500
   * with the reason as text.
   */
  listen(options?: { port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  /** Sets a binding's `provisioning.state`, any value, and stops it moving on by itself. */
  setProvisioningState(bindingId: string, state: ProvisioningState | (string & {})): void;
  /**
   * Makes the next request(s) fail with `status` and the spec's failure envelope, without applying them:
   * of any operation, or only of `operation`, from its `nth` request on (1-based, counted from now), `times`
   * in a row. Faults wait in the order they were asked for.
   */
  failNext(failure: FakeFailure): void;
  /**
   * Loses the answer of the next request (of `operation`, its `nth`): the fake applies it, then `fetch`
   * rejects as Node's does on a reset connection (a TypeError "fetch failed" whose `cause.code` is
   * ECONNRESET), and over HTTP the connection is reset without an answer. Recorded with status `LOST_ANSWER`.
   */
  loseNextAnswer(target?: FakeFaultTarget): void;
  /** Moves the fake's time on by `ms`: what takes time (advertising, withdrawing) is due by then, without sleeping. */
  advanceTime(ms: number): void;
  /** What was received, in order: method, path and the status answered. */
  readonly requests: readonly FakeRequest[];
  /** A copy of the current state: each prefix as Prefix Details shows it, with its bindings and BGP prefixes. */
  state(): FakeState;
}

function delay(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(
      `createServiceBindingsFake: ${name} must be a non-negative number of milliseconds, got ${value}`,
    );
  }
  return value;
}

/** Creates a fake of the Service Bindings API. */
export function createServiceBindingsFake(options: FakeOptions = {}): ServiceBindingsFake {
  const authenticated = credentialsCheck(options.credentials);
  const clock = createClock(options.now ?? (() => Date.now()));
  const store = createStore(options.seed ?? defaultSeed(), {
    provisioningReads: options.provisioningReads ?? 2,
    newBindingState: options.newBindingState ?? "provisioning",
    delays: {
      advertiseMs: delay("advertiseDelayMs", options.advertiseDelayMs, 300_000),
      withdrawMs: delay("withdrawDelayMs", options.withdrawDelayMs, 900_000),
    },
    clock,
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
      const { response, lost } = await answer(incoming);
      const { method, path } = incoming;
      if (!lost) {
        requests.push({ method, path, status: response.status });
        return response;
      }
      requests.push({ method, path, status: LOST_ANSWER, lost: response.status });
      throw lostAnswerError();
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
    failNext: (failure) => faults.add("failNext", failure, failureEffect(failure)),
    loseNextAnswer: (target = {}) => faults.add("loseNextAnswer", target, "lose"),
    advanceTime: (ms) => clock.advance(ms),
    requests,
    state: () => store.snapshot(),
  };
  return fake;
}
