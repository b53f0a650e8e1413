// Generation and drift detection, on temporary copies so the committed files
// are never touched. Most cases call the functions in-process; one case per
// script runs it as a user does, for its exit code and message.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { findDrift, generate, type Target } from "../../scripts/lib/generation.ts";
import { GENERATED_PATH, SPEC_PATH } from "../../scripts/lib/paths.ts";
import { runScript } from "../support/run.ts";

let dir: string;
let target: Target;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sb-generate-"));
  target = { spec: join(dir, "openapi.yaml"), out: join(dir, "openapi.ts") };
  copyFileSync(SPEC_PATH, target.spec);
  copyFileSync(GENERATED_PATH, target.out);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const args = () => ["--spec", target.spec, "--out", target.out];
const editSpec = (edit: (text: string) => string) =>
  writeFileSync(target.spec, edit(readFileSync(target.spec, "utf8")));

describe("check:generated", () => {
  test("finds the committed generated/ current", async () => {
    expect(await findDrift(target)).toEqual({ state: "current" });
  });

  test("finds a one-character spec change, with the line that differs", async () => {
    editSpec((t) => t.replace("Fetches one service binding", "Fetches one service bindinG"));
    const drift = await findDrift(target);
    expect(drift).toMatchObject({ state: "stale", found: expect.stringContaining("binding of the prefix") });
    expect(drift).toMatchObject({ expected: expect.stringContaining("bindinG of the prefix") });
  });

  test("finds an edit that changes no type (an example's message), through the spec's hash in the header", async () => {
    editSpec((t) => t.replace("message: Prefix not found", "message: Prefix not foune"));
    expect(await findDrift(target)).toMatchObject({
      state: "stale",
      found: expect.stringContaining("spec sha256:"),
    });
  });

  test("finds a hand edit of the generated file", async () => {
    writeFileSync(
      target.out,
      readFileSync(target.out, "utf8").replace("service_name: string;", "service_name: number;"),
    );
    expect(await findDrift(target)).toMatchObject({
      state: "stale",
      found: expect.stringContaining("number"),
    });
  });

  test("finds a missing generated file", async () => {
    rmSync(target.out);
    expect(await findDrift(target)).toEqual({ state: "missing" });
  });

  test("as a command, exits 1 on a stale file and says to run npm run generate", () => {
    editSpec((t) => t.replace("Fetches one service binding", "Fetches one service bindinG"));
    const ran = runScript("check-generated.ts", args());
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("is stale");
    expect(ran.stderr).toContain("Run `npm run generate` and commit the result.");
  });
});

describe("generate", () => {
  test("is deterministic: two runs write the same bytes as the committed file", async () => {
    rmSync(target.out);
    expect(await generate(target)).toBe(true);
    const first = readFileSync(target.out);
    expect(await generate(target)).toBe(false);
    expect(readFileSync(target.out).equals(first)).toBe(true);
    expect(first.equals(readFileSync(GENERATED_PATH))).toBe(true);
  });

  test("starts the file with a do-not-edit header", () => {
    expect(readFileSync(GENERATED_PATH, "utf8")).toMatch(/^\/\*\*\n \* GENERATED FILE: DO NOT EDIT\./);
  });

  test.each([
    [
      "a YAML syntax error",
      (t: string) => t.replace("paths:", "paths: ["),
      /cannot generate types .*openapi\.yaml/,
    ],
    [
      "a dangling $ref",
      (t: string) => t.replace('"#/components/schemas/Provisioning"', '"#/components/schemas/Nope"'),
      /ServiceBinding\/properties\/provisioning: Can't resolve \$ref/,
    ],
    ["a misspelt type", (t: string) => t.replace("type: integer", "type: integr"), /`type` can be one of/],
  ])("refuses %s, says where, and leaves the output untouched", async (_, edit, reason) => {
    editSpec(edit);
    const before = readFileSync(target.out);
    const mtime = statSync(target.out).mtimeMs;
    await expect(generate(target)).rejects.toThrow(reason);
    expect(readFileSync(target.out).equals(before)).toBe(true);
    expect(statSync(target.out).mtimeMs).toBe(mtime);
  });

  test("as a command, exits 1 on an invalid spec and says nothing was written", () => {
    editSpec((t) => t.replace("type: integer", "type: integr"));
    const ran = runScript("generate.ts", args());
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("is not a valid OpenAPI document");
    expect(ran.stderr).toContain("nothing was written");
  });
});
