// Create, read and delete a binding by hand (ensureServiceBinding, below, is the safe create).
import { NotFoundError } from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

const prefix_id = "2af39739cc4e3b5910c918468bb89828";
const cdn = (await client.listServices()).find((service) => service.name === "CDN");
if (!cdn) throw new Error("this account cannot bind prefixes to the CDN");
const body = { cidr: "192.0.2.1/32", service_id: cdn.id };
const created = await client.createServiceBinding({ prefix_id, body });
// The state's type is open (Cloudflare has added states before): any state but "active" means "not yet".
const { provisioning } = await client.getServiceBinding({ prefix_id, binding_id: created.id });
console.log(provisioning.state === "active" ? "live" : `not live yet: ${provisioning.state}`);
try {
  await client.deleteServiceBinding({ prefix_id, binding_id: created.id });
} catch (error) {
  // A delete retried after a lost answer can find the binding already gone.
  if (!(error instanceof NotFoundError && error.attempts > 1)) throw error;
}
