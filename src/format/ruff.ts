/**
 * Formats generated Python in process with ruff's WebAssembly build: imports sorted by ruff's own isort
 * rule, then `ruff format`. The same settings as the generated pyproject, so the project lints clean.
 */
import { type Diagnostic, PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { LINE_LENGTH, RUFF_SELECT, RUFF_TEST_IGNORES } from "../generate/targets/fastapi/packaging.js";
import { type GeneratedFile, VirtualTree } from "../generate/tree.js";

export interface RuffOptions {
  readonly pythonVersion: string;
  readonly firstParty: readonly string[];
}

function workspace(options: RuffOptions, testFile: boolean): Workspace {
  return new Workspace(
    {
      "line-length": LINE_LENGTH,
      "target-version": `py${options.pythonVersion.replace(".", "")}`,
      lint: {
        select: RUFF_SELECT,
        ignore: testFile ? RUFF_TEST_IGNORES : [],
        isort: { "known-first-party": options.firstParty },
      },
      format: {},
    },
    PositionEncoding.Utf16,
  );
}

/** Sort imports and format every `.py` file; other files pass through untouched. */
export function formatTree(tree: VirtualTree, options: RuffOptions): VirtualTree {
  const source = workspace(options, false);
  const tests = workspace(options, true);
  const formatted = new VirtualTree();
  for (const file of tree.files()) {
    if (!file.path.endsWith(".py")) {
      formatted.add(file.path, file.content);
      continue;
    }
    const ws = file.path.startsWith("tests/") ? tests : source;
    formatted.add(file.path, formatPython(ws, file));
  }
  return formatted;
}

function formatPython(ws: Workspace, file: GeneratedFile): string {
  let text = file.content;
  try {
    const unsorted = (ws.check(text) as Diagnostic[]).filter((d) => d.code === "I001" && d.fix);
    for (const diagnostic of unsorted) text = applyEdits(text, diagnostic);
    return ws.format(text);
  } catch (error) {
    throw new Error(`internal: generated ${file.path} is not valid Python: ${String(error)}`);
  }
}

/** Lint diagnostics of every `.py` file, for tests: generated code must have none. */
export function lintTree(
  tree: VirtualTree,
  options: RuffOptions,
): { path: string; diagnostic: Diagnostic }[] {
  const source = workspace(options, false);
  const tests = workspace(options, true);
  return tree
    .files()
    .filter((f) => f.path.endsWith(".py"))
    .flatMap((file) => {
      const ws = file.path.startsWith("tests/") ? tests : source;
      return (ws.check(file.content) as Diagnostic[]).map((diagnostic) => ({ path: file.path, diagnostic }));
    });
}

function applyEdits(text: string, diagnostic: Diagnostic): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const offset = (loc: { row: number; column: number }) =>
    (lineStarts[loc.row - 1] ?? text.length) + loc.column - 1;
  const edits = [...(diagnostic.fix?.edits ?? [])].sort((a, b) => offset(b.location) - offset(a.location));
  let result = text;
  for (const edit of edits) {
    result =
      result.slice(0, offset(edit.location)) + (edit.content ?? "") + result.slice(offset(edit.end_location));
  }
  return result;
}
