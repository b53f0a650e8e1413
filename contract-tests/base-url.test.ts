// A client pointed at the wrong base URL hears the mock's route-not-found page:
// that is a RouteNotFoundError naming the base URL, never a NotFoundError, so
// code that creates what is "not found" is not misled.
import { describe, expect, test } from "vitest";
import { createServiceBindingsClient, NotFoundError, RouteNotFoundError } from "../src/index.ts";
import { target } from "./support/harness.ts";

describe("a base URL under which the API has no endpoint", () => {
  test("the mock's 404 page is a RouteNotFoundError that names the base URL", async () => {
    // The mistake a new user makes: the mock serves the spec's paths at its root, not under /client/v4.
    const baseUrl = `${target.baseUrl}/client/v4`;
    const client = createServiceBindingsClient({
      apiToken: target.apiToken,
      accountId: target.accountId,
      baseUrl,
      maxRetries: 0,
    });
    const error = await client.listServices().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RouteNotFoundError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404 });
    expect((error as Error).message).toContain(`no such API endpoint; check baseUrl ${baseUrl}`);
  });
});
