import { defineConfig } from "vitest/config";
import { isExternalRun } from "./contract-tests/support/target.ts";

// Against an external server only the conformance subset runs: it asserts
// what the spec guarantees, never the mock's example values; its writes
// (create, get, delete a binding) only with CONTRACT_ALLOW_WRITES=1.
const external = isExternalRun(process.env);
const contractFiles = external
  ? ["contract-tests/conformance/**/*.test.ts"]
  : ["contract-tests/**/*.test.ts"];
const contractExcluded =
  external && process.env.CONTRACT_ALLOW_WRITES !== "1"
    ? ["contract-tests/conformance/writes.test.ts", "contract-tests/conformance/lifecycle.test.ts"]
    : [];

export default defineConfig({
  // The package's own names, as a consumer imports them (the README's examples are run too).
  resolve: {
    alias: [
      {
        find: /^cloudflare-service-bindings\/testing$/,
        replacement: `${import.meta.dirname}/src/testing/index.ts`,
      },
      { find: /^cloudflare-service-bindings$/, replacement: `${import.meta.dirname}/src/index.ts` },
    ],
  },
  test: {
    // Threads start faster than forks, and sharing the module cache between
    // files of a worker saves re-importing the client for each: no test here
    // keeps global state between files.
    pool: "threads",
    isolate: false,
    // Most tests wait on sockets and on Prism (its own process), so a third
    // worker keeps both cores busy: about 13 s instead of 18 s on 2 cores.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts", "examples/**/*.test.ts"],
          exclude: ["tests/**/*.e2e.test.ts"],
          // A few tests start node processes: under npm run check's parallel steps one took over 20 s.
          testTimeout: 60_000,
        },
      },
      {
        // Whole commands run as a user runs them (the validation proxy, the
        // breaking-change gate in temp git repos, npm run mock): the slow part,
        // run by `npm run check` so that `npm test` stays quick.
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          // Starting Prism or a packed install can take long on a busy machine (npm run check runs steps at once).
          hookTimeout: 120_000,
          // Each concurrent case here starts Prism and a nested vitest: two at a time is plenty for 2 cores.
          maxConcurrency: 2,
        },
      },
      {
        test: {
          name: "types",
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ["tests/**/*.test-d.ts"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
      {
        extends: true,
        test: {
          name: "contract",
          include: contractFiles,
          exclude: contractExcluded,
          globalSetup: ["contract-tests/support/global-setup.ts"],
          // Against a real server the writes and the lifecycle change one prefix: one file at a time.
          fileParallelism: !external,
          // The generated-input properties make hundreds of calls each: on a busy machine (npm run check runs
          // steps at once) one took more than 30 s.
          testTimeout: 120_000,
        },
      },
    ],
  },
});
