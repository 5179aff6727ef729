/**
 * Finds the tools verification needs on this machine: uv (which brings ruff, mypy, pytest and alembic into
 * the project's own environment) and a Python >= 3.11 for uv to build that environment with.
 * Nothing here downloads anything; scripts/ensure-uv.sh installs uv when it is missing.
 */
import { constants as fsConstants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import { runCommand } from "./run-command.js";

export interface Tool {
  /** Absolute path of the executable. */
  path: string;
  /** Version as reported by the tool, e.g. "0.13.8" or "3.11.7". */
  version: string;
}

export const MINIMUM_PYTHON: readonly [number, number] = [3, 11];

/** Where scripts/ensure-uv.sh installs uv when it is not on PATH. */
export function cachedUvPath(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(cache, "python-specialist", "uv-venv", "bin", "uv");
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Every executable called `name` on PATH, in PATH order. */
export async function whichAll(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const found: string[] = [];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (!found.includes(candidate) && (await isExecutableFile(candidate))) found.push(candidate);
  }
  return found;
}

export async function which(name: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  return (await whichAll(name, env))[0];
}

async function uvVersion(path: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const result = await runCommand(path, ["--version"], { env, timeoutMs: 15_000 });
  if (result.exitCode !== 0) return undefined;
  return /uv\s+(\d+\.\d+\.\d+\S*)/.exec(result.output)?.[1] ?? result.output.trim();
}

/** uv from PATH, else from the cache venv of scripts/ensure-uv.sh; undefined when neither runs. */
export async function findUv(env: NodeJS.ProcessEnv = process.env): Promise<Tool | undefined> {
  const candidates = [...(await whichAll("uv", env)), cachedUvPath(env)];
  for (const path of candidates) {
    if (!(await isExecutableFile(path))) continue;
    const version = await uvVersion(path, env);
    if (version) return { path, version };
  }
  return undefined;
}

const PYTHON_PROBE = "import sys; print(sys.executable); print('%d.%d.%d' % sys.version_info[:3])";

function atLeast(version: string, minimum: readonly [number, number]): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1]);
}

/**
 * The first Python on PATH that is at least `minimum` (3.11 by default), as the real interpreter path
 * (a pyenv shim resolves to the interpreter it runs).
 */
export async function findPython(
  minimum: readonly [number, number] = MINIMUM_PYTHON,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tool | undefined> {
  const names = ["python3", "python3.14", "python3.13", "python3.12", "python3.11", "python"];
  const seen = new Set<string>();
  for (const name of names) {
    for (const path of await whichAll(name, env)) {
      const result = await runCommand(path, ["-c", PYTHON_PROBE], { env, timeoutMs: 15_000 });
      if (result.exitCode !== 0) continue;
      const [executable, version] = result.output.trim().split(/\r?\n/);
      if (!executable || !version || seen.has(executable)) continue;
      seen.add(executable);
      if (atLeast(version, minimum)) return { path: executable, version };
    }
  }
  return undefined;
}

export interface Toolchain {
  uv: Tool;
  python: Tool;
}

/** Both tools, or an error that says how to get the missing one. */
export async function resolveToolchain(env: NodeJS.ProcessEnv = process.env): Promise<Toolchain> {
  const [uv, python] = await Promise.all([findUv(env), findPython(MINIMUM_PYTHON, env)]);
  const problems: string[] = [];
  if (!uv)
    problems.push(
      "uv not found on PATH or in the cache; run scripts/ensure-uv.sh (it installs uv from PyPI)",
    );
  if (!python) problems.push(`no Python >= ${MINIMUM_PYTHON.join(".")} on PATH`);
  if (!uv || !python) throw new Error(problems.join("; "));
  return { uv, python };
}
