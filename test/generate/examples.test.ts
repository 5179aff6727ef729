/**
 * Generated code, checked in process for every example: golden snapshots (real .py files under
 * test/golden/<framework>/<example>/), determinism, ruff lint with the project's own rule set, and no stubs.
 * `UPDATE_GOLDEN=1 npx vitest run test/generate` rewrites the snapshots after an intended change.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintTree } from "../../src/format/ruff.js";
import { AVAILABLE_FRAMEWORKS } from "../../src/generate/targets/index.js";
import { generateProject, loadBlueprintFile } from "../../src/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .sort();
const UPDATE = process.env.UPDATE_GOLDEN === "1";

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const CASES = AVAILABLE_FRAMEWORKS.flatMap((framework) =>
  EXAMPLES.map((example) => [framework, example] as const),
);

describe.each(CASES)("%s: example %s", (framework, example) => {
  const blueprint = async () => ({
    ...(await loadBlueprintFile(join(ROOT, "examples", `${example}.yaml`))),
    framework,
  });
  const load = async () => generateProject(await blueprint());

  it("matches its golden snapshot", async () => {
    const tree = await load();
    const goldenDir = join(ROOT, "test", "golden", framework, example);
    if (UPDATE) {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const file of tree.files()) {
        mkdirSync(dirname(join(goldenDir, file.path)), { recursive: true });
        writeFileSync(join(goldenDir, file.path), file.content);
      }
    }
    expect(tree.files().map((f) => f.path)).toEqual(listFiles(goldenDir));
    for (const file of tree.files()) {
      expect(file.content, file.path).toBe(readFileSync(join(goldenDir, file.path), "utf8"));
    }
  });

  it("is byte-identical when generated twice", async () => {
    expect((await load()).files()).toEqual((await load()).files());
  });

  it("passes ruff's lint rules in process", async () => {
    const bp = await blueprint();
    const problems = lintTree(await generateProject(bp), {
      pythonVersion: bp.python,
      firstParty: [bp.name, "tests"],
    });
    const lines = problems.map(
      (p) => `${p.path}:${p.diagnostic.start_location.row} ${p.diagnostic.code} ${p.diagnostic.message}`,
    );
    expect(lines).toEqual([]);
  });

  it("contains no stubs or placeholders", async () => {
    const tree = await load();
    const stubs = tree
      .files()
      .filter((f) => f.path.endsWith(".py"))
      .flatMap((f) =>
        f.content
          .split("\n")
          .map((line, i) => ({ line, at: `${f.path}:${i + 1}` }))
          .filter(({ line }) =>
            /\bTODO\b|\bFIXME\b|NotImplementedError|^\s*pass\s*$|^\s*\.\.\.\s*$/.test(line),
          )
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(stubs).toEqual([]);
  });
});
