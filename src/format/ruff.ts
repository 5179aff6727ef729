/**
 * Formats generated Python in process with ruff's WebAssembly build (`ruff format`, the settings of the
 * generated pyproject). Imports arrive already sorted (see python/imports.ts); `lintTree` proves it in tests
 * by running the project's full rule set, which is too slow (tens of ms per file) for every generation.
 */
import { type Diagnostic, PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { LINE_LENGTH, RUFF_SELECT, RUFF_TEST_IGNORES } from "../generate/targets/fastapi/packaging.js";
import { type GeneratedFile, VirtualTree } from "../generate/tree.js";

export interface RuffOptions {
  readonly pythonVersion: string;
  readonly firstParty: readonly string[];
}

function workspace(
  options: RuffOptions,
  select: readonly string[],
  ignore: readonly string[] = [],
): Workspace {
  return new Workspace(
    {
      "line-length": LINE_LENGTH,
      "target-version": `py${options.pythonVersion.replace(".", "")}`,
      lint: { select, ignore, isort: { "known-first-party": options.firstParty } },
      format: {},
    },
    PositionEncoding.Utf16,
  );
}

/** Format every `.py` file; other files pass through untouched. */
export function formatTree(tree: VirtualTree, options: RuffOptions): VirtualTree {
  const formatter = workspace(options, []);
  const formatted = new VirtualTree();
  for (const file of tree.files()) {
    formatted.add(file.path, file.path.endsWith(".py") ? formatPython(formatter, file) : file.content);
  }
  return formatted;
}

function formatPython(ws: Workspace, file: GeneratedFile): string {
  try {
    return ws.format(file.content);
  } catch (error) {
    throw new Error(`internal: generated ${file.path} is not valid Python: ${String(error)}`);
  }
}

/** Lint diagnostics of every `.py` file, for tests: generated code must have none. */
export function lintTree(
  tree: VirtualTree,
  options: RuffOptions,
): { path: string; diagnostic: Diagnostic }[] {
  const source = workspace(options, RUFF_SELECT);
  const tests = workspace(options, RUFF_SELECT, RUFF_TEST_IGNORES);
  return tree
    .files()
    .filter((f) => f.path.endsWith(".py"))
    .flatMap((file) => {
      const ws = file.path.startsWith("tests/") ? tests : source;
      return (ws.check(file.content) as Diagnostic[]).map((diagnostic) => ({ path: file.path, diagnostic }));
    });
}
