// The upstream gate's schema normal form: two descriptions of the same values
// are equal once normalised, whatever OpenAPI version or layout they use, and
// what only documents is gone.
import { describe, expect, test } from "vitest";
import type { Node } from "../../../scripts/lib/spec.ts";
import { normaliseSchema, summary } from "../../../scripts/lib/upstream/schema.ts";

/** A document whose components.schemas are `schemas`. */
const doc = (schemas: Record<string, Node> = {}) => ({ components: { schemas } });
const normal = (schema: Node, schemas: Record<string, Node> = {}) => normaliseSchema(doc(schemas), schema);

describe("normaliseSchema", () => {
  test("follows $refs, whatever the component is called", () => {
    const a = normal(
      { $ref: "#/components/schemas/addressing_identifier" },
      {
        addressing_identifier: { type: "string", maxLength: 32 },
      },
    );
    const b = normal(
      { $ref: "#/components/schemas/Identifier" },
      { Identifier: { type: "string", maxLength: 32 } },
    );
    expect(a).toEqual({ type: "string", maxLength: 32 });
    expect(b).toEqual(a);
  });

  test("applies the keywords beside a $ref too (OpenAPI 3.1)", () => {
    expect(
      normal(
        { $ref: "#/components/schemas/Id", maxLength: 16, description: "why" },
        { Id: { type: "string", maxLength: 32 } },
      ),
    ).toEqual({ type: "string", maxLength: 16 });
  });

  test("merges allOf: members and required names of every part, the stricter of two limits", () => {
    expect(
      normal({
        allOf: [
          { type: "object", required: ["success"], properties: { success: { type: "boolean" } } },
          { properties: { result: { type: "string", maxLength: 10, minLength: 3 } }, required: ["result"] },
          { properties: { result: { maxLength: 32, minLength: 1 } } },
        ],
      }),
    ).toEqual({
      type: "object",
      properties: { success: { type: "boolean" }, result: { type: "string", maxLength: 10, minLength: 3 } },
      required: { result: true, success: true },
    });
  });

  test("OpenAPI 3.0's nullable is 3.1's null type", () => {
    expect(normal({ type: "string", nullable: true })).toEqual(normal({ type: ["null", "string"] }));
    expect(normal({ type: ["string", "null"] })).toEqual({ type: ["null", "string"] });
  });

  test("const is a one-value enum, and an enum without a type takes its values' type", () => {
    expect(normal({ const: true })).toEqual({ type: "boolean", enum: [true] });
    expect(normal({ type: "boolean", enum: [true] })).toEqual(normal({ const: true }));
  });

  test("an enum fixes the type: Cloudflare's nullable object limited to null is the null type", () => {
    expect(normal({ type: "object", nullable: true, enum: [null] })).toEqual({ type: "null" });
    expect(normal({ type: "null" })).toEqual({ type: "null" });
  });

  test("an enum's order does not matter", () => {
    expect(normal({ type: "string", enum: ["provisioning", "active"] })).toEqual(
      normal({ type: "string", enum: ["active", "provisioning"] }),
    );
  });

  test("drops what only documents: descriptions, titles, examples, readOnly, x- extensions", () => {
    expect(
      normal({
        type: "string",
        description: "d",
        title: "t",
        example: "e",
        examples: ["e"],
        readOnly: true,
        deprecated: false,
        "x-extensible-enum": true,
      }),
    ).toEqual({ type: "string" });
  });

  test("drops a keyword the type makes void: minLength on an array, uniqueItems on an object", () => {
    expect(normal({ type: "array", minLength: 1, items: { type: "object", uniqueItems: true } })).toEqual({
      type: "array",
      items: { type: "object" },
    });
    // Without a type the keyword still applies to strings, so it stays.
    expect(normal({ minLength: 1 })).toEqual({ minLength: 1 });
  });

  test("OpenAPI 3.0's boolean exclusiveMinimum is 3.1's numeric one", () => {
    expect(normal({ type: "integer", minimum: 0, exclusiveMinimum: true })).toEqual(
      normal({ type: "integer", exclusiveMinimum: 0 }),
    );
  });

  test("a schema that admits anything, as items or additionalProperties, is left out", () => {
    expect(normal({ type: "array", items: {} })).toEqual({ type: "array" });
    expect(normal({ type: "object", additionalProperties: true })).toEqual({ type: "object" });
  });

  test("marks a reference cycle instead of following it forever", () => {
    const node = normal(
      { $ref: "#/components/schemas/Tree" },
      {
        Tree: { type: "object", properties: { child: { $ref: "#/components/schemas/Tree" } } },
      },
    );
    expect(node.properties.child).toEqual({ recursive: true });
  });

  test("a boolean schema: true admits anything, false nothing", () => {
    expect(normal(true)).toEqual({});
    expect(normal(false)).toBe(false);
    expect(summary(false)).toBe("never");
  });
});

describe("summary", () => {
  test("is the type, any when there is none, no body for a response without one", () => {
    expect(summary({ type: "string" })).toBe("string");
    expect(summary({ type: ["null", "string"] })).toEqual(["null", "string"]);
    expect(summary({})).toBe("any");
    expect(summary(null)).toBe("no body");
  });
});
