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
