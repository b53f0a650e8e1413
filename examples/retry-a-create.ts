import { client } from "./create-client.ts";

// Opt in to retries for one create, accepting that a lost answer may leave a
// duplicate; list first so a retry of the whole script does not add another.
const prefix_id = "2af39739cc4e3b5910c918468bb89828";
const cidr = "192.0.2.1/32";
const existing = await client.listServiceBindings({ prefix_id });
if (!existing.some((binding) => binding.cidr === cidr)) {
  await client.createServiceBinding(
    { prefix_id, body: { cidr, service_id: "969ebf53b1e84a5ab8c8b5e8d1de3d24" } },
    { idempotent: true },
  );
}
