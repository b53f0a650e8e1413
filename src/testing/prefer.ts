// The `Prefer` request header, for tests that drive the fake over HTTP from
// any language: `code=NNN` and `example=NAME` as Prism takes them (the spec's
// example of that status, by that name, and the request is not applied), and
// `lose-answer`, the fake's own (the request is applied, its answer lost).
// Other preferences are ignored, as RFC 7240 asks.
import { RESPONSE_EXAMPLES } from "../../generated/examples.ts";
import { example, type JsonAnswer } from "./answers.ts";

/** What a request's `Prefer` header asks of the fake: an example instead of its answer, or its answer lost. */
export type Preference = { answer: JsonAnswer } | "lose" | undefined;

/** The preferences of a `Prefer` header, by lower-cased name (`code=404, example=x` or `lose-answer`). */
function parse(header: string): Map<string, string> {
  const preferences = new Map<string, string>();
  for (const part of header.split(/[,;]/)) {
    // Stryker disable next-line StringLiteral: split always yields a first part; the default is for the type.
    const [name = "", ...value] = part.split("=");
    // An empty part (`code=409,,`) is kept under the name "", which nothing asks for.
    preferences.set(
      name.trim().toLowerCase(),
      value
        .join("=")
        .trim()
        .replace(/^"(.*)"$/, "$1"),
    );
  }
  return preferences;
}

/**
 * What `header` asks for `operationId`. A code or an example the spec does not declare for the operation
 * is the test's mistake: thrown, so the fetch rejects (and `listen` answers 500 with the reason).
 */
export function preferenceOf(operationId: string, header: string | null): Preference {
  if (header === null) return undefined;
  const preferences = parse(header);
  const code = preferences.get("code");
  const name = preferences.get("example");
  const lose = preferences.has("lose-answer");
  if (lose && (code !== undefined || name !== undefined)) {
    throw new Error("Prefer: lose-answer applies the request; code and example answer without it: not both");
  }
  if (lose) return "lose";
  if (code === undefined && name === undefined) return undefined;
  if (code !== undefined && !/^[1-5]\d\d$/.test(code)) {
    throw new Error(`Prefer: code must be an HTTP status, got ${code}`);
  }
  // An example alone is looked for under every status of the operation, as Prism does.
  const status =
    code ??
    Object.entries(RESPONSE_EXAMPLES[operationId] ?? {}).find(
      // Stryker disable next-line ConditionalExpression: without a code there is a name; the check is for the type.
      ([, named]) => name !== undefined && name in named,
    )?.[0];
  if (status === undefined) throw new Error(`Prefer: ${operationId} has no example named ${name}`);
  // A status declared only by its range (418: 4XX) is answered with the range's example, as itself.
  return { answer: example(operationId, status, name) };
}
