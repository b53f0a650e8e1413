import { defineConfig } from "vitest/config";
import { isExternalRun } from "./contract-tests/support/target.ts";

// Against an external server only the conformance subset runs: it asserts
// what the spec guarantees, never the mock's example values.
const contractFiles = isExternalRun(process.env)
  ? ["contract-tests/conformance/**/*.test.ts"]
  : ["contract-tests/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
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
        test: {
          name: "contract",
          include: contractFiles,
          globalSetup: ["contract-tests/support/global-setup.ts"],
          setupFiles: ["contract-tests/support/setup.ts"],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
