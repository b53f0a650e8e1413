// Conformance: what the spec guarantees of reading bindings, on any conforming
// server. Nothing here assumes state: a stateless mock answers 200 for any id,
// and a real account may have no bindings at all.
import { describe, expect, test } from "vitest";
import { CloudflareApiError, NotFoundError } from "../../src/index.ts";
import { contractClient, target } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings", () => {
  test("resolves to an array of bindings, each valid against the ServiceBinding schema", async () => {
    const bindings = await contractClient().listServiceBindings({ prefix_id: target.prefixId });
    expect(Array.isArray(bindings)).toBe(true);
    for (const binding of bindings) expectSchema(binding, "ServiceBinding");
  });
});

describe("GET /accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}", () => {
  test("every listed binding can be fetched, and is valid against the ServiceBinding schema", async () => {
    const client = contractClient();
    const bindings = await client.listServiceBindings({ prefix_id: target.prefixId });
    for (const listed of bindings) {
      expectSchema(
        await client.getServiceBinding({ prefix_id: target.prefixId, binding_id: listed.id }),
        "ServiceBinding",
      );
    }
  });

  test("an id that was never issued gives a valid binding or NotFoundError, nothing else", async () => {
    const outcome = await contractClient()
      .getServiceBinding({ prefix_id: target.prefixId, binding_id: "00000000000000000000000000000000" })
      .then(
        (binding) => ({ binding, error: undefined }),
        (error: unknown) => ({ binding: undefined, error }),
      );
    if (outcome.error === undefined) expectSchema(outcome.binding, "ServiceBinding");
    else expect(outcome.error).toBeInstanceOf(NotFoundError);
    if (outcome.error instanceof CloudflareApiError) expect(outcome.error.errors.length).toBeGreaterThan(0);
  });
});
