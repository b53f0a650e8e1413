// What an editor shows on hover: every method of the client carries the spec's
// summary and description as its doc comment, asked of TypeScript's own
// language service, as an editor asks it.
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { ROOT } from "../../scripts/lib/paths.ts";
import { loadSpec, operations } from "../../scripts/lib/spec.ts";

const spec = loadSpec();
const ids = operations(spec).map((o) => o.operationId as string);

// A file that is never written: the language service reads it from memory.
const FILE = join(ROOT, "examples", "hover.ts");
const SOURCE = [
  'import { createServiceBindingsClient } from "cloudflare-service-bindings";',
  'const client = createServiceBindingsClient({ apiToken: "t" });',
  ...ids.map((id) => `void client.${id};`),
].join("\n");

function languageService(): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json could not be read");
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => config.options,
    getScriptFileNames: () => [FILE],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === FILE ? SOURCE : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dirname(FILE),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === FILE || ts.sys.fileExists(name),
    readFile: (name) => (name === FILE ? SOURCE : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host);
}

describe("hovering a client method in an editor", () => {
  const service = languageService();

  test.each(operations(spec).map((o) => [o.operationId as string, o.node] as const))(
    "%s shows the spec's summary and description",
    (id, node) => {
      const position = SOURCE.indexOf(`client.${id};`) + "client.".length;
      const info = service.getQuickInfoAtPosition(FILE, position);
      const documentation = ts.displayPartsToString(info?.documentation);
      expect(documentation).toBe(`${node.summary.trim()}\n\n${node.description.trim()}`);
      // The signature shown is the operation's method, with its parameters named.
      expect(ts.displayPartsToString(info?.displayParts)).toMatch(new RegExp(`${id}: \\(params\\??: `));
    },
  );
});
