import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { PACKAGE_NAME, PACKAGE_VERSION } from "../../src/version.ts";

test("the User-Agent names the package and version that package.json declares", () => {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  expect(`${PACKAGE_NAME}/${PACKAGE_VERSION}`).toBe(`${manifest.name}/${manifest.version}`);
});
