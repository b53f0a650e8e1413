// waitForServiceBinding: polls a binding until its rollout ends, the waiter
// every user writes by hand, as data for the waiter engine (waiter.ts): the
// states that end a wait are a table; every other state polls again.
import type { PathParams, ProvisioningState, ServiceBinding } from "./types.ts";
import { type Acceptor, runWaiter, type WaitTiming } from "./waiter.ts";

/** Options of `waitForServiceBinding`. The first poll is made at once. */
export interface WaitOptions extends WaitTiming {
  /**
   * The state that ends the wait with the binding.
   * @default "active"
   */
  until?: ProvisioningState | undefined;
  /**
   * The wait after the first poll (which is made at once); each later one is half as long again, up to
   * `maxIntervalMs`, and each is shortened by up to a quarter at random so that many waiters do not poll in step.
   * @default 30000
   */
  intervalMs?: number | undefined;
  /**
   * The longest wait between polls.
   * @default 300000
   */
  maxIntervalMs?: number | undefined;
  /**
   * When to give up. Cloudflare's documentation says a binding takes four to six hours to propagate.
   * @default 28800000 (8 hours)
   */
  timeoutMs?: number | undefined;
  /** Called after each poll that read the binding, with the poll's number (1 for the first). */
  onPoll?: ((binding: ServiceBinding, poll: number) => void) | undefined;
}

/**
 * The states that end a wait as a failure, and why. Any state not listed here, and not `until`, polls again:
 * `provisioning`, and any state Cloudflare adds later.
 */
export const FAILURE_STATES: Readonly<Record<string, string>> = {
  magic_transit_route_missing:
    "it will not become active until a Magic Transit route covers its CIDR; add the route, then wait again",
};

/** The binding to wait for, every id given. */
export type WaitParams = PathParams<"getServiceBinding">;

/**
 * Polls `get` until the binding's state is `until` and resolves with the binding. Rejects with `WaitError`
 * on a failure state or when `timeoutMs` passes, with `NotFoundError` when the binding disappears, and with
 * the call's error for any other failure; a transient failure (after the client's own retries) only waits
 * for the next poll.
 */
export async function waitFor(
  get: (params: WaitParams, options: { signal?: AbortSignal | undefined }) => Promise<ServiceBinding>,
  params: WaitParams,
  options: WaitOptions = {},
): Promise<ServiceBinding> {
  const until = options.until ?? "active";
  const stateOf = (binding: ServiceBinding) => binding.provisioning.state;
  const acceptors: Acceptor<ServiceBinding>[] = [
    { state: "success", reason: until, matches: (binding) => stateOf(binding) === until },
    ...Object.entries(FAILURE_STATES).map(([reason, why]) => ({
      state: "failure" as const,
      reason,
      why,
      matches: (binding: ServiceBinding) => stateOf(binding) === reason,
    })),
  ];
  const outcome = await runWaiter(
    {
      subject: `binding ${params.binding_id} of prefix ${params.prefix_id}`,
      describe: stateOf,
      acceptors,
      poll: (signal) => get(params, { signal }),
      defaults: { intervalMs: 30_000, maxIntervalMs: 300_000, timeoutMs: 28_800_000 },
    },
    options,
  );
  return outcome.value;
}
