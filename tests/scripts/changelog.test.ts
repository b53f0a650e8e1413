// Release notes from the spec's changes.
import { describe, expect, test } from "vitest";
import type { SpecChange } from "../../scripts/lib/breaking-policy.ts";
import { changelog } from "../../scripts/lib/changelog.ts";

function change(overrides: Partial<SpecChange>): SpecChange {
  return {
    impact: "patch",
    rule: "x",
    message: "Something changed.",
    operation: "GET /accounts/{account_id}/addressing/services",
    pointer: "#/x",
    line: 1,
    kind: "modified",
    typeName: "Schema",
    ...overrides,
  };
}

describe("changelog", () => {
  test("lists operations first, then breaking, added, removed and changed, grouped by operation", () => {
    const text = changelog(
      [
        change({ kind: "added", typeName: "Operation", operation: "PATCH /bindings/{id}", impact: "minor" }),
        change({
          impact: "major",
          message: "Properties of `ServiceBinding` are no longer required: `service_name`.",
        }),
        change({ kind: "added", message: "Added Response `responses/4XX`.", impact: "minor" }),
        change({ kind: "modified", message: "Changed Info `description`.", operation: "info" }),
      ],
      "v1.2.0",
    );
    expect(text).toBe(
      [
        "## API changes since v1.2.0",
        "",
        "### Operations",
        "",
        "- Added `PATCH /bindings/{id}`",
        "",
        "### Breaking changes",
        "",
        "- `GET /accounts/{account_id}/addressing/services`",
        "  - Properties of `ServiceBinding` are no longer required: `service_name`.",
        "",
        "### Added",
        "",
        "- `GET /accounts/{account_id}/addressing/services`",
        "  - Added Response `responses/4XX`.",
        "",
        "### Changed",
        "",
        "- `info`",
        "  - Changed Info `description`.",
        "",
      ].join("\n"),
    );
  });

  test("says so when nothing changed", () => {
    expect(changelog([], "HEAD")).toContain("No changes to the API description.");
  });
});
