// One operation in the upstream gate's normal form: parameters from the path
// and the operation together, named as the spec names them, statuses that
// only restate their range left out.
import { describe, expect, test } from "vitest";
import { operations } from "../../../scripts/lib/spec.ts";
import { normaliseOperation } from "../../../scripts/lib/upstream/normalise.ts";
import { specOperation, specSide, upstreamSide } from "./fixtures.ts";

describe("normaliseOperation", () => {
  const spec = specSide();
  const [operation] = operations(spec);
  if (!operation) throw new Error("the fixture has an operation");

  test("merges path-level parameters with the operation's", () => {
    const normal = normaliseOperation(spec, operation, ["account_id", "thing_id"]);
    expect(Object.keys(normal.parameters.path ?? {}).sort()).toEqual(["account_id", "thing_id"]);
  });

  test("names path parameters by the spec's name for their position, whatever this document calls them", () => {
    const upstream = upstreamSide();
    const theirs = operations(upstream).find((o) => o.operationId === "things-get-thing");
    if (!theirs) throw new Error("the fixture has the operation");
    expect(
      Object.keys(normaliseOperation(upstream, theirs, ["account_id", "thing_id"]).parameters.path ?? {}),
    ).toEqual(["account_id", "thing_id"]);
  });

  test("leaves out a status whose body is its range's: it adds only words", () => {
    const normal = normaliseOperation(spec, operation, ["account_id", "thing_id"]);
    expect(Object.keys(normal.responses).sort()).toEqual(["200", "4XX"]);
  });

  test("a header parameter's name is compared in lower case, and a response without JSON has no body", () => {
    const doc = specSide();
    specOperation(doc).parameters.push({ name: "X-Request-Id", in: "header", schema: { type: "string" } });
    specOperation(doc).responses["204"] = { description: "Nothing." };
    const [op] = operations(doc);
    if (!op) throw new Error("the fixture has an operation");
    const normal = normaliseOperation(doc, op, ["account_id", "thing_id"]);
    expect(Object.keys(normal.parameters.header ?? {})).toEqual(["x-request-id"]);
    expect(normal.responses["204"]).toBeNull();
  });
});
