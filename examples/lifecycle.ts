// The lifecycle in one go: bind an address to the CDN (safely: no duplicate, even if an
// answer is lost), wait for it to propagate with progress, then read it.
import { WaitError } from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

const prefix_id = "2af39739cc4e3b5910c918468bb89828";
const cdn = (await client.listServices()).find((service) => service.name === "CDN");
if (!cdn) throw new Error("this account cannot bind prefixes to the CDN");

const { binding, created } = await client.ensureServiceBinding({
  prefix_id,
  cidr: "192.0.2.1/32",
  service_id: cdn.id,
});
console.log(`${created ? "created" : "found"} ${binding.id}`);
try {
  // Propagation takes four to six hours: polls every 30 s at first, then less often, for up to 8 h.
  await client.waitForServiceBinding(
    { prefix_id, binding_id: binding.id },
    { onPoll: (seen, poll) => console.log(`poll ${poll}: ${seen.provisioning.state}`) },
  );
} catch (error) {
  // magic_transit_route_missing, or still not active after 8 h: the message says which, and what to do.
  if (error instanceof WaitError) console.error(error.message, error.state);
  throw error;
}
const live = await client.getServiceBinding({ prefix_id, binding_id: binding.id });
console.log(`${live.cidr} -> ${live.service_name}: ${live.provisioning.state}`);
