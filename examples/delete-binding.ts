import { NotFoundError } from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

try {
  await client.deleteServiceBinding({
    prefix_id: "2af39739cc4e3b5910c918468bb89828",
    binding_id: "0429b49b6a5155297b78e75a44b09e14",
  });
} catch (error) {
  // A DELETE retried after a lost answer can find the binding already gone.
  if (!(error instanceof NotFoundError && error.attempts > 1)) throw error;
}
