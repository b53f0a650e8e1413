#!/usr/bin/env node
// cloudflare-service-bindings: in the published package, the built tool (dist/); in a clone of the
// repository, the TypeScript sources through tsx (a devDependency there), so it is never a stale build.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/run.ts", import.meta.url);
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(source.href);
} else {
  await import(new URL("../dist/src/cli/run.js", import.meta.url).href);
}
