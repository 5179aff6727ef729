/**
 * Finds the tools verification needs on this machine: uv (which brings ruff, mypy, pytest and alembic into
 * the project's own environment) and a Python >= 3.11 for uv to build that environment with.
 * Only ensureUv downloads anything: uv from PyPI into the tool's own cache venv, when uv is missing.
 */
import { constants as fsConstants } from "node:fs";
import { access, mkdir, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";
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
 * The distinct Python interpreters on PATH (python3, python3.X, python), in the order they are tried;
 * stops after the first one `enough` accepts (default: collects all).
 */
export async function findPythons(
  env: NodeJS.ProcessEnv = process.env,
  enough: (python: Tool) => boolean = () => false,
): Promise<Tool[]> {
  const names = ["python3", "python3.14", "python3.13", "python3.12", "python3.11", "python"];
  const seen = new Set<string>();
  const found: Tool[] = [];
  for (const name of names) {
    for (const path of await whichAll(name, env)) {
      const result = await runCommand(path, ["-c", PYTHON_PROBE], { env, timeoutMs: 15_000 });
      if (result.exitCode !== 0) continue;
      const [executable, version] = result.output.trim().split(/\r?\n/);
      if (!executable || !version || seen.has(executable)) continue;
      seen.add(executable);
      found.push({ path: executable, version });
      if (enough({ path: executable, version })) return found;
    }
  }
  return found;
}

/**
 * The first Python on PATH that is at least `minimum` (3.11 by default), as the real interpreter path
 * (a pyenv shim resolves to the interpreter it runs).
 */
export async function findPython(
  minimum: readonly [number, number] = MINIMUM_PYTHON,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tool | undefined> {
  const recent = (p: Tool): boolean => atLeast(p.version, minimum);
  return (await findPythons(env, recent)).find(recent);
}

/** Probes one given interpreter (e.g. from --python); undefined when it does not run. */
export async function probePython(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tool | undefined> {
  const result = await runCommand(path, ["-c", PYTHON_PROBE], { env, timeoutMs: 15_000 });
  if (result.exitCode !== 0) return undefined;
  const [executable, version] = result.output.trim().split(/\r?\n/);
  return executable && version ? { path: executable, version } : undefined;
}

export function isRecentEnough(
  version: string,
  minimum: readonly [number, number] = MINIMUM_PYTHON,
): boolean {
  return atLeast(version, minimum);
}

/** How to get a recent Python, for error messages. */
export function pythonInstallHint(): string {
  const minimum = MINIMUM_PYTHON.join(".");
  if (process.platform === "darwin") return `install Python ${minimum}+ (e.g. \`brew install python@3.12\`)`;
  if (process.platform === "win32") return `install Python ${minimum}+ from python.org`;
  return `install Python ${minimum}+ (e.g. \`apt-get install python3\` on Debian 12+/Ubuntu 24.04+, or pyenv) and put it on PATH`;
}

/** The uv release installed when uv is missing (same pin as scripts/ensure-uv.sh). */
export const UV_VERSION = "0.13.8";

export interface EnsureUvResult {
  uv?: Tool;
  /** True when uv was installed by this call. */
  installed: boolean;
  /** What the install commands printed, each introduced by a `$ command` line. */
  output: string;
}

/**
 * uv from PATH or the tool's cache; when there is none, installs uv==UV_VERSION from PyPI into the cache
 * venv (`python -m venv` + pip), never into the given interpreter's own site-packages.
 */
export async function ensureUv(
  python: string,
  env: NodeJS.ProcessEnv = process.env,
  onOutput?: (chunk: string) => void,
): Promise<EnsureUvResult> {
  const existing = await findUv(env);
  if (existing) return { uv: existing, installed: false, output: "" };

  const uvPath = cachedUvPath(env);
  const venv = dirname(dirname(uvPath));
  const venvPython = join(venv, "bin", "python");
  const transcript: string[] = [];
  const step = async (command: string, args: readonly string[]): Promise<boolean> => {
    const result = await runCommand(command, args, { env, timeoutMs: 10 * 60 * 1000, onOutput });
    transcript.push(`$ ${[command, ...args].join(" ")}\n${result.output.trimEnd()}`);
    return result.exitCode === 0;
  };
  const pip = ["-m", "pip", "install", "--disable-pip-version-check", "--quiet", `uv==${UV_VERSION}`];

  await rm(venv, { recursive: true, force: true });
  await mkdir(dirname(venv), { recursive: true });
  let ok = (await step(python, ["-m", "venv", venv])) && (await step(venvPython, pip));
  if (!ok) {
    // Debian's python3 without python3-venv has no ensurepip: a bare venv, filled by the outer pip.
    await rm(venv, { recursive: true, force: true });
    ok =
      (await step(python, ["-m", "venv", "--without-pip", venv])) &&
      (await step(python, ["-m", "pip", "--python", venvPython, ...pip.slice(2)]));
  }
  const output = transcript.join("\n\n");
  if (!ok) return { installed: false, output };
  const version = await uvVersion(uvPath, env);
  return version ? { uv: { path: uvPath, version }, installed: true, output } : { installed: false, output };
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
