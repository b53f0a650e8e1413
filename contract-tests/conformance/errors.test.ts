// Conformance: failures come back as the envelope, mapped to the error class of their status.
import { describe, expect, test } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  CloudflareApiError,
  PermissionDeniedError,
} from "../../src/index.ts";
import { contractClient, takeViolations } from "../support/harness.ts";
import { expectSchema } from "../support/schemas.ts";

describe("a request without credentials", () => {
  test("is refused with a 4xx failure envelope, mapped to the class of its status", async () => {
    const error = await contractClient({ stripCredentials: true })
      .listServices()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    // A mock or a validating proxy reports the missing credentials, which is the point of this
    // request; any other violation still fails the test.
    const others = takeViolations().filter((v) => !JSON.stringify(v.violations).includes("security"));
    expect(others).toEqual([]);
    expect(error).toBeInstanceOf(CloudflareApiError);
    const apiError = error as CloudflareApiError;
    expect(apiError.status).toBeGreaterThanOrEqual(400);
    expect(apiError.status).toBeLessThan(500);
    const expectedClass = { 400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError }[
      apiError.status
    ];
    if (expectedClass) expect(apiError).toBeInstanceOf(expectedClass);
    expect(apiError.errors.length).toBeGreaterThan(0);
    for (const message of apiError.errors) expectSchema(message, "ResponseMessage");
    expect(apiError.bodyExcerpt).toBeUndefined();
  });
});
