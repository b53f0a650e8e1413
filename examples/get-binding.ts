import type { ProvisioningState } from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

const binding = await client.getServiceBinding({
  prefix_id: "2af39739cc4e3b5910c918468bb89828",
  binding_id: "0429b49b6a5155297b78e75a44b09e14",
});

// Cloudflare has added states before: an unknown one means "not active yet".
function isLive(state: ProvisioningState | (string & {})): boolean {
  return state === "active";
}
console.log(isLive(binding.provisioning.state) ? "live" : "not live yet");
