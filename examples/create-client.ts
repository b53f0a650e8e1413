// Create a client once and share it: it holds no connection state of its own.
import { createServiceBindingsClient } from "cloudflare-service-bindings";

export const client = createServiceBindingsClient({
  apiToken: process.env.CLOUDFLARE_API_TOKEN ?? "",
  accountId: process.env.CLOUDFLARE_ACCOUNT_ID,
  timeoutMs: 10_000, // per attempt
  maxRetries: 2, // reads, deletes and updates only; a create is never retried unless a call opts in
});
