// Plans and apply results as people read them (a diff, as `terraform plan`
// prints one: + create, - delete, ~ advertise or withdraw, one reason each)
// and as machines read them (JSON). Colour only when asked for.
import { styleText } from "node:util";
import type { ApplyEvent, ApplyResult, StepOutcome } from "./apply.ts";
import type { Plan, PlanStep } from "./plan.ts";

/** How to paint: `colour` only on a terminal, and never when NO_COLOR is set. */
export interface Paint {
  colour: boolean;
}

type Style = Parameters<typeof styleText>[0];
// Whether to paint is decided here (a terminal, no NO_COLOR), so styleText is not asked to check the stream.
const paint = (how: Paint, style: Style, text: string) =>
  how.colour ? styleText(style, text, { validateStream: false }) : text;

const SIGN = { create: "+", delete: "-", advertise: "~", withdraw: "~" } as const;
const STYLE: Record<PlanStep["action"], Style> = {
  create: "green",
  delete: "red",
  advertise: "yellow",
  withdraw: "yellow",
};

/** `+ create 192.0.2.16/29 -> CDN`, without its reason. */
export function describeStep(step: PlanStep): string {
  if (step.action === "create" || step.action === "delete") {
    return `${SIGN[step.action]} ${step.action} ${step.cidr} -> ${step.service.name}`;
  }
  return `${SIGN[step.action]} ${step.action} ${step.prefix.cidr}`;
}

/** The plan as a diff, grouped by prefix, each step with its reason, then a count. */
export function renderPlan(plan: Plan, how: Paint): string {
  if (plan.steps.length === 0) return `No changes: the account's bindings match ${plan.desired.file}.`;
  const lines = [`Plan for ${plan.desired.file} (account ${plan.accountId}):`];
  for (const prefix of plan.prefixes) {
    const steps = plan.steps.filter((s) => s.prefix.id === prefix.id);
    if (steps.length === 0) continue;
    lines.push(`  prefix ${prefix.cidr} (${prefix.id})`);
    for (const step of steps) {
      lines.push(
        `    ${paint(how, STYLE[step.action], describeStep(step))}  ${paint(how, "dim", `(${step.reason})`)}`,
      );
    }
  }
  const count = (action: PlanStep["action"], verb: string) => {
    const n = plan.steps.filter((s) => s.action === action).length;
    return n > 0 ? [`${n} to ${verb}`] : [];
  };
  lines.push(
    `${[...count("create", "create"), ...count("delete", "delete"), ...count("advertise", "advertise"), ...count("withdraw", "withdraw")].join(", ")}.`,
  );
  return lines.join("\n");
}

const MARK: Record<StepOutcome["outcome"], string> = {
  done: "done",
  already: "already so",
  pending: "pending",
};

/** One line for a step's outcome. */
export function renderOutcome(outcome: StepOutcome, how: Paint): string {
  const style: Style =
    outcome.outcome === "pending" ? "yellow" : outcome.outcome === "done" ? "green" : "dim";
  return `${paint(how, style, `${MARK[outcome.outcome]}:`)} ${describeStep(outcome.step)} (${outcome.detail})`;
}

/** `1h02m03s`, for elapsed time in progress lines. */
export function formatElapsed(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}h${pad(m)}m${pad(s)}s` : m > 0 ? `${m}m${pad(s)}s` : `${s}s`;
}

/** A progress line: a step's outcome, or a poll of a wait (elapsed time, what is pending, its state). */
export function renderEvent(event: ApplyEvent, how: Paint): string {
  if (event.type === "step") return renderOutcome(event.outcome, how);
  return paint(
    how,
    "dim",
    `[${formatElapsed(event.elapsedMs)}] waiting for ${event.waitingFor}: ${event.state} (poll ${event.poll})`,
  );
}

/** The end of an apply: whether the account matches the file, and what is left. */
export function renderApplyEnd(result: ApplyResult, how: Paint): string {
  if (result.converged) return `Apply complete: the account matches ${result.remaining.desired.file}.`;
  return [
    paint(how, "red", `Not done: ${result.remaining.steps.length} step(s) left:`),
    ...result.remaining.steps.map((step) => `  ${describeStep(step)}  (${step.reason})`),
  ].join("\n");
}

/** A plan as JSON for CI: the steps and each prefix's current and desired state. */
export function planJson(plan: Plan): object {
  return { file: plan.desired.file, accountId: plan.accountId, steps: plan.steps, prefixes: plan.prefixes };
}

/** An apply's result as JSON for CI. */
export function applyJson(result: ApplyResult): object {
  return { converged: result.converged, outcomes: result.outcomes, remaining: result.remaining.steps };
}
