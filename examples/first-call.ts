// The first call: a client from your API token, then the bindings of one prefix.
import { createServiceBindingsClient } from "cloudflare-service-bindings";

const client = createServiceBindingsClient({
  apiToken: process.env.CLOUDFLARE_API_TOKEN ?? "",
  accountId: process.env.CLOUDFLARE_ACCOUNT_ID,
});

const bindings = await client.listServiceBindings({ prefix_id: "2af39739cc4e3b5910c918468bb89828" });
for (const binding of bindings) console.log(binding.cidr, binding.service_name, binding.provisioning.state);
