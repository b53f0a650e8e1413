import { client } from "./create-client.ts";

const bindings = await client.listServiceBindings({ prefix_id: "2af39739cc4e3b5910c918468bb89828" });
for (const binding of bindings) {
  console.log(`${binding.cidr} -> ${binding.service_name} (${binding.provisioning.state})`);
}
