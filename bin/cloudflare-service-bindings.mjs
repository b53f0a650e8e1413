#!/usr/bin/env node
// cloudflare-service-bindings: the built tool (dist/) in the published package; in a clone of the
// repository before `npm run build`, the TypeScript sources through tsx (a devDependency there).
import { existsSync } from "node:fs";

const built = new URL("../dist/src/cli/run.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("../src/cli/run.ts", import.meta.url).href);
}
