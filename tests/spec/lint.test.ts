import { describe, expect, test } from "vitest";
import { SPEC_PATH } from "../../scripts/lib/paths.ts";
import { runBin } from "../support/run.ts";

describe("redocly lint", () => {
  test("passes the committed policy with zero errors and zero warnings", () => {
    const ran = runBin("redocly", ["lint", SPEC_PATH, "--format=json"]);
    const report = JSON.parse(ran.stdout);
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0, ignored: 0 });
    expect(ran.status).toBe(0);
  });
});
