// The onboarding example, tested against the fake on fake time: hours of waiting pass in milliseconds.
import { createServiceBindingsClient } from "cloudflare-service-bindings";
import { createServiceBindingsFake } from "cloudflare-service-bindings/testing";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { onboard } from "./onboard.ts";

beforeEach(() => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] }));
afterEach(() => vi.useRealTimers());

test("binds 192.0.2.16/29 to the CDN, waits for it, advertises the prefix and waits for that", async () => {
  const fake = createServiceBindingsFake(); // 192.0.2.0/24 on Magic Transit, approved, withdrawn
  const [account] = fake.state().accounts;
  const client = createServiceBindingsClient({
    apiToken: "test-token",
    accountId: account?.id,
    fetch: fake.fetch,
  });
  vi.spyOn(console, "log").mockImplementation(() => {});

  let done = false;
  const onboarding = onboard(client, "192.0.2.0/24", "192.0.2.16/29").finally(() => {
    done = true;
  });
  // The waits are the client's own (30 s between binding polls, 20 s between BGP polls): let fake time pass.
  while (!done) await vi.advanceTimersByTimeAsync(30_000);
  const { binding, advertised } = await onboarding;

  expect(binding).toMatchObject({
    cidr: "192.0.2.16/29",
    service_name: "CDN",
    provisioning: { state: "active" },
  });
  expect(advertised).toBe(true);
  const methods = fake.requests.map((request) => request.method);
  expect(methods.filter((m) => m === "POST")).toHaveLength(1);
  expect(methods.filter((m) => m === "PATCH")).toHaveLength(1);
});
