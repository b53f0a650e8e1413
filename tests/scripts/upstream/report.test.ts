// The upstream gate's report: one line per finding, then the verdict; the
// draft entries it offers for what is unrecorded; and the command's exit code
// and message, the one test here that starts a process.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { loadSpec, type Node, operations } from "../../../scripts/lib/spec.ts";
import { checkUpstreamCommand } from "../../../scripts/lib/upstream/command.ts";
import { upstreamGate } from "../../../scripts/lib/upstream/gate.ts";
import { draftEntries, formatUpstreamGate } from "../../../scripts/lib/upstream/report.ts";
import { committedExtract, committedRegistry, FILE, FILES, withNewState } from "./committed.ts";

const spec = loadSpec();

describe("the report", () => {
  test("has one line per finding, then the verdict", () => {
    const result = upstreamGate(JSON.parse(committedExtract), spec, committedRegistry, FILE);
    const lines = formatUpstreamGate(result, FILES).split("\n");
    expect(lines).toHaveLength(result.findings.length + 2);
    expect(lines[0]).toBe(
      "Upstream gate: spec/openapi.yaml against spec/upstream/cloudflare.json (cloudflare/api-schemas@cca3064f, 2024-08-06), differences recorded in spec/deviations.yaml.",
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^ {2}recorded {3}listServices \/responses\/5XX \(response\): upstream "absent", spec "object" \[spec\/deviations\.yaml:\d+\]$/,
      ),
    );
  });

  test("draft entries list each unrecorded difference once, with every operation it is found in", () => {
    const result = upstreamGate(JSON.parse(committedExtract), spec, "[]", FILE);
    const draft = draftEntries(result);
    const entries = parseDocument(draft).toJS();
    const fiveXX = entries.find((e: Node) => e.pointer === "/responses/5XX");
    expect(fiveXX).toEqual({
      // Every operation of the spec declares a 5XX, and the published schema none.
      operation: operations(spec).map((o) => o.operationId),
      pointer: "/responses/5XX",
      upstream: "absent",
      spec: "object",
      why: "",
      source: "",
    });
    const keys = new Set(entries.map((e: Node) => JSON.stringify([e.pointer, e.upstream, e.spec])));
    expect(keys.size).toBe(entries.length);
  });
});

describe("npm run check:upstream, in-process as the script runs it", () => {
  test("exits 0 on the committed files and says every difference is recorded", () => {
    let printed = "";
    expect(
      checkUpstreamCommand([], { out: (line) => (printed += line), err: (line) => (printed += line) }),
    ).toBe(0);
    expect(printed).toMatch(/All \d+ differences are recorded \(\d+ entries\): the gate passes\./);
  });

  test("exits 1 and names the operation and pointer of a difference upstream added", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-upstream-"));
    try {
      const upstream = join(dir, "cloudflare.json");
      writeFileSync(upstream, JSON.stringify(withNewState()));
      const ran = { status: 0, stdout: "", stderr: "" };
      ran.status = checkUpstreamCommand(["--upstream", upstream], {
        out: (line) => (ran.stdout += `${line}\n`),
        err: (line) => (ran.stderr += `${line}\n`),
      });
      expect(ran.status).toBe(1);
      expect(ran.stdout).toBe("");
      expect(ran.stderr).toContain("CHANGED    spec/deviations.yaml:");
      expect(ran.stderr).toMatch(
        /getServiceBinding \/responses\/200\/properties\/result\/properties\/provisioning\/properties\/state\/enum now differs as upstream \["active","deprovisioning","provisioning"\]/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
