// The contract harness blames the right test: Prism's violation reports are
// kept per client, so a test takes its own, never another's, even when tests
// run at the same time; and one it leaves untaken fails it.
import { describe, expect, test } from "vitest";
import { contractClient, takeViolations } from "./support/harness.ts";

/** A client that sends an account id over the spec's 32 characters, past its own checks. */
const overLong = (request: Request) => {
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/\/accounts\/[^/]+/, `/accounts/${"a".repeat(33)}`);
  return new Request(url, request);
};

describe("violation records", () => {
  test.concurrent("each client keeps the violations its own requests caused", async (context) => {
    const bad = contractClient({ rewrite: overLong, test: context });
    const good = contractClient({ test: context });
    await Promise.all([bad.listServices().catch(() => undefined), good.listServices()]);
    expect(takeViolations(good)).toEqual([]);
    expect(JSON.stringify(takeViolations(bad))).toContain("must NOT have more than 32 characters");
  });

  test.concurrent("a test running beside it does not see them", async (context) => {
    const mine = contractClient({ test: context });
    for (let i = 0; i < 5; i++) await mine.listServices();
    expect(takeViolations(mine)).toEqual([]);
  });

  test.fails("a violation the test does not take fails that test", async () => {
    const bad = contractClient({ rewrite: overLong });
    await bad.listServices().catch(() => undefined);
  });
});
