// The tests StrykerJS runs against each mutant (npm run mutation): the unit
// tests, which exercise src/ and the gates' logic in-process. The contract
// suite (Prism), the end-to-end tests (whole commands) and the type tests
// (which run no code) are left out: each mutant would pay their start-up.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: {
      include: ["tests/**/*.test.ts", "examples/**/*.test.ts"],
      exclude: ["tests/**/*.e2e.test.ts"],
      testTimeout: 60_000,
    },
  }),
);
