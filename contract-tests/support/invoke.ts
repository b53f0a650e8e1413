// Calls any operation of the spec through the client's method for it, with
// inputs built from the generated operation table and the spec: no operation
// is listed here, so one added to the spec is called like the others.
import fc from "fast-check";
import { OPERATIONS, PATH_PARAMETERS } from "../../generated/operations.ts";
import { deref, flatten, loadSpec, type Node, operations } from "../../scripts/lib/spec.ts";
import type { ServiceBindingsClient } from "../../src/index.ts";

/** The inputs of one call: a value per path parameter, by name, and the JSON body when the operation has one. */
export type Inputs = Record<string, unknown>;

/** One entry of the operation table, seen loosely, since the suite walks every operation alike. */
export interface TableEntry {
  method: string;
  path: string;
  pathParams: readonly string[];
  body?: {
    required: readonly string[];
    properties: Readonly<Record<string, { type?: string; maxLength?: number }>>;
  };
  result: "array" | "object" | "none";
}

/** The table's entry for an operation; fails clearly when the spec has an operation the table lacks. */
export function tableEntry(operationId: string): TableEntry {
  const entry = (OPERATIONS as Record<string, TableEntry>)[operationId];
  if (!entry)
    throw new Error(
      `the spec's operation ${operationId} is not in generated/operations.ts: run npm run generate`,
    );
  return entry;
}

/** Calls an operation by its operationId through the client's method of that name. */
export function invoke(client: ServiceBindingsClient, operationId: string, inputs: Inputs): Promise<unknown> {
  const method = (client as unknown as Record<string, (params: Inputs) => Promise<unknown>>)[operationId];
  if (typeof method !== "function")
    throw new Error(`the client has no method for the spec's operation ${operationId}`);
  return method(inputs);
}

const spec = loadSpec();

/** Valid inputs taken from the spec's own examples: each path parameter's `example`, and the first request body example. */
export function specInputs(operationId: string): Inputs {
  const operation = operationOf(operationId);
  const inputs: Inputs = {};
  for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
    inputs[parameter.name] = parameter.example;
  }
  const bodyExamples = operation.node.requestBody?.content?.["application/json"]?.examples;
  if (bodyExamples) inputs.body = deref(spec, Object.values<Node>(bodyExamples)[0]).value;
  return inputs;
}

/** The characters URLs treat specially, mixed into generated strings: any code point alone would almost never be one. */
const URL_SPECIAL = [..."/?#%&=+;:@[]!$'()*, ~.\\"];

/**
 * A spec-valid string for a schema: `minLength` (1 for a path segment, never empty) up to its maxLength (40
 * when it has none) code points, lengths spread over that whole range (`size: "max"`, not fast-check's bias
 * toward short strings), of any code point and of URL-special characters.
 */
function validString(
  limits: { minLength?: number; maxLength?: number },
  minimum: number,
): fc.Arbitrary<string> {
  const maxLength = limits.maxLength ?? 40;
  const minLength = Math.max(minimum, limits.minLength ?? 0);
  const unit = fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom(...URL_SPECIAL),
  );
  return fc
    .string({ unit, minLength, maxLength, size: "max" })
    .filter((value) => value.isWellFormed() && [...value].length <= maxLength);
}

/**
 * A spec-valid value of a schema from the spec, for the keywords its request bodies use: objects (required
 * members always, the others sometimes), strings within their lengths, integers within their bounds,
 * booleans, enums and `null`. A keyword it does not know fails the test, so a new one is never guessed at.
 */
function validValue(schema: Node): fc.Arbitrary<unknown> {
  const resolved = deref(spec, schema);
  if (resolved.enum) return fc.constantFrom(...resolved.enum);
  if (resolved.allOf) {
    const { properties, required } = flatten(spec, resolved);
    return validValue({ type: "object", properties, required: [...required] });
  }
  const types: string[] = [resolved.type ?? "string"].flat();
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "string":
          return validString(resolved, 0);
        case "integer":
          return fc.integer({ min: resolved.minimum ?? -(2 ** 31), max: resolved.maximum ?? 2 ** 31 });
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        case "object": {
          const members = Object.fromEntries(
            Object.entries<Node>(resolved.properties ?? {}).map(([name, member]) => [
              name,
              validValue(member),
            ]),
          );
          return fc.record(members, { requiredKeys: resolved.required ?? [] });
        }
        default:
          throw new Error(
            `validValue: the spec uses type ${type}, which the contract suite cannot generate yet`,
          );
      }
    }),
  );
}

/**
 * Random spec-valid inputs for an operation: path parameters within their limits (and never "." or "..",
 * which no URL can carry), from the table, and a body valid against the spec's own schema for it.
 */
export function validInputs(operationId: string): fc.Arbitrary<Inputs> {
  const entry = tableEntry(operationId);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of entry.pathParams) {
    const limits =
      (PATH_PARAMETERS as Record<string, { maxLength?: number; minLength?: number }>)[name] ?? {};
    record[name] = validString(limits, 1).filter((id) => id !== "." && id !== "..");
  }
  const media = operationOf(operationId).node.requestBody?.content?.["application/json"];
  if (media?.schema) record.body = validValue(media.schema);
  return fc.record(record);
}

function operationOf(operationId: string) {
  const operation = operations(spec).find((o) => o.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  return operation;
}

/** Anything at all, including what the spec forbids: long, empty or non-string values. */
const anyValue = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", ".", "..", "x".repeat(33)),
  fc.integer(),
  fc.constant(null),
  fc.constant(undefined),
);

/** Random inputs of any shape for an operation: its parameter names with any values, and broken bodies. */
export function anyInputs(operationId: string): fc.Arbitrary<Inputs> {
  const entry = tableEntry(operationId);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of entry.pathParams) record[name] = anyValue;
  if (entry.body) {
    const members = Object.fromEntries(Object.keys(entry.body.properties).map((name) => [name, anyValue]));
    record.body = fc.oneof(fc.record(members, { requiredKeys: [] }), anyValue);
  }
  return fc.record(record);
}
