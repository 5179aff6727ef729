/** Where things are: the repository (found from this file, compiled or not) and the bench's work dir. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === "python-specialist") {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("bench: cannot find the python-specialist repository root");
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot();
export const APPS_DIR = join(REPO_ROOT, "bench", "apps");
/** Generated projects, logs and results; inside .tmp/ (ignored by git). */
export const WORK_DIR = join(REPO_ROOT, ".tmp", "bench");
