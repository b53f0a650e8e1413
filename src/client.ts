// createServiceBindingsClient: the options checked (options.ts), one typed
// call per operation of the spec (methods.ts), the lifecycle helpers built on
// those calls, and the raw openapi-fetch client for anything else.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.ts";
import { OPERATIONS } from "../generated/operations.ts";
import {
  type AdvertisementWait,
  type AdvertisementWaitOptions,
  type AdvertiseOptions,
  type AdvertiseParams,
  type AdvertiseResult,
  changeAdvertisement,
  waitForAdvertisement,
} from "./advertise.ts";
import { type EnsureOptions, type EnsureParams, type EnsureResult, ensure } from "./ensure.ts";
import {
  createMethods,
  type GetServiceBindingParams,
  pathParamsFor,
  type ServiceBindingsMethods,
} from "./methods.ts";
import { resolveOptions, type ServiceBindingsClientOptions } from "./options.ts";
import type { OperationParams, ServiceBinding } from "./types.ts";
import { checkDelay } from "./validate.ts";
import { type WaitOptions, type WaitParams, waitFor } from "./wait.ts";

/** The client: one method per operation of the spec, named by its operationId, the lifecycle helpers, and `raw`. */
export interface ServiceBindingsClient extends ServiceBindingsMethods {
  /**
   * Waits for a binding's rollout to end: polls Get Service Binding until `provisioning.state` is `active`
   * (or `options.until`) and resolves with the binding. Cloudflare's documentation says propagation takes four
   * to six hours, so the first wait is 30 s, growing to 5 min, and the wait gives up after 8 h.
   *
   * Rejects with `WaitError` (naming the last state) on `magic_transit_route_missing`, which needs a Magic
   * Transit route before it moves on, and when `timeoutMs` passes; with `NotFoundError` when the binding
   * disappears. A state it does not know keeps it polling; a poll that fails for a transient reason (after the
   * client's own retries) only waits for the next one.
   */
  waitForServiceBinding(params: GetServiceBindingParams, options?: WaitOptions): Promise<ServiceBinding>;
  /**
   * The safe create: resolves with the binding of `cidr` to `service_id`, creating it only when none exists,
   * and whether it did (`{ binding, created }`). It lists first, and returns a binding of that CIDR and
   * service as it is; a binding of that CIDR to another service is a `BindingConflictError` that names it. When a create's answer is lost (the connection failed
   * after it was sent), it lists again to find what that create made before it tries again (up to
   * `maxRetries` more times), so it never leaves a duplicate. With `{ wait: true }` (or the waiter's options)
   * it then waits for the binding to be active, as `waitForServiceBinding` does.
   */
  ensureServiceBinding(params: EnsureParams, options?: EnsureOptions): Promise<EnsureResult>;
  /**
   * Advertises the prefix over BGP, guarded: it reads the prefix, the BGP prefix that spans it and the
   * prefix's bindings, and refuses with `AdvertisementRefusedError`, sending nothing, unless the prefix is
   * approved, on-demand advertisement is enabled and not locked, and every binding is active (`force: true`
   * skips only that last rule; Cloudflare says to allow five hours after binding). The rules, with their
   * sources, are `ADVERTISEMENT_RULES`. Then Update BGP Prefix (not sent when it already is advertised) and,
   * with `wait`, a wait until Fetch BGP Prefix reports it: advertising takes two to seven minutes.
   */
  advertisePrefix(params: AdvertiseParams, options?: AdvertiseOptions): Promise<AdvertiseResult>;
  /**
   * Withdraws the prefix, guarded as `advertisePrefix` is (but bindings need not be active). Withdrawing takes
   * about 15 minutes; `wait` waits for it.
   */
  withdrawPrefix(params: AdvertiseParams, options?: AdvertiseOptions): Promise<AdvertiseResult>;
  /**
   * Polls Fetch BGP Prefix, the first poll at once, until `on_demand.advertised` is `options.advertised`
   * (default true), and resolves with how it ended (`{ bgpPrefix, advertised, polls, elapsedMs }`). Rejects
   * with `WaitError` when the BGP prefix is locked or not enabled for on-demand advertisement (it will not
   * change by itself; `reason` says which) and when `timeoutMs` (30 min) passes (`reason: "timeout"`).
   */
  waitForAdvertisement(
    params: OperationParams<"getBgpPrefix">,
    options?: AdvertisementWaitOptions,
  ): Promise<AdvertisementWait>;
  /** The underlying typed openapi-fetch client, authenticated, for anything else (no retries, no unwrapping). */
  readonly raw: Client<paths>;
}

/** Creates a client. Throws `InvalidArgumentError` at once on missing or conflicting credentials or bad options. */
export function createServiceBindingsClient(options: ServiceBindingsClientOptions): ServiceBindingsClient {
  const config = resolveOptions(options);
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    headers: config.headers,
    fetch: config.fetch,
    // A redirect is an error here, never followed: following one would send the
    // legacy X-Auth-Key header to whatever host the redirect names.
    redirect: "manual",
  });
  // The config holds everything a call needs but the raw client.
  const context = { ...config, raw };
  const client = { raw, ...createMethods(context) } as ServiceBindingsClient;
  client.waitForServiceBinding = async (params, waitOptions = {}) => {
    checkTiming(waitOptions);
    const ids = pathParamsFor(OPERATIONS.getServiceBinding, { ...params }, config.accountId) as WaitParams;
    return waitFor(client.getServiceBinding, ids, waitOptions);
  };
  client.ensureServiceBinding = async (params, ensureOptions = {}) =>
    ensure(
      {
        list: client.listServiceBindings,
        create: client.createServiceBinding,
        wait: client.waitForServiceBinding,
      },
      params,
      ensureOptions,
      config.maxRetries + 1,
    );
  client.advertisePrefix = async (params, advertiseOptions = {}) => {
    if (typeof advertiseOptions.wait === "object") checkTiming(advertiseOptions.wait);
    return changeAdvertisement(client, params, true, advertiseOptions);
  };
  client.withdrawPrefix = async (params, advertiseOptions = {}) => {
    if (typeof advertiseOptions.wait === "object") checkTiming(advertiseOptions.wait);
    return changeAdvertisement(client, params, false, advertiseOptions);
  };
  client.waitForAdvertisement = async (params, waitOptions = {}) => {
    checkTiming(waitOptions);
    return waitForAdvertisement(client, params, waitOptions);
  };
  return client;
}

/** Checks a waiter's timing options before the first poll. */
function checkTiming(options: { intervalMs?: unknown; maxIntervalMs?: unknown; timeoutMs?: unknown }): void {
  for (const name of ["intervalMs", "maxIntervalMs", "timeoutMs"] as const) {
    if (options[name] !== undefined) checkDelay(name, options[name]);
  }
}
