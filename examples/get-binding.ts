import type { ProvisioningState } from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

const binding = await client.getServiceBinding({
  prefix_id: "2af39739cc4e3b5910c918468bb89828",
  binding_id: "0429b49b6a5155297b78e75a44b09e14",
});

// The state's type is open (Cloudflare has added states before): a switch over it
// needs a default, and an unknown state means "not active yet", never an error.
function describe(state: ProvisioningState): string {
  switch (state) {
    case "active":
      return "live";
    case "magic_transit_route_missing":
      return "waits for a Magic Transit route";
    default:
      return "not live yet"; // "provisioning", or a state added later
  }
}
console.log(describe(binding.provisioning.state));
