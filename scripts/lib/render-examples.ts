// Renders generated/examples.ts: the spec's parameter examples and every named
// response example, by operation and status, as data. Only the testing entry
// (the stateful fake) reads it: the fake answers with the spec's own envelopes.
import { type Node, operations, responses } from "./spec.ts";

/** The text of generated/examples.ts, after the header, for the parsed spec. */
export function renderExamples(spec: Node): string {
  const parameters: Record<string, unknown> = {};
  const byOperation: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const operation of operations(spec)) {
    for (const parameter of operation.parameters) {
      if (parameter.in === "path" && parameter.example !== undefined)
        parameters[parameter.name] ??= parameter.example;
    }
    const statuses: Record<string, Record<string, unknown>> = {};
    for (const response of responses(spec, operation)) {
      statuses[response.status] = Object.fromEntries(
        Object.entries(response.examples).map(([name, example]) => [name, example.value]),
      );
    }
    byOperation[operation.operationId] = statuses;
  }
  return [
    "/** Each path parameter's example value in the spec, by name. */\n",
    `export const PARAMETER_EXAMPLES: Readonly<Record<string, string>> = ${JSON.stringify(parameters, null, 2)};\n\n`,
    "/** Every named response example of the spec: by operationId, then status (a number, or a range such as 4XX), then name. */\n",
    "export const RESPONSE_EXAMPLES: Readonly<\n  Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>\n> = ",
    `${JSON.stringify(byOperation, null, 2)};\n`,
  ].join("");
}
