// advertisePrefix and withdrawPrefix: the last step of onboarding, guarded.
// Before anything is sent, the rules Cloudflare's documentation gives are
// checked on what the API reports (a table, each rule with its source and its
// fix); a refusal names the rule and sends nothing. Then Update BGP Prefix,
// and, if asked, a wait until Fetch BGP Prefix reports the change.
import { sameCidr } from "./cidr.ts";
import { AdvertisementRefusedError } from "./errors.ts";
import type { CallOptions } from "./options.ts";
import type { BgpPrefix, OperationParams, Prefix, Result, ServiceBinding } from "./types.ts";
import { runWaiter, type WaitOutcome, type WaitTiming } from "./waiter.ts";

/** A rule checked before an advertisement changes: what it requires, and the fix. */
export interface AdvertisementRule {
  requires: string;
  fix: string;
}

/**
 * The rules, by name, each from Cloudflare's documentation; `AdvertisementRefusedError.rule` is one of the
 * names. A withdrawal is checked against all but `bindings_active`, which `force: true` skips too.
 * - `prefix_approved`: approved is "V" once the RPKI, IRR and ownership validations pass
 *   (https://developers.cloudflare.com/byoip/get-started/).
 * - `bgp_prefix_spans_prefix`: a BGP prefix identical to the prefix is created automatically with the
 *   prefix-wide service binding (same page; https://developers.cloudflare.com/magic-transit/how-to/advertise-prefixes/).
 * - `on_demand_enabled`: whether advertisement may be changed on demand (the `on_demand_enabled` member,
 *   Cloudflare's published schema).
 * - `not_locked`: a locked advertisement "cannot be changed" until the pre-flight checks close
 *   (https://developers.cloudflare.com/magic-transit/how-to/advertise-prefixes/).
 * - `bindings_active`: "Allow five hours before you advertise the prefix" after the binding; bindings take
 *   four to six hours to propagate (Get started; https://developers.cloudflare.com/byoip/service-bindings/).
 */
export const ADVERTISEMENT_RULES = {
  prefix_approved: {
    requires: "the prefix is approved (approved: V)",
    fix: "wait until Cloudflare approves the prefix (Prefix Details reports approved: V)",
  },
  bgp_prefix_spans_prefix: {
    requires: "a BGP prefix spans the whole prefix",
    fix: "create the service binding that spans the prefix first; its BGP prefix comes with it",
  },
  on_demand_enabled: {
    requires: "on-demand advertisement is enabled for the BGP prefix",
    fix: "ask Cloudflare to enable on-demand advertisement for the prefix",
  },
  not_locked: {
    requires: "the advertisement is not locked",
    fix: "ask your Cloudflare account team to close the pre-flight checks and unlock the prefix",
  },
  bindings_active: {
    requires: "every service binding of the prefix is active",
    fix: "wait for the bindings (waitForServiceBinding), or pass force: true to advertise anyway",
  },
} as const satisfies Record<string, AdvertisementRule>;

/** The name of a rule. */
export type AdvertisementRuleName = keyof typeof ADVERTISEMENT_RULES;

/** The prefix whose advertisement changes. */
export type AdvertiseParams = OperationParams<"getPrefix">;

/** Options of `waitForAdvertisement`. The first poll is made at once. */
export interface AdvertisementWaitOptions extends WaitTiming {
  /**
   * The advertisement to wait for.
   * @default true
   */
  advertised?: boolean | undefined;
  /**
   * The wait after the first poll (made at once), growing by half up to `maxIntervalMs`.
   * @default 20000
   */
  intervalMs?: number | undefined;
  /**
   * The longest wait between polls.
   * @default 120000
   */
  maxIntervalMs?: number | undefined;
  /**
   * When to give up: twice the documented time of a withdrawal (about 15 minutes; advertising takes 2 to 7).
   * @default 1800000 (30 minutes)
   */
  timeoutMs?: number | undefined;
  /** Called after each poll, with the poll's number (1 for the first). */
  onPoll?: ((bgpPrefix: BgpPrefix, poll: number) => void) | undefined;
}

/** How a wait for an advertisement ended: the BGP prefix as last read, and how long it took. */
export interface AdvertisementWait {
  bgpPrefix: BgpPrefix;
  advertised: boolean;
  polls: number;
  elapsedMs: number;
}

/** Options of `advertisePrefix` and `withdrawPrefix`. */
export interface AdvertiseOptions {
  /** Advertise even while bindings of the prefix are not active yet. @default false */
  force?: boolean | undefined;
  /** Then wait until Fetch BGP Prefix reports the change: `true`, or the waiter's options. @default false */
  wait?: boolean | Omit<AdvertisementWaitOptions, "advertised"> | undefined;
  /** Stops at once, between or during the calls. */
  signal?: AbortSignal | undefined;
}

/** What `advertisePrefix` or `withdrawPrefix` did. */
export interface AdvertiseResult {
  prefix: Prefix;
  /** The BGP prefix that spans the prefix: as answered by the update, or by the wait's last poll. */
  bgpPrefix: BgpPrefix;
  /** False when it already was as asked: nothing was sent. */
  changed: boolean;
  /** How the wait ended, with `wait`. */
  waited?: AdvertisementWait;
}

/** The calls the guards make: the client's own methods. */
export interface AdvertiseCalls {
  getPrefix(params: AdvertiseParams, options: CallOptions): Promise<Result<"getPrefix">>;
  listBgpPrefixes(params: AdvertiseParams, options: CallOptions): Promise<Result<"listBgpPrefixes">>;
  getBgpPrefix(
    params: OperationParams<"getBgpPrefix">,
    options: CallOptions,
  ): Promise<Result<"getBgpPrefix">>;
  updateBgpPrefix(
    params: OperationParams<"updateBgpPrefix">,
    options: CallOptions,
  ): Promise<Result<"updateBgpPrefix">>;
  listServiceBindings(params: AdvertiseParams, options: CallOptions): Promise<Result<"listServiceBindings">>;
}

/** Polls Fetch BGP Prefix until `on_demand.advertised` is as wanted; a locked or disabled one ends the wait. */
export async function waitForAdvertisement(
  calls: Pick<AdvertiseCalls, "getBgpPrefix">,
  params: OperationParams<"getBgpPrefix">,
  options: AdvertisementWaitOptions = {},
): Promise<AdvertisementWait> {
  const advertised = options.advertised ?? true;
  const wanted = advertised ? "advertised" : "withdrawn";
  const stateOf = (bgp: BgpPrefix) =>
    bgp.on_demand.on_demand_locked
      ? "locked"
      : !bgp.on_demand.on_demand_enabled
        ? "not enabled for on-demand advertisement"
        : bgp.on_demand.advertised
          ? "advertised"
          : "withdrawn";
  const outcome: WaitOutcome<BgpPrefix> = await runWaiter(
    {
      subject: `BGP prefix ${params.bgp_prefix_id} of prefix ${params.prefix_id}`,
      describe: stateOf,
      acceptors: [
        { state: "success", reason: wanted, matches: (bgp) => bgp.on_demand.advertised === advertised },
        {
          // Stryker disable next-line StringLiteral: the engine ends with WaitError on any row that is not a success.
          state: "failure",
          reason: "locked",
          why: `its advertisement will not change while it is locked: ${ADVERTISEMENT_RULES.not_locked.fix}`,
          matches: (bgp) => bgp.on_demand.on_demand_locked,
        },
        {
          // Stryker disable next-line StringLiteral: the engine ends with WaitError on any row that is not a success.
          state: "failure",
          reason: "on_demand_disabled",
          why: `its advertisement will not change on demand: ${ADVERTISEMENT_RULES.on_demand_enabled.fix}`,
          matches: (bgp) => !bgp.on_demand.on_demand_enabled,
        },
      ],
      poll: (signal) => calls.getBgpPrefix(params, { signal }),
      defaults: { intervalMs: 20_000, maxIntervalMs: 120_000, timeoutMs: 1_800_000 },
    },
    options,
  );
  return { bgpPrefix: outcome.value, advertised, polls: outcome.polls, elapsedMs: outcome.elapsedMs };
}

/** The first rule the state breaks, if any. */
function brokenRule(
  prefix: Prefix,
  bgp: BgpPrefix | undefined,
  bindings: ServiceBinding[] | undefined,
): { rule: AdvertisementRuleName; detail: string } | undefined {
  if (prefix.approved !== "V") return { rule: "prefix_approved", detail: `approved is ${prefix.approved}` };
  if (!bgp) return { rule: "bgp_prefix_spans_prefix", detail: "no BGP prefix spans it" };
  if (!bgp.on_demand.on_demand_enabled)
    return { rule: "on_demand_enabled", detail: `BGP prefix ${bgp.id} has it off` };
  if (bgp.on_demand.on_demand_locked) return { rule: "not_locked", detail: `BGP prefix ${bgp.id} is locked` };
  // Bindings are read only for an advertisement without `force`: only then can any be pending.
  const pending = (bindings ?? []).filter((binding) => binding.provisioning.state !== "active");
  if (pending.length > 0) {
    const list = pending.map((b) => `${b.cidr} (${b.provisioning.state})`).join(", ");
    return { rule: "bindings_active", detail: `not active yet: ${list}` };
  }
  return undefined;
}

/**
 * Advertises (`advertise: true`) or withdraws a prefix: reads the prefix, the BGP prefix that spans it and,
 * before an advertisement, its bindings; refuses with `AdvertisementRefusedError` (sending nothing) when a
 * rule of ADVERTISEMENT_RULES is broken; sends Update BGP Prefix unless it already is as asked; then waits,
 * with `wait`, until Fetch BGP Prefix reports the change.
 */
export async function changeAdvertisement(
  calls: AdvertiseCalls,
  params: AdvertiseParams,
  advertise: boolean,
  { force = false, wait, signal }: AdvertiseOptions,
): Promise<AdvertiseResult> {
  const prefix = await calls.getPrefix(params, { signal });
  const spanning = (await calls.listBgpPrefixes(params, { signal })).find((bgp) =>
    sameCidr(bgp.cidr, prefix.cidr),
  );
  // Only an advertisement waits for the bindings, and `force` skips even that read.
  const bindings = advertise && !force ? await calls.listServiceBindings(params, { signal }) : undefined;
  const broken = brokenRule(prefix, spanning, bindings);
  if (broken) {
    const { requires, fix } = ADVERTISEMENT_RULES[broken.rule];
    throw new AdvertisementRefusedError(
      `${advertise ? "advertising" : "withdrawing"} prefix ${prefix.id} (${prefix.cidr}) needs ${requires}, but ${broken.detail}: ${fix}. Nothing was sent.`,
      { rule: broken.rule, fix, prefix, bgpPrefix: spanning },
    );
  }
  // brokenRule refuses a prefix that no BGP prefix spans.
  const bgp = spanning as BgpPrefix;
  const ids = { ...params, prefix_id: prefix.id, bgp_prefix_id: bgp.id };
  const changed = bgp.on_demand.advertised !== advertise;
  const bgpPrefix = changed
    ? await calls.updateBgpPrefix({ ...ids, body: { on_demand: { advertised: advertise } } }, { signal })
    : bgp;
  if (!wait) return { prefix, bgpPrefix, changed };
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: spreading `true` adds nothing, so either branch gives the same options.
  const waitOptions = wait === true ? {} : wait;
  const waited = await waitForAdvertisement(calls, ids, { signal, ...waitOptions, advertised: advertise });
  return { prefix, bgpPrefix: waited.bgpPrefix, changed, waited };
}
