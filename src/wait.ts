// waitForServiceBinding: polls a binding until its rollout ends, the waiter
// every user writes by hand. Like the AWS SDK's waiters, the states that end a
// wait are a table; every other state polls again.
import { CloudflareApiError, ConnectionError, type ServiceBindingsError, WaitError } from "./errors.ts";
import { isRetryableStatus, sleep } from "./retry.ts";
import type { PathParams, ProvisioningState, ServiceBinding } from "./types.ts";

/** Options of `waitForServiceBinding`. */
export interface WaitOptions {
  /**
   * The state that ends the wait with the binding.
   * @default "active"
   */
  until?: ProvisioningState | undefined;
  /**
   * The first wait between polls; each later one is half as long again, up to `maxIntervalMs`, and each is
   * shortened by up to a quarter at random so that many waiters do not poll in step.
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
  /** Stops the wait at once, during a poll or between polls. */
  signal?: AbortSignal | undefined;
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
 * Polls `get` until the binding's state is `until`. Rejects with `WaitError` on a failure state or when
 * `timeoutMs` passes, with `NotFoundError` when the binding disappears, and with the call's error for any
 * other failure; a transient failure (after the client's own retries) only waits for the next poll.
 */
export async function waitFor(
  get: (params: WaitParams, options: { signal?: AbortSignal | undefined }) => Promise<ServiceBinding>,
  params: WaitParams,
  options: WaitOptions = {},
): Promise<ServiceBinding> {
  const { until = "active", signal, onPoll } = options;
  const maxIntervalMs = options.maxIntervalMs ?? 300_000;
  const deadline = Date.now() + (options.timeoutMs ?? 28_800_000);
  const subject = `binding ${params.binding_id} of prefix ${params.prefix_id}`;
  let interval = options.intervalMs ?? 30_000;
  let last: ServiceBinding | undefined;
  let lastError: ServiceBindingsError | undefined;
  for (let poll = 1; ; poll++) {
    try {
      last = await get(params, { signal });
      lastError = undefined;
      onPoll?.(last, poll);
      const { state } = last.provisioning;
      if (state === until) return last;
      const why = FAILURE_STATES[state];
      if (why) throw new WaitError(`${subject} is ${state}: ${why} (after ${poll} polls)`, last, poll);
    } catch (error) {
      // A lost connection, a server error or a rate limit that the client's own retries did not get past
      // waits for the next poll; anything else (a 404, a refusal, an abort) ends the wait.
      const transient = error instanceof CloudflareApiError && isRetryableStatus(error.status);
      if (!transient && !(error instanceof ConnectionError)) throw error;
      lastError = error;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const state = last ? `its last state was ${last.provisioning.state}` : "it was never read";
      const cause = lastError ? `; the last poll failed: ${lastError.message}` : "";
      throw new WaitError(
        `${subject} did not become ${until} in time: ${state}${cause} (after ${poll} polls)`,
        last,
        poll,
      );
    }
    // An abort ends the sleep at once; the next poll, with the aborted signal, then throws RequestAbortedError.
    await sleep(Math.min(Math.round(interval * (1 - Math.random() / 4)), left), signal).catch(() => {});
    interval = Math.min(interval * 1.5, maxIntervalMs);
  }
}
