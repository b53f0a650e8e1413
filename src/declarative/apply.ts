// applyServiceBindingsPlan: runs a plan's steps in order, re-reading the state
// before each one, through the safe create and the advertisement guards, so
// that applying twice is a no-op and an apply stopped at any point (a lost
// answer, a crash, Ctrl-C) converges when run again: nothing is created twice,
// and nothing the file keeps is deleted.
import { sameCidr } from "../cidr.ts";
import type { ServiceBindingsClient } from "../client.ts";
import { AdvertisementRefusedError, NotFoundError } from "../errors.ts";
import type { ServiceBinding } from "../types.ts";
import { type Plan, type PlanStep, planServiceBindings } from "./plan.ts";

/** Options of `applyServiceBindingsPlan`. */
export interface ApplyOptions {
  /**
   * Wait for the bindings to be active before advertising, and for the advertisement to show; without it,
   * an advertisement waits for a later apply while bindings are still provisioning. @default false
   */
  wait?: boolean | undefined;
  /** The longest any one wait may take. @default 28800000 (8 hours, as waitForServiceBinding) */
  timeoutMs?: number | undefined;
  /** The first wait between polls of each waiter (tests shorten it). */
  intervalMs?: number | undefined;
  /** Stops at once, between or during the calls; what was done stays done. */
  signal?: AbortSignal | undefined;
  /** Hears each step as it ends, and each poll while waiting. */
  onProgress?: ((event: ApplyEvent) => void) | undefined;
}

/** What happened to one step. */
export interface StepOutcome {
  step: PlanStep;
  /** `done`: this apply did it; `already`: the state had it when re-read; `pending`: it waits for a later apply. */
  outcome: "done" | "already" | "pending";
  detail: string;
}

/** A progress event: a step ended, or a waiter polled. */
export type ApplyEvent =
  | { type: "step"; outcome: StepOutcome }
  | { type: "poll"; elapsedMs: number; waitingFor: string; state: string; poll: number };

/** How an apply ended. */
export interface ApplyResult {
  outcomes: StepOutcome[];
  /** True when the account now matches the file (an advertisement this apply registered counts). */
  converged: boolean;
  /** The plan after the apply: its steps are what is left to do. */
  remaining: Plan;
}

/** The calls an apply makes: the client's own, its helpers included. */
export type ApplyCalls = Pick<
  ServiceBindingsClient,
  | "listServices"
  | "listPrefixes"
  | "listServiceBindings"
  | "listBgpPrefixes"
  | "deleteServiceBinding"
  | "ensureServiceBinding"
  | "waitForServiceBinding"
  | "advertisePrefix"
  | "withdrawPrefix"
>;

/**
 * Applies a plan from `planServiceBindings`, step by step, each after re-reading what it changes; then
 * plans again (from the plan's desired state) to say what, if anything, is left.
 */
export async function applyServiceBindingsPlan(
  client: ApplyCalls,
  plan: Plan,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const { signal, onProgress } = options;
  const started = Date.now();
  const account = { account_id: plan.accountId };
  // Left undefined, each waiter takes its own default.
  const timing = { signal, timeoutMs: options.timeoutMs, intervalMs: options.intervalMs };
  const outcomes: StepOutcome[] = [];
  const record = (step: PlanStep, outcome: StepOutcome["outcome"], detail: string) => {
    const entry = { step, outcome, detail };
    outcomes.push(entry);
    onProgress?.({ type: "step", outcome: entry });
  };
  /** Waits, with progress, for every binding of the prefix that is not active yet. */
  const waitForBindings = async (prefixId: string) => {
    const ids = { ...account, prefix_id: prefixId };
    for (const binding of await client.listServiceBindings(ids, { signal })) {
      if (binding.provisioning.state === "active") continue;
      await client.waitForServiceBinding(
        { ...ids, binding_id: binding.id },
        {
          ...timing,
          onPoll: (seen: ServiceBinding, poll: number) =>
            onProgress?.({
              type: "poll",
              elapsedMs: Date.now() - started,
              waitingFor: `${seen.cidr} -> ${seen.service_name ?? seen.service_id}`,
              state: seen.provisioning.state,
              poll,
            }),
        },
      );
    }
  };

  let waitedForBindings = false;
  for (const step of plan.steps) {
    const ids = { ...account, prefix_id: step.prefix.id };
    if (step.action === "delete") {
      // Re-read: the binding of that CIDR and service, if it is still there (its id may have changed).
      const found = (await client.listServiceBindings(ids, { signal })).find(
        (b) => sameCidr(b.cidr, step.cidr) && b.service_id === step.service.id,
      );
      if (!found) {
        record(step, "already", "it was gone");
        continue;
      }
      try {
        await client.deleteServiceBinding({ ...ids, binding_id: found.id }, { signal });
        record(step, "done", "deleted");
      } catch (error) {
        // Deleted meanwhile (or by an earlier attempt whose answer was lost).
        if (!(error instanceof NotFoundError)) throw error;
        record(step, "already", "it was gone");
      }
    } else if (step.action === "create") {
      // The safe create lists first, and after a lost answer lists again: never a duplicate.
      const { created } = await client.ensureServiceBinding(
        { ...ids, cidr: step.cidr, service_id: step.service.id },
        { signal },
      );
      record(step, created ? "done" : "already", created ? "created" : "it was there");
    } else {
      const advertise = step.action === "advertise";
      if (advertise && options.wait && !waitedForBindings) {
        // Advertise last, only once the bindings are active: wait for every planned prefix's.
        for (const prefix of plan.prefixes) await waitForBindings(prefix.id);
        waitedForBindings = true;
      }
      try {
        const change = advertise ? client.advertisePrefix : client.withdrawPrefix;
        const result = await change({ ...ids }, { signal, ...(options.wait ? { wait: timing } : {}) });
        const shown = options.wait
          ? "and it shows"
          : `Cloudflare takes ${advertise ? "2 to 7" : "about 15"} minutes`;
        record(
          step,
          result.changed ? "done" : "already",
          result.changed ? `requested, ${shown}` : "it was so",
        );
      } catch (error) {
        if (!(error instanceof AdvertisementRefusedError && error.rule === "bindings_active")) throw error;
        record(
          step,
          "pending",
          `${error.message.replace(". Nothing was sent.", "")}; apply again later, or with --wait`,
        );
      }
    }
  }
  const remaining = await planServiceBindings(client, plan.desired, { signal });
  // An advertisement or withdrawal this apply registered takes minutes to show; it counts as done.
  const registered = new Set(
    outcomes
      .filter((o) => o.outcome === "done" && (o.step.action === "advertise" || o.step.action === "withdraw"))
      .map((o) => `${o.step.action} ${o.step.prefix.id}`),
  );
  const left = remaining.steps.filter((s) => !registered.has(`${s.action} ${s.prefix.id}`));
  return { outcomes, converged: left.length === 0, remaining: { ...remaining, steps: left } };
}
