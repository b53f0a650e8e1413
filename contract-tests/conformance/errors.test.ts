// Conformance: failures come back as the envelope, mapped to the error class of their status.
import { describe, expect, test } from "vitest";
import { AuthenticationError, type CloudflareApiError } from "../../src/index.ts";
import { contractClient, takeViolations } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

describe("a request without credentials", () => {
  test("is refused with a 4xx failure envelope, and the client throws AuthenticationError", async () => {
    const client = contractClient({ stripCredentials: true });
    const error = await client.listServices().then(
      () => undefined,
      (e: unknown) => e,
    );
    // A mock or a validating proxy reports the missing credentials, which is the point of this
    // request; any other violation still fails the test.
    const others = takeViolations(client).filter((v) => !JSON.stringify(v.violations).includes("security"));
    expect(others).toEqual([]);
    // The live API answers 400 with code 9106, a mock may answer 401: either is an authentication failure.
    expect(error).toBeInstanceOf(AuthenticationError);
    const apiError = error as CloudflareApiError;
    expect([400, 401]).toContain(apiError.status);
    expect(apiError.errors.length).toBeGreaterThan(0);
    for (const message of apiError.errors) expectSchema(message, "ResponseMessage");
    expect(apiError.bodyExcerpt).toBeUndefined();
  });
});
