// The extract of Cloudflare's published schema: exactly the spec's operations
// (matched by method and path template), the components they use and nothing
// else, the provenance given, in a stable form; and a clear refusal, writing
// nothing, of an input it cannot use.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import {
  ExtractError,
  extractFile,
  extractUpstream,
  formatExtract,
  parseOrigin,
} from "../../../scripts/lib/upstream/extract.ts";
import { specSide, upstreamOperation, upstreamSide } from "./fixtures.ts";

const ORIGIN = { repository: "cloudflare/api-schemas", commit: "cca3064f", date: "2024-08-06" };
const NOW = new Date("2026-12-01T10:00:00Z");
const extract = (published: unknown, spec = specSide()) =>
  extractUpstream(JSON.stringify(published), spec, ORIGIN, "openapi.json", NOW);

describe("extractUpstream", () => {
  test("keeps only the spec's operations, matched by method and path template whatever the placeholders are called", () => {
    const result = extract(upstreamSide());
    expect(Object.keys(result.paths)).toEqual(["/accounts/{account_identifier}/things/{thing_identifier}"]);
    expect(Object.keys(result.paths["/accounts/{account_identifier}/things/{thing_identifier}"])).toEqual([
      "get",
    ]);
  });

  test("copies every component the operations use, transitively, and nothing else", () => {
    const result = extract(upstreamSide());
    expect(Object.keys(result.components.schemas).sort()).toEqual([
      "cf_common",
      "cf_failure",
      "cf_identifier",
      "cf_state",
      "cf_thing",
    ]);
    expect(Object.keys(result.components.securitySchemes)).toEqual(["api_token"]);
  });

  test("copies the document's security only when an operation has none of its own", () => {
    const published = upstreamSide();
    published.security = [{ unused_key: [] }];
    expect(extract(published).security).toBeUndefined();
    delete upstreamOperation(published).security;
    const inherited = extract(published);
    expect(inherited.security).toEqual([{ unused_key: [] }]);
    expect(Object.keys(inherited.components.securitySchemes)).toEqual(["unused_key"]);
  });

  test("records the provenance given, the date of the extract and the input's sha256", () => {
    const published = upstreamSide();
    const text = JSON.stringify(published);
    expect(extractUpstream(text, specSide(), ORIGIN, "openapi.json", NOW)["x-provenance"]).toEqual({
      repository: "cloudflare/api-schemas",
      commit: "cca3064f",
      date: "2024-08-06",
      extracted_at: "2026-12-01",
      sha256: createHash("sha256").update(text).digest("hex"),
    });
  });

  test("is the same text whatever order the input's keys come in", () => {
    const published = upstreamSide();
    const reversed = JSON.parse(JSON.stringify(published), (_, value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    const a = formatExtract(extract(published));
    const b = formatExtract(extract(reversed));
    // Only the input's sha256 differs.
    expect(a.replace(/"sha256": "\w+"/, "")).toBe(b.replace(/"sha256": "\w+"/, ""));
    expect(a.endsWith("}\n")).toBe(true);
  });

  test("refuses an input that is not JSON", () => {
    expect(() => extractUpstream("<html>rate limited</html>", specSide(), ORIGIN, "openapi.json")).toThrow(
      /^openapi\.json is not JSON: /,
    );
  });

  test.each([
    ["a Swagger 2.0 document", { swagger: "2.0", paths: {} }],
    ["a document of another OpenAPI major version", { openapi: "2.0", paths: {} }],
    ["an OpenAPI 3 document without paths", { openapi: "3.0.3" }],
    ["a JSON array", [{ openapi: "3.0.3", paths: {} }]],
  ])("refuses JSON that is not an OpenAPI 3 document: %s", (_, published) => {
    expect(() => extract(published)).toThrow(
      new ExtractError(
        'openapi.json is not an OpenAPI 3 document: it needs "openapi": "3.x" and a "paths" object',
      ),
    );
  });

  test("refuses a build with paths: {}, naming each operation it lacks", () => {
    expect(() => extract({ openapi: "3.0.3", info: {}, paths: {} })).toThrow(
      new ExtractError(
        "openapi.json lacks 1 of the spec's 1 operations:\n  getThing (GET /accounts/{account_id}/things/{thing_id})",
      ),
    );
  });

  test("refuses an operation present under another method only", () => {
    const published = upstreamSide();
    const item = published.paths["/accounts/{account_identifier}/things/{thing_identifier}"];
    item.delete = item.get;
    delete item.get;
    expect(() => extract(published)).toThrow(/lacks 1 of the spec's 1 operations:\n {2}getThing/);
  });

  test("names a reference that points at nothing", () => {
    const published = upstreamSide();
    delete published.components.schemas.cf_thing;
    expect(() => extract(published)).toThrow("the reference #/components/schemas/cf_thing points at nothing");
  });
});

describe("extractFile", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("writes the extract, and leaves the previous one untouched when the input is refused", () => {
    dir = mkdtempSync(join(tmpdir(), "upstream-extract-"));
    const input = join(dir, "openapi.json");
    const out = join(dir, "spec", "upstream", "cloudflare.json");
    writeFileSync(input, JSON.stringify(upstreamSide()));
    extractFile(input, out, specSide(), ORIGIN, NOW);
    const written = readFileSync(out, "utf8");
    expect(JSON.parse(written)["x-provenance"].commit).toBe("cca3064f");

    writeFileSync(input, JSON.stringify({ openapi: "3.0.3", paths: {} }));
    expect(() => extractFile(input, out, specSide(), ORIGIN, NOW)).toThrow(ExtractError);
    expect(readFileSync(out, "utf8")).toBe(written);
    expect(existsSync(`${out}.tmp`)).toBe(false);
  });
});

describe("parseOrigin", () => {
  test("reads owner/name@commit and a date", () => {
    expect(parseOrigin("cloudflare/api-schemas@cca3064f", "2024-08-06")).toEqual(ORIGIN);
    expect(parseOrigin("cloudflare/api-schemas", "2026-12-01")).toEqual({
      repository: "cloudflare/api-schemas",
      date: "2026-12-01",
    });
  });

  test.each([
    [undefined, "2024-08-06", /--source must be owner\/name/],
    ["api-schemas", "2024-08-06", /--source must be owner\/name/],
    ["cloudflare/api-schemas@cca3064f", "6 Aug 2024", /--date must be YYYY-MM-DD, not "6 Aug 2024"/],
    ["cloudflare/api-schemas", undefined, /give the commit .* or the --date/],
  ])("refuses --source %s --date %s", (source, date, message) => {
    expect(() => parseOrigin(source, date)).toThrow(message);
  });
});
