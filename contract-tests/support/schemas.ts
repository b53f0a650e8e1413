// Checks values against the spec's own schemas, for the conformance subset:
// it asserts shapes and types, never a mock's example values.
import { expect } from "vitest";
import type { Node } from "../../scripts/lib/spec.ts";
import { specValidator } from "../../scripts/lib/spec-validator.ts";

const validator = specValidator();

/** Asserts that `value` is valid against `components.schemas[name]` of the spec. */
export function expectSchema(value: unknown, name: string): void {
  const validate = validator.at(`/components/schemas/${name}`);
  expect(validate(value) ? [] : validate.errors, `${name}: ${JSON.stringify(value)}`).toEqual([]);
}

/** Asserts that `value` is valid against a schema taken from the spec (its references resolve in the spec). */
export function expectValid(value: unknown, schema: Node): void {
  const validate = validator.of(schema);
  expect(validate(value) ? [] : validate.errors, JSON.stringify(value)).toEqual([]);
}
