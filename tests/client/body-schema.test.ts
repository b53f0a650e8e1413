// The body check on its own, against schemas the generated table may carry once
// the spec grows: a member that is not a string, a member that is optional. Today's
// create body has neither, so the client's methods cannot show these (input.test.ts
// covers the body the spec has now); the fake checks bodies with the same function.
import { describe, expect, test } from "vitest";
import { InvalidArgumentError } from "../../src/index.ts";
import { type BodySchema, checkBody } from "../../src/validate.ts";

function refusal(schema: BodySchema, body: unknown): InvalidArgumentError {
  try {
    checkBody(schema, body);
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error("the body was accepted");
}

describe("a member typed as something other than a string", () => {
  const schema: BodySchema = { required: ["count"], properties: { count: { type: "integer" } } };

  test("is left for the API to judge: a number is neither refused as not a string nor measured", () => {
    const body = { count: 5 };
    expect(checkBody(schema, body)).toBe(body);
  });

  test("is still required when the schema says so", () => {
    expect(refusal(schema, {}).message).toBe("body.count is required");
  });
});

describe("a member the schema does not require", () => {
  const schema: BodySchema = {
    required: ["cidr"],
    properties: { cidr: { type: "string" }, note: { type: "string", maxLength: 4 } },
  };

  test("may be left out", () => {
    const body = { cidr: "192.0.2.0/24" };
    expect(checkBody(schema, body)).toBe(body);
  });

  test("is checked against its limits when given", () => {
    const error = refusal(schema, { cidr: "192.0.2.0/24", note: "too long" });
    expect(error.argument).toBe("body.note");
    expect(error.message).toBe("body.note must be at most 4 characters, got 8");
  });
});

describe("a member's type", () => {
  test.each([
    ["a string", { type: "string" }, 5, "must be a string, got 5"],
    ["a boolean", { type: "boolean" }, "yes", "must be a boolean, got a string"],
    ["a whole number", { type: "integer" }, 1.5, "must be a whole number, got 1.5"],
    ["a number", { type: "number" }, Number.NaN, "must be a number, got NaN"],
    ["an object", { type: "object" }, "{}", "must be an object, got a string"],
    ["an array", { type: "array" }, {}, "must be an array, got an object"],
    ["null", { type: "null" }, 0, "must be null, got 0"],
    ["a string or null", { type: ["string", "null"] }, 5, "must be a string or null, got 5"],
  ])("refuses what is not %s, naming what it must be", (_, property, value, message) => {
    const schema: BodySchema = { required: [], properties: { member: property } };
    const error = refusal(schema, { member: value });
    expect(error.argument).toBe("body.member");
    expect(error.message).toBe(`body.member ${message}`);
  });

  test("admits a value of any one of its types", () => {
    const schema: BodySchema = { required: [], properties: { note: { type: ["string", "null"] } } };
    const body = { note: null };
    expect(checkBody(schema, body)).toBe(body);
  });

  test("is left for the API to judge when the client does not know it", () => {
    const schema: BodySchema = { required: [], properties: { when: { type: "date-time" } } };
    const body = { when: 5 };
    expect(checkBody(schema, body)).toBe(body);
  });
});

describe("a member's minimum and maximum", () => {
  const schema: BodySchema = {
    required: [],
    properties: { count: { type: ["integer", "null"], minimum: 1, maximum: 10 } },
  };

  test.each([
    [0, "body.count must be from 1 to 10, got 0"],
    [11, "body.count must be from 1 to 10, got 11"],
  ])("refuse %s, naming the range", (count, message) => {
    expect(refusal(schema, { count }).message).toBe(message);
  });

  test("admit the bounds themselves", () => {
    for (const count of [1, 10]) expect(checkBody(schema, { count })).toEqual({ count });
  });

  test("do not apply to a value that is not a number", () => {
    const body = { count: null };
    expect(checkBody(schema, body)).toBe(body);
  });
});

describe("a body with no required member", () => {
  test("is refused when it is not an object, asking only for an object", () => {
    const schema: BodySchema = { required: [], properties: { note: { type: "string" } } };
    expect(refusal(schema, []).message).toBe("body must be an object, got an array");
    expect(refusal(schema, undefined).message).toBe("body is required: an object");
  });
});
