// Checks values against the spec's own schemas, for the conformance subset:
// it asserts shapes and types, never a mock's example values.
import { Ajv2020 } from "ajv/dist/2020.js";
import { expect } from "vitest";
import { loadSpec } from "../../scripts/lib/spec.ts";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
ajv.addSchema({ ...loadSpec(), $id: "spec" });

/** Asserts that `value` is valid against `components.schemas[name]` of the spec. */
export function expectSchema(value: unknown, name: string): void {
  const validate = ajv.getSchema(`spec#/components/schemas/${name}`);
  if (!validate) throw new Error(`the spec has no schema ${name}`);
  expect(validate(value) ? [] : validate.errors, `${name}: ${JSON.stringify(value)}`).toEqual([]);
}
