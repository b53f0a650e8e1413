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

/** The bindings file cannot be used: every problem found, each with its place. Nothing was sent. */
export class BindingsFileError extends ServiceBindingsError {
  override name = "BindingsFileError";
  readonly problems: readonly SourceProblem[];

  constructor(problems: readonly SourceProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
}
