// The modules of src/ import one another in one direction only: a cycle makes
// the load order decide which module sees the other half-initialised, and says
// that two concerns were not really separated. Type-only imports count too.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every src/**\/*.ts file and the files of src/ it imports (static, `import type`, re-exports, dynamic). */
function importGraph(): Graph {
  const src = join(ROOT, "src");
  const files = readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(src, name));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    // TypeScript's own scanner for import specifiers: it sees `import type` and `import()` and skips comments and strings.
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolve(dirname(file), specifier))
      .filter((target) => known.has(target));
    graph.set(
      relative(ROOT, file),
      [...new Set(targets)].map((target) => relative(ROOT, target)),
    );
  }
  return graph;
}

/** The first import cycle found, as the files it passes through (the first repeated at the end), or undefined. */
function findCycle(graph: Graph): string[] | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): string[] | undefined => {
    const onPath = path.indexOf(file);
    if (onPath >= 0) return [...path.slice(onPath), file];
    if (done.has(file)) return undefined;
    path.push(file);
    for (const target of graph.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(file);
    return undefined;
  };
  for (const file of [...graph.keys()].sort()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("the imports of src/", () => {
  const graph = importGraph();

  test("are read from every file, type-only and dynamic imports included", () => {
    // Without these the cycle check below could pass by reading nothing.
    expect(graph.get("src/methods.ts")).toContain("src/request.ts");
    expect(graph.get("src/errors.ts")).toContain("src/types.ts"); // `import type`
    expect(graph.get("src/testing/fake.ts")).toContain("src/testing/http.ts"); // `await import()`
    expect(graph.get("src/index.ts")).toContain("src/client.ts"); // `export … from`
  });

  test("form no cycle", () => {
    const cycle = findCycle(graph);
    expect(cycle && `import cycle: ${cycle.join(" -> ")}`).toBeUndefined();
  });

  test("a cycle is found and named, however long", () => {
    const planted = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "d.ts"]],
      ["c.ts", []],
      ["d.ts", ["b.ts"]],
    ]);
    expect(findCycle(planted)).toEqual(["b.ts", "d.ts", "b.ts"]);
    expect(findCycle(new Map([["a.ts", ["a.ts"]]]))).toEqual(["a.ts", "a.ts"]);
    expect(findCycle(new Map([...planted, ["d.ts", []]]))).toBeUndefined();
  });
});
