// Conformance: what the spec guarantees of List Services, on any conforming server.
import { describe, expect, test } from "vitest";
import { contractClient } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

describe("GET /accounts/{account_id}/addressing/services", () => {
  test("resolves to an array of services, each valid against the Service schema", async () => {
    const services = await contractClient().listServices();
    expect(Array.isArray(services)).toBe(true);
    for (const service of services) expectSchema(service, "Service");
  });
});
