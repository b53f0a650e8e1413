// Your code, tested offline against the package's stateful fake with vitest.
import { createServiceBindingsClient, type ServiceBindingsClient } from "cloudflare-service-bindings";
import { createServiceBindingsFake } from "cloudflare-service-bindings/testing";
import { expect, test } from "vitest";

/** The code under test: bind one address of a prefix to the CDN, safely. */
async function routeToCdn(client: ServiceBindingsClient, prefix_id: string, address: string) {
  const cdn = (await client.listServices()).find((service) => service.name === "CDN");
  if (!cdn) throw new Error("this account cannot bind prefixes to the CDN");
  return client.ensureServiceBinding({ prefix_id, cidr: `${address}/32`, service_id: cdn.id });
}

test("binds an address once, through a failed read and a lost answer", async () => {
  const fake = createServiceBindingsFake(); // one account, its prefix 192.0.2.0/24, three services
  const [account] = fake.state().accounts;
  const prefix_id = account?.prefixes[0]?.id ?? "";
  const client = createServiceBindingsClient({ apiToken: "t", accountId: account?.id, fetch: fake.fetch });

  fake.failNext({ status: 503, operation: "listServices" }); // retried: a read is safe to repeat
  fake.loseNextAnswer({ operation: "createServiceBinding" }); // applied, then the connection fails
  const { binding, created } = await routeToCdn(client, prefix_id, "192.0.2.7");
  const again = await routeToCdn(client, prefix_id, "192.0.2.7");

  expect([created, again.created, again.binding.id]).toEqual([true, false, binding.id]);
  const bindings = fake.state().accounts[0]?.prefixes[0]?.bindings ?? [];
  expect(bindings.filter((b) => b.cidr === "192.0.2.7/32")).toHaveLength(1);
});
