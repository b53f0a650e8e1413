// The bindings file: the issue's own example works as written; every problem
// is reported at once with its file, line and column; the shipped schema is the
// one the parser checks against and accepts the example too.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../../scripts/lib/paths.ts";
import { BINDINGS_SCHEMA, BindingsFileError, parseBindingsFile } from "../../src/declarative/index.ts";

/** The repository's example file: the form the issue gives, comments and all, which must work as written. */
const EXAMPLE = readFileSync(`${ROOT}examples/bindings.yaml`, "utf8");

/** The problems a text is refused with, as `line:column: message`. */
function problemsOf(text: string, accountId?: string): string[] {
  try {
    parseBindingsFile(text, { file: "bindings.yaml", accountId });
  } catch (error) {
    expect(error).toBeInstanceOf(BindingsFileError);
    return (error as BindingsFileError).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error("the text was accepted");
}

describe("a bindings file", () => {
  test("the issue's example works as written: each binding with its line", () => {
    expect(parseBindingsFile(EXAMPLE, { file: "bindings.yaml" })).toEqual({
      file: "bindings.yaml",
      accountId: "258def64c72dae45f3e4c8516e2111f2",
      prefixes: [
        {
          prefix: "2af39739cc4e3b5910c918468bb89828",
          advertised: true,
          at: { file: "bindings.yaml", line: 7, column: 5 },
          bindings: [
            {
              cidr: "192.0.2.0/24",
              service: "Magic Transit",
              at: { file: "bindings.yaml", line: 9, column: 7 },
            },
            { cidr: "192.0.2.16/29", service: "CDN", at: { file: "bindings.yaml", line: 10, column: 7 } },
          ],
        },
      ],
    });
  });

  test("the same as JSON", () => {
    const json = JSON.stringify(parse(EXAMPLE), null, 2);
    const desired = parseBindingsFile(json, { file: "bindings.json" });
    expect(desired.prefixes[0]?.bindings.map((b) => [b.cidr, b.service])).toEqual([
      ["192.0.2.0/24", "Magic Transit"],
      ["192.0.2.16/29", "CDN"],
    ]);
  });

  test("without account_id, the account comes from CLOUDFLARE_ACCOUNT_ID (given by the caller)", () => {
    const text = EXAMPLE.replace(/^account_id:.*\n/m, "");
    expect(parseBindingsFile(text, { file: "b.yaml", accountId: "abc" }).accountId).toBe("abc");
    expect(problemsOf(text)).toEqual([
      "1:1: no account: give account_id in the file, or set CLOUDFLARE_ACCOUNT_ID",
    ]);
  });

  test("an empty CLOUDFLARE_ACCOUNT_ID is no account either", () => {
    expect(problemsOf(EXAMPLE.replace(/^account_id:.*\n/m, ""), "")).toEqual([
      "1:1: no account: give account_id in the file, or set CLOUDFLARE_ACCOUNT_ID",
    ]);
  });

  test("advertised left out leaves the advertisement as it is", () => {
    const desired = parseBindingsFile(EXAMPLE.replace(/ {4}advertised:.*\n/, ""), { file: "b.yaml" });
    expect(desired.prefixes[0]?.advertised).toBeUndefined();
  });
});

describe("a bad bindings file: every problem at once, with its line and column", () => {
  test.each([
    [
      "a YAML syntax error",
      "prefixes: [\n",
      ["2:1: Flow sequence in block collection must be sufficiently indented and end with a ]"],
    ],
    [
      "a CIDR given twice",
      EXAMPLE.replace("192.0.2.16/29: CDN", "192.0.2.0/24: CDN"),
      ["10:7: this key is given twice"],
    ],
    [
      "an unknown key",
      EXAMPLE.replace("    advertised: true", "    advertise: true"),
      ['11:5: unknown key "advertise" (the schema allows prefix, bindings, advertised)'],
    ],
    [
      "a value of the wrong type",
      EXAMPLE.replace("advertised: true ", "advertised: yes please "),
      ['11:17: "advertised" must be a boolean'],
    ],
    [
      "a key that is not a CIDR",
      EXAMPLE.replace("192.0.2.16/29:", "not-a-cidr:"),
      ['10:7: "not-a-cidr" is not a CIDR (address/length)'],
    ],
    ["an entry without bindings", "prefixes:\n  - prefix: x\n", ['2:5: missing "bindings"']],
    ["a file that is not a mapping", "- a\n- b\n", ['1:1: "the file" must be a mapping']],
    ["an empty file", "", ['1:1: "the file" must be a mapping']],
    [
      "a prefix left empty",
      'prefixes:\n  - prefix: ""\n    bindings: {}\n',
      ['2:13: "prefix" must not be empty'],
    ],
    [
      "an account id longer than an account's 32 characters",
      `account_id: ${"a".repeat(33)}\nprefixes: []\n`,
      ['1:13: "account_id" must NOT have more than 32 characters'],
    ],
    [
      // The missing key is an empty node, which starts where its line does.
      "a binding whose CIDR is left out: said once, as not a CIDR",
      EXAMPLE.replace("192.0.2.16/29:", ":"),
      ['10:1: "" is not a CIDR (address/length)'],
    ],
    [
      "a CIDR typed with ~ for /, and no service: both said, the key as written",
      EXAMPLE.replace("192.0.2.16/29: CDN", '192.0.2.16~29: ""'),
      [
        '10:7: "192.0.2.16~29" is not a CIDR (address/length)',
        "10:22: 192.0.2.16~29 needs a service: its name (Magic Transit, CDN, Spectrum) or its id",
      ],
    ],
  ])("%s", (_, text, problems) => {
    expect(problemsOf(text)).toEqual(problems);
  });

  test("a problem inside an anchor is reported again where an alias (*b) repeats it", () => {
    const text = `prefixes:
  - prefix: a
    bindings: &b
      192.0.2.0/24: ""
  - prefix: b
    bindings: *b
`;
    const needs = "192.0.2.0/24 needs a service: its name (Magic Transit, CDN, Spectrum) or its id";
    expect(problemsOf(text, "acct")).toEqual([`4:21: ${needs}`, `6:15: ${needs}`]);
  });

  test("an alias naming no anchor set before it is refused at the alias", () => {
    expect(problemsOf("prefixes:\n  - prefix: a\n    bindings: *b\n", "acct")).toEqual([
      "3:15: *b names no anchor &b set before it",
    ]);
  });

  test("aliases that expand without end are refused, not expanded", () => {
    const tens = (alias: string) => `[${Array(10).fill(alias).join(", ")}]`;
    const text = `a: &a ${tens("x")}\nb: &b ${tens("*a")}\nc: &c ${tens("*b")}\nprefixes: []\n`;
    expect(problemsOf(text, "acct")).toEqual([
      "1:1: Excessive alias count indicates a resource exhaustion attack",
    ]);
  });

  test("a problem an alias repeats at one place is said there once", () => {
    // The list is anchored under account_id (itself refused) and reused as the prefixes.
    const text = `account_id: &list
  - prefix: 1
    bindings: {}
  - prefix: 2
    bindings: {}
prefixes: *list
`;
    expect(problemsOf(text, "acct")).toEqual([
      '2:3: "account_id" must be a string',
      '6:11: "prefix" must be a string',
    ]);
  });

  test("problems on one line are in the order of their columns", () => {
    const text = 'prefixes: [{ prefix: a, bindings: { 192.0.2.0/24: "" }, colour: red }]\n';
    expect(problemsOf(text, "acct")).toEqual([
      "1:51: 192.0.2.0/24 needs a service: its name (Magic Transit, CDN, Spectrum) or its id",
      '1:57: unknown key "colour" (the schema allows prefix, bindings, advertised)',
    ]);
  });

  test("several problems are all reported, in the file's order", () => {
    const text = `prefixes:
  - prefix: a
    bindings:
      192.0.2.0/24: ""
    colour: red
  - bindings: {}
`;
    expect(problemsOf(text, "acct")).toEqual([
      "4:21: 192.0.2.0/24 needs a service: its name (Magic Transit, CDN, Spectrum) or its id",
      '5:5: unknown key "colour" (the schema allows prefix, bindings, advertised)',
      '6:5: missing "prefix"',
    ]);
  });
});

describe("bindings.schema.json", () => {
  const shipped = JSON.parse(readFileSync(`${ROOT}src/declarative/bindings.schema.json`, "utf8"));

  test("is the schema the parser checks against, and accepts the issue's example", () => {
    expect(BINDINGS_SCHEMA).toEqual(shipped);
    const validate = new Ajv2020({ strict: true }).compile(shipped);
    expect(validate(parse(EXAMPLE))).toBe(true);
  });

  test("is exported by the package as cloudflare-service-bindings/bindings.schema.json", () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8"));
    expect(manifest.exports["./bindings.schema.json"]).toBe("./dist/src/declarative/bindings.schema.json");
  });
});
