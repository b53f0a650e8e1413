// cloudflare-service-bindings/bindings: service bindings kept as code. A file (YAML or JSON, checked against
// bindings.schema.json) says what the bindings of some prefixes should be; a plan says what it takes; an
// apply makes it so, safely run twice. The command-line tool is built on exactly these.
export {
  type ApplyCalls,
  type ApplyEvent,
  type ApplyOptions,
  type ApplyResult,
  applyServiceBindingsPlan,
  type StepOutcome,
} from "./apply.ts";
export {
  BindingsFileError,
  formatProblem,
  PlanError,
  ProblemsError,
  type SourcePosition,
  type SourceProblem,
} from "./errors.ts";
export {
  BINDINGS_SCHEMA,
  type DesiredBinding,
  type DesiredPrefix,
  type DesiredState,
  parseBindingsFile,
} from "./file.ts";
export {
  type Plan,
  type PlanCalls,
  type PlannedPrefix,
  type PlannedPrefixRef,
  type PlanStep,
  planServiceBindings,
} from "./plan.ts";
export { applyJson, describeStep, planJson, renderApplyEnd, renderPlan } from "./render.ts";
