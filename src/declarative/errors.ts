// The errors of bindings as code: a file that cannot be used as it is, and a plan the account refuses.
import { ServiceBindingsError } from "../errors.ts";

/** A place in a bindings file, 1-based as editors show it. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One thing wrong, and where. */
export interface SourceProblem extends SourcePosition {
  message: string;
}

/** `file:line:column: message`, the form editors and CI logs link. */
export function formatProblem(problem: SourceProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Every problem found at once, each with its place, one per line of the message. Nothing was sent. */
export class ProblemsError extends ServiceBindingsError {
  override name = "ProblemsError";
  readonly problems: readonly SourceProblem[];

  constructor(problems: readonly SourceProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
}

/** The bindings file cannot be used: unreadable, not YAML or JSON, or not what the schema allows. */
export class BindingsFileError extends ProblemsError {
  override name = "BindingsFileError";
}

/** The file asks for what the account or Cloudflare's documented rules refuse. */
export class PlanError extends ProblemsError {
  override name = "PlanError";
}
