// Every TypeScript example in the README is a file in examples/, which
// `npm run check` type-checks: the README cannot show code that does not compile.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { ROOT } from "../scripts/lib/paths.ts";

const readme = readFileSync(`${ROOT}README.md`, "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => (match[1] ?? "").trim());
const examples = readdirSync(`${ROOT}examples`)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => readFileSync(`${ROOT}examples/${name}`, "utf8").trim());

describe("README.md", () => {
  test("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  test.each(blocks.map((block) => [block.split("\n")[0], block]))(
    "the example starting %j is a type-checked file of examples/",
    (_, block) => {
      expect(examples).toContain(block);
    },
  );

  test("shows one example per client method", () => {
    for (const method of [
      "listServiceBindings",
      "createServiceBinding",
      "getServiceBinding",
      "deleteServiceBinding",
      "listServices",
    ]) {
      expect(blocks.some((block) => block.includes(`client.${method}(`))).toBe(true);
    }
  });
});
