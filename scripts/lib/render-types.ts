import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { createConfig, lint } from "@redocly/openapi-core";
import type ts from "typescript";

/**
 * The header of every generated file: it names its source, the command that
 * rebuilds it, and the spec's hash, so that any edit of the spec (an example or
 * a server too, which change no type) makes the committed file stale.
 */
export function generatedHeader(
  specText: string,
  producer = "openapi-typescript (scripts/generate.ts)",
): string {
  const hash = createHash("sha256").update(specText).digest("hex");
  return `/**
 * GENERATED FILE: DO NOT EDIT.
 * Produced from spec/openapi.yaml by ${producer}.
 * Change the spec, then run \`npm run generate\`.
 * spec sha256: ${hash}
 */
`;
}

/** Raised when the spec cannot be turned into types; says which file and why. */
export class SpecError extends Error {
  override name = "SpecError";
}

// openapi-typescript trusts its input: a misspelt `type` would silently become
// `unknown`. These rules refuse a structurally invalid spec before it gets there.
const STRUCTURAL_RULES = {
  struct: "error",
  "no-unresolved-refs": "error",
  "spec-components-invalid-map-name": "error",
} as const;

async function assertStructurallyValid(specPath: string): Promise<void> {
  const config = await createConfig({ rules: STRUCTURAL_RULES });
  const problems = await lint({ ref: specPath, config });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length === 0) return;
  const lines = errors.map((problem) => {
    const where = problem.location[0]?.pointer ?? "#";
    return `  - ${where}: ${problem.message}`;
  });
  throw new SpecError(`${specPath} is not a valid OpenAPI document:\n${lines.join("\n")}`);
}

/**
 * An enum marked `x-extensible-enum: true` is open: the API may send values it
 * does not list yet. Its type is the known values plus any string, written
 * `string & {}` so that editors still suggest the known ones, and so that an
 * exhaustive `switch` with a `never` default does not compile.
 */
function extensibleEnum(
  typescript: typeof ts,
  schema: { enum?: unknown[]; "x-extensible-enum"?: unknown },
): ts.TypeNode | undefined {
  if (schema["x-extensible-enum"] !== true || !Array.isArray(schema.enum)) return undefined;
  const { factory } = typescript;
  return factory.createUnionTypeNode([
    ...schema.enum.map((value) => factory.createLiteralTypeNode(factory.createStringLiteral(String(value)))),
    factory.createIntersectionTypeNode([
      factory.createKeywordTypeNode(typescript.SyntaxKind.StringKeyword),
      factory.createTypeLiteralNode([]),
    ]),
  ]);
}

/**
 * Renders the TypeScript types of the spec at `specPath` entirely in memory,
 * so a failure can never leave a half-written file behind.
 */
export async function renderTypes(specPath: string): Promise<string> {
  try {
    // Read first so a missing file is reported as such, not as a parser error.
    const specText = await readFile(specPath, "utf8");
    await assertStructurallyValid(specPath);
    // Loaded only for a valid spec: it brings TypeScript with it, a second of start-up.
    const { default: openapiTS, astToString } = await import("openapi-typescript");
    const { default: typescript } = await import("typescript");
    const ast = await openapiTS(pathToFileURL(specPath), {
      silent: true,
      transform: (schema) => extensibleEnum(typescript, schema),
    });
    return `${generatedHeader(specText)}\n${astToString(ast)}`;
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecError(`cannot generate types from ${specPath}: ${reason}`, { cause: error });
  }
}
