// Generation and drift detection, on temporary copies so the committed files
// are never touched, all in-process: the commands are functions that print
// through a given output and return their exit code.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  examplesPath,
  findDrift,
  generate,
  operationsPath,
  type Target,
} from "../../scripts/lib/generation.ts";
import { checkGeneratedCommand, generateCommand, type Io } from "../../scripts/lib/generation-commands.ts";
import { GENERATED_PATH, SPEC_PATH } from "../../scripts/lib/paths.ts";

let dir: string;
let target: Target;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sb-generate-"));
  target = { spec: join(dir, "openapi.yaml"), out: join(dir, "openapi.ts") };
  copyFileSync(SPEC_PATH, target.spec);
  copyFileSync(GENERATED_PATH, target.out);
  copyFileSync(operationsPath({ spec: SPEC_PATH, out: GENERATED_PATH }), operationsPath(target));
  copyFileSync(examplesPath({ spec: SPEC_PATH, out: GENERATED_PATH }), examplesPath(target));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const args = () => ["--spec", target.spec, "--out", target.out];

/** Runs a command in-process, collecting what it prints. */
async function run(command: (argv: string[], io: Io) => Promise<number>) {
  const printed = { stdout: "", stderr: "" };
  const io: Io = {
    out: (line) => (printed.stdout += `${line}\n`),
    err: (line) => (printed.stderr += `${line}\n`),
  };
  return { status: await command(args(), io), ...printed };
}
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
      readFileSync(target.out, "utf8").replace("service_name?: string;", "service_name?: number;"),
    );
    expect(await findDrift(target)).toMatchObject({
      state: "stale",
      found: expect.stringContaining("number"),
    });
  });

  test("finds a missing generated file", async () => {
    rmSync(target.out);
    expect(await findDrift(target)).toEqual({ state: "missing", file: target.out });
  });

  test("finds a hand edit of the operation table, naming the file", async () => {
    const table = operationsPath(target);
    writeFileSync(table, readFileSync(table, "utf8").replace('"method": "DELETE"', '"method": "POST"'));
    expect(await findDrift(target)).toMatchObject({
      state: "stale",
      file: table,
      found: expect.stringContaining('"method": "POST"'),
      expected: expect.stringContaining('"method": "DELETE"'),
    });
  });

  test("finds a missing operation table", async () => {
    rmSync(operationsPath(target));
    expect(await findDrift(target)).toEqual({ state: "missing", file: operationsPath(target) });
  });

  test("as a command, exits 0 on current files and names what matches what", async () => {
    const ran = await run(checkGeneratedCommand);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/openapi\.ts, .*operations\.ts and .*examples\.ts match .*openapi\.yaml\.\n$/);
    expect(ran.stderr).toBe("");
  });

  test("as a command, exits 1 on a stale file and says to run npm run generate", async () => {
    editSpec((t) => t.replace("Fetches one service binding", "Fetches one service bindinG"));
    const ran = await run(checkGeneratedCommand);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("is stale");
    expect(ran.stderr).toContain("Run `npm run generate` and commit the result.");
  });
});

describe("generate", () => {
  test("is deterministic: two runs write the same bytes as the committed files", async () => {
    rmSync(target.out);
    rmSync(operationsPath(target));
    expect(await generate(target)).toBe(true);
    const first = [readFileSync(target.out), readFileSync(operationsPath(target))];
    expect(await generate(target)).toBe(false);
    expect(readFileSync(target.out).equals(first[0] as Buffer)).toBe(true);
    expect(first[0]?.equals(readFileSync(GENERATED_PATH))).toBe(true);
    expect(first[1]?.equals(readFileSync(operationsPath({ spec: SPEC_PATH, out: GENERATED_PATH })))).toBe(
      true,
    );
  });

  test("writes the operation table beside the types: every operation with its method, path, parameters, body and result, and the spec's words as its doc comment", async () => {
    const { OPERATIONS, PATH_PARAMETERS } = await import("../../generated/operations.ts");
    expect(OPERATIONS.createServiceBinding).toEqual({
      method: "POST",
      path: "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings",
      pathParams: ["account_id", "prefix_id"],
      body: {
        required: ["cidr", "service_id"],
        properties: { cidr: { type: "string" }, service_id: { type: "string", maxLength: 32 } },
      },
      result: "object",
      idempotent: false,
    });
    expect(OPERATIONS.updateBgpPrefix).toMatchObject({
      method: "PATCH",
      body: {
        required: [],
        properties: {
          asn_prepend_count: { type: "integer", minimum: 0, maximum: 3 },
          on_demand: { type: "object" },
        },
      },
      idempotent: true,
    });
    expect(OPERATIONS.deleteServiceBinding).toEqual({
      method: "DELETE",
      path: "/accounts/{account_id}/addressing/prefixes/{prefix_id}/bindings/{binding_id}",
      pathParams: ["account_id", "prefix_id", "binding_id"],
      result: "none",
      idempotent: true,
    });
    expect(OPERATIONS.listServices).toMatchObject({ result: "array", pathParams: ["account_id"] });
    expect(PATH_PARAMETERS).toEqual({
      account_id: { maxLength: 32 },
      prefix_id: { maxLength: 32 },
      binding_id: { maxLength: 32 },
      bgp_prefix_id: { maxLength: 32 },
    });
    const text = readFileSync(operationsPath({ spec: SPEC_PATH, out: GENERATED_PATH }), "utf8");
    expect(text).toContain(
      "   * Get Service Binding\n   *\n   * Fetches one service binding of the prefix.\n   */\n  getServiceBinding: {",
    );
  });

  test("an operationId that cannot name a method is refused, saying which operation", async () => {
    editSpec((t) => t.replace("operationId: listServices", "operationId: list-services"));
    await expect(generate(target)).rejects.toThrow(
      /cannot build the operation table from .*: GET \/accounts\/\{account_id\}\/addressing\/services: the operationId "list-services" cannot name a client method/,
    );
  });

  test.each([
    ["empty", 'x-idempotent: ""'],
    ["not words", "x-idempotent: true"],
  ])(
    "an x-idempotent mark that is %s (it must say why repeating is safe) is refused, naming the operation",
    async (_, mark) => {
      editSpec((t) => t.replace("x-idempotent: A read; repeating it changes nothing.", mark));
      await expect(generate(target)).rejects.toThrow(
        /listServiceBindings: x-idempotent must say, in words, why repeating the operation is safe/,
      );
    },
  );

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

  test("as a command, says when there was nothing to write, and what it wrote after a change", async () => {
    expect(await run(generateCommand)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining("are already up to date."),
    });
    editSpec((t) => t.replace("Fetches one service binding", "Fetches one service bindinG"));
    expect(await run(generateCommand)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Wrote .* from .*openapi\.yaml\.\n$/),
    });
    expect(await findDrift(target)).toEqual({ state: "current" });
  });

  test("as a command, exits 1 on an invalid spec and says nothing was written", async () => {
    editSpec((t) => t.replace("type: integer", "type: integr"));
    const ran = await run(generateCommand);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain("is not a valid OpenAPI document");
    expect(ran.stderr).toContain("nothing was written");
  });
});
