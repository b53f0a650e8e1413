// Your code, tested offline against the package's stateful fake with vitest.
import { createServiceBindingsClient, type ServiceBindingsClient } from "cloudflare-service-bindings";
import { createServiceBindingsFake } from "cloudflare-service-bindings/testing";
import { expect, test } from "vitest";

/** The code under test: route one address of a prefix to the CDN, unless it already is. */
async function routeToCdn(client: ServiceBindingsClient, prefix_id: string, address: string) {
  const cidr = `${address}/32`;
  const cdn = (await client.listServices()).find((service) => service.name === "CDN");
  if (!cdn) throw new Error("this account cannot bind prefixes to the CDN");
  const bindings = await client.listServiceBindings({ prefix_id });
  const existing = bindings.find((binding) => binding.cidr === cidr && binding.service_id === cdn.id);
  return existing ?? client.createServiceBinding({ prefix_id, body: { cidr, service_id: cdn.id } });
}

test("routes an address to the CDN once, through a failed attempt", async () => {
  const fake = createServiceBindingsFake(); // one account, one prefix (192.0.2.0/24), three services
  const [account] = fake.state().accounts;
  const prefix = account?.prefixes[0];
  if (!account || !prefix) throw new Error("the default seed has an account with a prefix");
  const client = createServiceBindingsClient({
    apiToken: "test-token",
    accountId: account.id,
    fetch: fake.fetch,
    backoff: { initialDelayMs: 0, maxDelayMs: 0 },
  });

  fake.failNext({ status: 503 }); // the first request fails; the client retries the GET
  const first = await routeToCdn(client, prefix.id, "192.0.2.7");
  const again = await routeToCdn(client, prefix.id, "192.0.2.7");

  expect(again.id).toBe(first.id);
  expect(fake.requests.map((request) => request.status)).toEqual([503, 200, 200, 201, 200, 200]);
  const bindings = fake.state().accounts[0]?.prefixes[0]?.bindings ?? [];
  expect(bindings.filter((binding) => binding.cidr === "192.0.2.7/32")).toHaveLength(1);
});
