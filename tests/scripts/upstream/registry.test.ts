// The registry of recorded deviations: each entry read with its line, and
// every bad entry reported as FILE:LINE with what is wrong.
import { describe, expect, test } from "vitest";
import { isSource, readRegistry } from "../../../scripts/lib/upstream/registry.ts";

const FILE = "spec/deviations.yaml";
const ENTRY = `- operation: getThing
  pointer: /security
  upstream: [[apiKey header x-auth-key]]
  spec: [[http bearer]]
  why: The API reference lists API tokens.
  source: https://developers.cloudflare.com/fundamentals/api/get-started/create-token/
`;

describe("readRegistry", () => {
  test("reads each entry with its values and line; one operation or a list", () => {
    const text = `# comment\n${ENTRY}\n${ENTRY.replace("operation: getThing", "operation: [listThings, getThing2]")}`;
    const { entries, problems } = readRegistry(text, FILE);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        operations: ["getThing"],
        pointer: "/security",
        upstream: [["apiKey header x-auth-key"]],
        spec: [["http bearer"]],
        why: "The API reference lists API tokens.",
        source: "https://developers.cloudflare.com/fundamentals/api/get-started/create-token/",
        line: 2,
      },
      expect.objectContaining({ operations: ["listThings", "getThing2"], line: 9 }),
    ]);
  });

  test("resolves a reason written once and referred to again (YAML anchors)", () => {
    const text = `${ENTRY.replace("why: The", "why: &tokens The")}${ENTRY.replace("getThing", "listThings").replace(/why: .*/, "why: *tokens")}`;
    const { entries, problems } = readRegistry(text, FILE);
    expect(problems).toEqual([]);
    expect(entries[1]?.why).toBe("The API reference lists API tokens.");
  });

  test("an empty registry has no entries and no problems", () => {
    expect(readRegistry("# nothing yet\n", FILE)).toEqual({ entries: [], problems: [] });
  });

  test("an entry without its source is reported at its line, naming the operation and pointer", () => {
    const text = `${ENTRY}${ENTRY.replace("getThing", "listThings").replace(/ {2}source: .*\n/, "")}`;
    const { entries, problems } = readRegistry(text, FILE);
    expect(problems).toEqual([`${FILE}:7: listThings /security: has no source`]);
    expect(entries).toHaveLength(1);
  });

  test("an entry without a reason, or with an empty one, is reported", () => {
    const text = ENTRY.replace(/why: .*/, 'why: ""');
    expect(readRegistry(text, FILE).problems).toEqual([
      `${FILE}:1: getThing /security: has no why (the reason the spec differs)`,
    ]);
  });

  test("a source that is neither a link, an observed answer nor stricter on purpose is reported", () => {
    const text = ENTRY.replace(/source: .*/, "source: the docs");
    expect(readRegistry(text, FILE).problems).toEqual([
      `${FILE}:1: getThing /security: source must be a link, "observed: ..." or "stricter on purpose: ...", not "the docs"`,
    ]);
  });

  test("an unknown key is reported at its own line", () => {
    const text = ENTRY.replace("  why:", "  reason: typo\n  why:");
    expect(readRegistry(text, FILE).problems).toEqual([
      `${FILE}:5: unknown key reason (an entry has operation, pointer, upstream, spec, why, source)`,
    ]);
  });

  test("a missing side, a missing operation or a pointer that is not one is reported", () => {
    const text = ENTRY.replace(/ {2}spec: .*\n/, "").replace("pointer: /security", "pointer: security");
    expect(readRegistry(text, FILE).problems).toEqual([
      `${FILE}:1: getThing security: pointer must be a JSON pointer such as /responses/200/properties/result`,
      `${FILE}:1: getThing security: has no spec value (write absent when that side lacks it)`,
    ]);
    expect(readRegistry(ENTRY.replace("operation: getThing", "operation: []"), FILE).problems).toEqual([
      `${FILE}:1: entry: operation must be an operationId or a list of them`,
    ]);
  });

  test("the same operation and pointer recorded twice is reported at the second, naming the first", () => {
    const text = `${ENTRY}${ENTRY.replace("operation: getThing", "operation: [other, getThing]")}`;
    const { entries, problems } = readRegistry(text, FILE);
    expect(problems).toEqual([`${FILE}:7: getThing /security is recorded twice (first at ${FILE}:1)`]);
    expect(entries).toHaveLength(1);
  });

  test("YAML that does not parse is reported at its line", () => {
    const { problems } = readRegistry(`${ENTRY}- operation: [unclosed\n`, FILE);
    expect(problems[0]).toMatch(/^spec\/deviations\.yaml:8: Flow sequence in block collection/);
  });

  test("a registry that is not a list, or an entry that is not a mapping, is reported", () => {
    expect(readRegistry("operation: getThing\n", FILE).problems).toEqual([
      `${FILE}:1: the registry is a list of entries, one per difference`,
    ]);
    expect(readRegistry("- just text\n", FILE).problems).toEqual([
      `${FILE}:1: an entry is a mapping with the keys operation, pointer, upstream, spec, why, source`,
    ]);
  });
});

describe("isSource", () => {
  test.each([
    ["https://developers.cloudflare.com/byoip/", true],
    ["observed: HTTP 400 code 9106 in https://github.com/cloudflare/cloudflare-python/issues/2678", true],
    ["observed: the contract:proxy run of 2026-11-02", true],
    ["stricter on purpose: the waiter needs it", true],
    ["stricter on purpose:", false],
    ["docs", false],
    ["", false],
  ])("%j is a source: %s", (source, expected) => {
    expect(isSource(source)).toBe(expected);
  });
});
