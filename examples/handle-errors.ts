import { CloudflareApiError, ConnectionError, NotFoundError } from "cloudflare-service-bindings";
import { client } from "./create-client.ts";

const prefix_id = "2af39739cc4e3b5910c918468bb89828";
try {
  await client.getPrefix({ prefix_id }, { signal: AbortSignal.timeout(30_000) });
} catch (error) {
  if (error instanceof NotFoundError) console.log("no such prefix", error.code);
  else if (error instanceof CloudflareApiError)
    console.log(error.status, error.errors, error.retryAfterSeconds);
  else if (error instanceof ConnectionError) console.log("network trouble", error.cause);
  else throw error;
}
