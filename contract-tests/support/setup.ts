// Every contract test fails when Prism reported a spec violation it did not expect.
import { afterEach } from "vitest";
import { takeViolations } from "./harness.ts";

afterEach(() => {
  const unexpected = takeViolations();
  if (unexpected.length > 0) {
    throw new Error(
      `Prism reported spec violations (sl-violations):\n${JSON.stringify(unexpected, null, 2)}`,
    );
  }
});
