/**
 * Blueprint YAML intake: parse, check the shape with the zod schema, then the semantic rules, and report
 * every problem at once with the file, line and column it comes from.
 */
import { readFile } from "node:fs/promises";
import {
  type Document,
  isMap,
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  type YAMLError,
  type Node as YamlNode,
} from "yaml";
import { z } from "zod";
import { didYouMean } from "../../blueprint/did-you-mean.js";
import { BlueprintError, type BlueprintIssue } from "../../blueprint/errors.js";
import { type Blueprint, blueprintSchema } from "../../blueprint/schema.js";
import { validateBlueprint } from "../../blueprint/validate.js";

type Path = (string | number)[];
type ZodIssue = z.core.$ZodIssue;

/** What positions are resolved against. */
interface Source {
  readonly file: string;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
}

interface Report {
  readonly message: string;
  readonly hint?: string;
}

export async function loadBlueprintFile(path: string): Promise<Blueprint> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new BlueprintError([readIssue(path, error)]);
  }
  return parseBlueprintYaml(text, path);
}

/** Parses and validates blueprint YAML; throws one BlueprintError listing every problem found. */
export function parseBlueprintYaml(text: string, file: string): Blueprint {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const source: Source = { file, doc, lineCounter };
  if (doc.errors.length > 0) throw new BlueprintError(doc.errors.map((error) => syntaxIssue(source, error)));

  const raw = toPlainData(source);
  const parsed = blueprintSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BlueprintError(parsed.error.issues.flatMap((issue) => schemaIssues(source, raw, issue)));
  }
  const semantic = validateBlueprint(parsed.data);
  if (semantic.length > 0) {
    throw new BlueprintError(semantic.map((issue) => ({ ...issue, file, ...locate(source, issue.path) })));
  }
  return parsed.data;
}

function readIssue(file: string, error: unknown): BlueprintIssue {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  if (code === "ENOENT") {
    return {
      file,
      path: [],
      message: "file not found",
      hint: "check the path (a relative path starts from the current directory)",
    };
  }
  if (code === "EISDIR")
    return {
      file,
      path: [],
      message: "this is a directory",
      hint: "give the path of a blueprint .yaml file",
    };
  return {
    file,
    path: [],
    message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function toPlainData(source: Source): Record<string, unknown> {
  let data: unknown;
  try {
    data = source.doc.toJS();
  } catch (error) {
    // Alias expansion limits and similar are only detected while converting.
    const message = error instanceof Error ? error.message : String(error);
    throw new BlueprintError([
      { file: source.file, line: 1, column: 1, path: [], message: `cannot read the YAML: ${message}` },
    ]);
  }
  if (!isRecord(data)) {
    // An empty file has no node to point at; line 1 is where the mapping should start.
    const where = locate(source, []);
    throw new BlueprintError([
      {
        file: source.file,
        line: where.line ?? 1,
        column: where.column ?? 1,
        path: [],
        message: `a blueprint must be a YAML mapping, got ${describeValue(data)}`,
        hint: "start with `name: my_project` and an `entities:` list",
      },
    ]);
  }
  return data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------
// Positions

function positionOf(source: Source, node: YamlNode): { line?: number; column?: number } {
  if (!node.range) return {};
  const { line, col } = source.lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

function nodeAt(doc: Document, path: Path): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

/** The key node of the last path segment, e.g. the `nmae` in `nmae: x`. */
function keyNodeAt(doc: Document, path: Path): YamlNode | undefined {
  const parent = nodeAt(doc, path.slice(0, -1));
  const key = path.at(-1);
  if (!isMap(parent) || key === undefined) return undefined;
  const pair = parent.items.find(
    (item) => String(isScalar(item.key) ? item.key.value : item.key) === String(key),
  );
  return isNode(pair?.key) ? pair.key : undefined;
}

/**
 * The line and column of a path: its value node, or for values that are not in the file (a missing key, a
 * default) the nearest enclosing node. An empty value (`fields:` and nothing after it) has a zero-width range
 * at the end of the line, so the key is the better place to point at.
 */
function locate(source: Source, path: Path, pointAtKey = false): { line?: number; column?: number } {
  const key = pointAtKey ? keyNodeAt(source.doc, path) : undefined;
  if (key) return positionOf(source, key);
  for (let n = path.length; n >= 0; n--) {
    const prefix = path.slice(0, n);
    const node = nodeAt(source.doc, prefix);
    if (!isNode(node) || !node.range) continue;
    const empty = isScalar(node) && node.value === null && node.range[0] === node.range[1];
    const keyOfEmpty = empty && n > 0 ? keyNodeAt(source.doc, prefix) : undefined;
    return positionOf(source, keyOfEmpty ?? node);
  }
  return {};
}

function at(source: Source, path: Path, report: Report, pointAtKey = false): BlueprintIssue {
  return { file: source.file, ...locate(source, path, pointAtKey), path, ...report };
}

// ---------------------------------------------------------------------------------------------------------
// YAML syntax errors

const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: "each key may appear once in a mapping; remove or rename one",
  TAB_AS_INDENT: "indent with spaces, not tabs",
  BAD_INDENT: "check the indentation of this line against the lines above",
  MISSING_CHAR: "a bracket or quote is not closed",
  MULTIPLE_DOCS: "a blueprint file holds one YAML document; remove the extra `---`",
};

function syntaxIssue(source: Source, error: YAMLError): BlueprintIssue {
  const { line, col } = source.lineCounter.linePos(error.pos[0]);
  const hint = SYNTAX_HINTS[error.code];
  const issue: BlueprintIssue = {
    file: source.file,
    line,
    column: col,
    path: [],
    message: `YAML syntax error: ${error.message}`,
  };
  return hint ? { ...issue, hint } : issue;
}

// ---------------------------------------------------------------------------------------------------------
// Schema (zod) issues

function schemaIssues(source: Source, raw: unknown, issue: ZodIssue): BlueprintIssue[] {
  const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
  const value = valueAt(raw, path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => at(source, [...path, key], unknownKey(path, key), true));
    case "invalid_value":
      return [at(source, path, invalidValue(value, issue.values))];
    case "invalid_type":
      return [at(source, path, value === undefined ? missingKey(path) : wrongType([issue.expected], value))];
    case "invalid_union":
      return [at(source, path, wrongType(unionExpectations(issue), value))];
    case "invalid_format":
      return [at(source, path, invalidFormat(issue, value))];
    default:
      return [at(source, path, otherIssue(issue.message, value))];
  }
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Size limits and the like: zod's (or the schema's own) message, plus the offending scalar. */
function otherIssue(message: string, value: unknown): Report {
  const scalar = value !== null && typeof value !== "object" && value !== undefined;
  return { message: scalar ? `${message} (got ${describeValue(value)})` : message };
}

function unknownKey(parentPath: Path, key: string): Report {
  const allowed = allowedKeys(parentPath);
  const close = didYouMean(key, allowed);
  const list = `allowed: ${allowed.join(", ")}`;
  return {
    message: `unknown key ${JSON.stringify(key)}`,
    hint: close ? `did you mean ${JSON.stringify(close)}? (${list})` : list,
  };
}

function invalidValue(value: unknown, values: readonly unknown[]): Report {
  const options = values.map(String);
  const list =
    options.length === 1
      ? `the only allowed value is ${JSON.stringify(options[0])}`
      : `allowed: ${options.join(", ")}`;
  const message = `invalid value ${JSON.stringify(value) ?? "undefined"}`;
  // YAML reads `python: 3.12` as a number; the fix is quoting, not another value.
  if (typeof value === "number" && options.includes(String(value))) {
    return { message, hint: `put it in quotes: "${value}" (YAML reads it as a number)` };
  }
  const close = typeof value === "string" ? didYouMean(value, options) : undefined;
  return { message, hint: close ? `did you mean ${JSON.stringify(close)}? (${list})` : list };
}

function missingKey(path: Path): Report {
  const key = String(path.at(-1));
  const description = descriptionAt(path);
  return {
    message: `missing required key ${JSON.stringify(key)}`,
    hint: description ? `add \`${key}:\` — ${description}` : `add \`${key}:\``,
  };
}

const EXPECTED_TEXT: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "a boolean (true or false)",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

function wrongType(expected: readonly string[], value: unknown): Report {
  const wanted = [...new Set(expected.map((e) => EXPECTED_TEXT[e] ?? `a ${e}`))];
  const wantedText =
    wanted.length > 1
      ? `${wanted.slice(0, -1).join(", ")} or ${wanted.at(-1)}`
      : (wanted[0] ?? "another value");
  const message = `expected ${wantedText}, got ${describeValue(value)}`;
  if (value === null) return { message, hint: "give a value, or remove the key to use the default" };
  if (expected.includes("string") && (typeof value === "number" || typeof value === "boolean")) {
    return { message, hint: "put the value in quotes" };
  }
  return { message };
}

/** The types a union accepts, from the per-branch failures zod reports. */
function unionExpectations(issue: z.core.$ZodIssueInvalidUnion): string[] {
  return issue.errors.flatMap((branch) =>
    branch.flatMap((inner) =>
      inner.code === "invalid_type" && inner.path.length === 0 ? [inner.expected] : [],
    ),
  );
}

function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown): Report {
  const message = `invalid value ${JSON.stringify(value)}`;
  const fixed =
    typeof value === "string" && issue.format === "regex" ? fixToPattern(value, issue.pattern) : undefined;
  return {
    message,
    hint: fixed ? `${issue.message}; did you mean ${JSON.stringify(fixed)}?` : issue.message,
  };
}

/** `My Shop` → `my_shop` or `MyShop`, whichever the pattern (zod reports it as `/source/flags`) accepts. */
function fixToPattern(value: string, pattern: string | undefined): string | undefined {
  const parts = /^\/(.*)\/([a-z]*)$/s.exec(pattern ?? "");
  if (!parts) return undefined;
  const regex = new RegExp(parts[1] ?? "", parts[2]);
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const snake = words.map((w) => w.toLowerCase()).join("_");
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return [snake, pascal].find((candidate) => candidate !== value && regex.test(candidate));
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------
// Walking the zod schema, for allowed keys and descriptions at a path

type Schema = z.core.$ZodType;

/** Wrappers that do not change which keys an object allows. */
function innerOf(schema: Schema): Schema | undefined {
  if (
    schema instanceof z.core.$ZodDefault ||
    schema instanceof z.core.$ZodPrefault ||
    schema instanceof z.core.$ZodOptional ||
    schema instanceof z.core.$ZodNullable ||
    schema instanceof z.core.$ZodReadonly
  ) {
    return schema._zod.def.innerType;
  }
  return undefined;
}

function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let inner = innerOf(current); inner; inner = innerOf(current)) current = inner;
  return current;
}

function childSchema(schema: Schema, key: string | number): Schema | undefined {
  const bare = unwrap(schema);
  if (bare instanceof z.core.$ZodObject)
    return typeof key === "string" ? bare._zod.def.shape[key] : undefined;
  if (bare instanceof z.core.$ZodArray) return typeof key === "number" ? bare._zod.def.element : undefined;
  if (bare instanceof z.core.$ZodRecord) return bare._zod.def.valueType;
  return undefined;
}

function schemaAt(path: Path): Schema | undefined {
  let current: Schema | undefined = blueprintSchema;
  for (const key of path) {
    if (!current) return undefined;
    current = childSchema(current, key);
  }
  return current;
}

function allowedKeys(path: Path): string[] {
  const schema = schemaAt(path);
  const bare = schema && unwrap(schema);
  return bare instanceof z.core.$ZodObject ? Object.keys(bare._zod.def.shape) : [];
}

/** `.describe()` may sit on any wrapper layer (`.default(…).describe(…)`), so look through all of them. */
function descriptionAt(path: Path): string | undefined {
  for (let schema = schemaAt(path); schema; schema = innerOf(schema)) {
    const description = z.globalRegistry.get(schema)?.description;
    if (description) return description;
  }
  return undefined;
}
