// The desired-state file (YAML or JSON): parsed with the `yaml` package, which
// keeps each node's place, and checked against bindings.schema.json (the
// schema editors use) with Ajv, so every problem is reported at once with its
// file, line and column. Nothing here talks to the API.
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from "yaml";
import { BindingsFileError, type SourcePosition, type SourceProblem } from "./errors.ts";

/** A binding the file asks for: a CIDR and its service, by name or id, with where the file says so. */
export interface DesiredBinding {
  cidr: string;
  service: string;
  /** Where the file says so; absent for a state built in code. */
  at?: SourcePosition | undefined;
}

/** A prefix the file decides: by id or by CIDR, its bindings (the whole truth for it), its advertisement. */
export interface DesiredPrefix {
  /** A prefix id, or the prefix's CIDR. */
  prefix: string;
  bindings: DesiredBinding[];
  /** Leave undefined to leave the advertisement as it is. */
  advertised?: boolean | undefined;
  /** Where the file names the prefix; absent for a state built in code. */
  at?: SourcePosition | undefined;
}

/** What a bindings file asks for. */
export interface DesiredState {
  /** The file it came from, as named to the parser (problems are reported against it). */
  file: string;
  accountId: string;
  prefixes: DesiredPrefix[];
}

/** The schema that editors and this parser check the file against. */
export const BINDINGS_SCHEMA: object = JSON.parse(
  readFileSync(new URL("./bindings.schema.json", import.meta.url), "utf8"),
);

let validate: ReturnType<Ajv2020["compile"]> | undefined;

/** A place in the text, 1-based as editors show it. */
function positionAt(file: string, counter: LineCounter, offset: number): SourcePosition {
  const { line, col } = counter.linePos(offset);
  return { file, line, column: col };
}

/** Where a node of the document starts; an empty file has no node, and is reported at its start. */
function positionOf(file: string, counter: LineCounter, node: Node | null | undefined): SourcePosition {
  const range = node?.range;
  // Stryker disable next-line OptionalChaining: every node the parser makes has its range.
  return positionAt(file, counter, range?.[0] ?? 0);
}

/** The keys a JSON Pointer of Ajv's names (`/prefixes/0/bindings/192.0.2.0~124`), decoded. */
function keysOf(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** A map entry's key as Ajv sees it: the document's `toJS` turns a null key (`~:`) into "". */
const keyMatches = (pair: { key: unknown }, key: string) =>
  isScalar(pair.key) && String(pair.key.value ?? "") === key;

/**
 * The node a JSON Pointer of Ajv's names, or the key it is about. An alias (`*b`) on the way, or a key
 * the document spells otherwise (`? [a]`), stops the walk: the problem is reported there.
 */
function nodeAt(root: Node | null, pointer: string, key?: string): Node | null {
  const parts = keysOf(pointer);
  // Stryker disable next-line ConditionalExpression: an undefined key pushed is found nowhere, so the walk ends where it would.
  if (key !== undefined) parts.push(key);
  let node: unknown = root;
  for (const part of parts) {
    const next = isMap(node)
      ? node.items.find((pair) => keyMatches(pair, part))
      : isSeq(node)
        ? node.items[Number(part)]
        : undefined;
    if (next === undefined) return node as Node;
    // A key the schema refuses is pointed at itself; anything else at its value.
    node = isMap(node)
      ? part === key
        ? (next as { key: unknown }).key
        : (next as { value: unknown }).value
      : next;
  }
  return node as Node;
}

/** Ajv's verdict, in words a person editing the file understands. */
function describe(error: ErrorObject): string {
  const where = keysOf(error.instancePath).at(-1) ?? "the file";
  switch (error.keyword) {
    case "additionalProperties":
      return `unknown key ${JSON.stringify(error.params.additionalProperty)} (the schema allows ${schemaKeys(error)})`;
    case "required":
      return `missing ${JSON.stringify(error.params.missingProperty)}`;
    case "propertyNames":
      return `${JSON.stringify(error.params.propertyName)} is not a CIDR (address/length)`;
    case "minLength":
      return error.instancePath.includes("/bindings/")
        ? `${where} needs a service: its name (Magic Transit, CDN, Spectrum) or its id`
        : `${JSON.stringify(where)} must not be empty`;
    case "type":
      return `${JSON.stringify(where)} must be ${error.params.type === "object" ? "a mapping" : `a ${error.params.type}`}`;
    default: {
      // Stryker disable next-line StringLiteral: Ajv gives every error a message (its messages option is on).
      const verdict = error.message ?? "is not valid";
      return `${JSON.stringify(where)} ${verdict}`;
    }
  }
}

function schemaKeys(error: ErrorObject): string {
  // verbose: the error carries the schema it broke; both schemas that refuse unknown keys list the known ones.
  return Object.keys((error.parentSchema as { properties: object }).properties).join(", ");
}

/**
 * Parses a bindings file's text. `accountId` fills in when the file names none (the CLI passes
 * CLOUDFLARE_ACCOUNT_ID). Throws `BindingsFileError` with every problem found, each with its place.
 */
export function parseBindingsFile(
  text: string,
  options: { file: string; accountId?: string | undefined },
): DesiredState {
  const { file } = options;
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const syntax = document.errors.map((error) => ({
    ...positionAt(file, counter, error.pos[0]),
    message:
      error.code === "DUPLICATE_KEY"
        ? "this key is given twice"
        : (error.message.split(" at line")[0] ?? error.message),
  }));
  const unreadable = [...syntax, ...unresolvedAliases(document, file, counter)];
  if (unreadable.length > 0) throw new BindingsFileError(unreadable);

  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // The parser refuses aliases that expand without end (a "billion laughs" file).
    throw new BindingsFileError([{ file, line: 1, column: 1, message: (error as Error).message }]);
  }
  // verbose: each error carries the schema it broke, whose keys name what is allowed.
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: compiled once per process, so per-test coverage credits only the first parse; the several-problems and unknown-key tests fail without these.
  validate ??= new Ajv2020({ allErrors: true, verbose: true }).compile(BINDINGS_SCHEMA);
  if (!validate(value)) {
    // An unknown key is reported by the key's own place, other errors by the value's.
    // A refused key name is reported once, by propertyNames, not again by the pattern inside it.
    // (An empty key, "", is a name too.) Ajv sets errors whenever it returns false.
    const errors = (validate.errors as ErrorObject[]).filter((e) => e.propertyName === undefined);
    const problems = errors.map((error) => {
      const key = (error.params.additionalProperty ?? error.params.propertyName) as string | undefined;
      const node = nodeAt(document.contents, error.instancePath, key);
      return { ...positionOf(file, counter, node), message: describe(error) };
    });
    throw new BindingsFileError(dedupe(problems).sort((a, b) => a.line - b.line || a.column - b.column));
  }

  const parsed = value as {
    account_id?: string;
    prefixes: { prefix: string; bindings: Record<string, string>; advertised?: boolean }[];
  };
  const accountId = parsed.account_id ?? options.accountId;
  if (accountId === undefined || accountId === "") {
    throw new BindingsFileError([
      {
        file,
        line: 1,
        column: 1,
        message: "no account: give account_id in the file, or set CLOUDFLARE_ACCOUNT_ID",
      },
    ]);
  }
  return {
    file,
    accountId,
    prefixes: parsed.prefixes.map((entry, index) => ({
      prefix: entry.prefix,
      advertised: entry.advertised,
      at: positionOf(file, counter, nodeAt(document.contents, `/prefixes/${index}`)),
      bindings: Object.entries(entry.bindings).map(([cidr, service]) => ({
        cidr,
        service,
        at: positionOf(file, counter, nodeAt(document.contents, `/prefixes/${index}/bindings`, cidr)),
      })),
    })),
  };
}

/** Each alias (`*b`) that names no anchor (`&b`) set before it: the parser leaves these to `toJS`, which throws. */
function unresolvedAliases(document: Document, file: string, counter: LineCounter): SourceProblem[] {
  const problems: SourceProblem[] = [];
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) === undefined) {
        problems.push({
          ...positionOf(file, counter, alias),
          message: `*${alias.source} names no anchor &${alias.source} set before it`,
        });
      }
    },
  });
  return problems;
}

/** Ajv can report one place twice (two keywords of one schema): keep each line once. */
function dedupe<T extends { line: number; column: number; message: string }>(problems: T[]): T[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
