import {
  AuthenticationError,
  CloudflareApiError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
} from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

try {
  await client.getServiceBinding(
    { prefix_id: "2af39739cc4e3b5910c918468bb89828", binding_id: "0429b49b6a5155297b78e75a44b09e14" },
    { signal: AbortSignal.timeout(30_000) },
  );
} catch (error) {
  if (error instanceof NotFoundError) console.log("no such binding", error.code);
  else if (error instanceof RateLimitError) console.log(`retry in ${error.retryAfterSeconds ?? "?"} s`);
  else if (error instanceof AuthenticationError) console.log("check the API token");
  else if (error instanceof CloudflareApiError) console.log(error.status, error.errors, error.rayId);
  else if (error instanceof ConnectionError) console.log("network trouble", error.cause);
  else if (error instanceof RequestAbortedError) console.log("gave up after 30 s");
  else throw error;
}
