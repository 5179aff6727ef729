/**
 * Toolchain discovery with stand-in interpreters on a private PATH: uv missing → installed into the tool's
 * cache venv (never with the system interpreter's own pip into its site-packages); Python too old → a
 * clear error with the fix.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyProject } from "../../src/verify/steps.js";
import { cachedUvPath, ensureUv, findPython, findPythons, UV_VERSION } from "../../src/verify/toolchain.js";

/** A fake `python3` reporting `version`; `-m venv DIR` makes a venv whose pip "installs" a fake uv. */
function fakePython(version: string, log: string): string {
  return `#!/bin/sh
echo "python3 $*" >> "${log}"
if [ "$1" = "-c" ]; then echo "$0"; echo "${version}"; exit 0; fi
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  /bin/mkdir -p "$3/bin"
  /bin/cat > "$3/bin/python" <<'EOF'
#!/bin/sh
echo "venv-python $*" >> "${log}"
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then
  dir="$(/usr/bin/dirname "$0")"
  printf '#!/bin/sh\\necho "uv ${UV_VERSION} (fake)"\\n' > "$dir/uv"
  /bin/chmod +x "$dir/uv"
fi
EOF
  /bin/chmod +x "$3/bin/python"
  exit 0
fi
exit 1
`;
}

describe("toolchain", () => {
  let dir: string;
  let log: string;
  let env: NodeJS.ProcessEnv;

  async function setPython(version: string): Promise<string> {
    const bin = join(dir, `bin-${version}`);
    await mkdir(bin, { recursive: true });
    const path = join(bin, "python3");
    await writeFile(path, fakePython(version, log));
    await chmod(path, 0o755);
    env = { PATH: bin, HOME: dir, XDG_CACHE_HOME: join(dir, "cache") };
    return path;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-toolchain-"));
    log = join(dir, "calls.log");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds the first recent Python on PATH and lists the old ones", async () => {
    const old = await setPython("3.9.2");
    expect(await findPython([3, 11], env)).toBeUndefined();
    expect(await findPythons(env)).toEqual([{ path: old, version: "3.9.2" }]);
    const recent = await setPython("3.12.1");
    expect(await findPython([3, 11], env)).toEqual({ path: recent, version: "3.12.1" });
  });

  it("installs a missing uv from PyPI into the tool's cache venv, with the venv's own pip", async () => {
    const python = await setPython("3.11.9");
    await writeFile(log, "");
    const result = await ensureUv(python, env);
    expect(result.installed).toBe(true);
    expect(result.uv).toEqual({ path: cachedUvPath(env), version: UV_VERSION });
    expect(cachedUvPath(env)).toBe(join(dir, "cache", "python-specialist", "uv-venv", "bin", "uv"));
    const calls = (await readFile(log, "utf8")).trim().split("\n");
    const venv = join(dir, "cache", "python-specialist", "uv-venv");
    expect(calls).toEqual([
      `python3 -m venv ${venv}`,
      `venv-python -m pip install --disable-pip-version-check --quiet uv==${UV_VERSION}`,
    ]);

    // Next time it is found in the cache: nothing is installed again.
    await writeFile(log, "");
    const again = await ensureUv(python, env);
    expect(again).toMatchObject({ installed: false, uv: { path: cachedUvPath(env) } });
    expect(await readFile(log, "utf8")).toBe("");
  });

  it("the toolchain step installs uv when it is missing and says so", async () => {
    await setPython("3.11.9");
    await rm(join(dir, "cache"), { recursive: true, force: true });
    await writeFile(join(dir, "pyproject.toml"), "");
    const results = await verifyProject(dir, {
      steps: ["toolchain"],
      logDir: false,
      env: env as Record<string, string>,
    });
    expect(results[0]).toMatchObject({ step: "toolchain", status: "passed" });
    expect(results[0]?.summary).toBe(`Python 3.11.9, uv ${UV_VERSION} (installed into the cache)`);
    expect(results[0]?.metrics).toMatchObject({ uvInstalled: true, uvPath: cachedUvPath(env) });
  });

  it("fails with the fix when Python is too old", async () => {
    const old = await setPython("3.10.4");
    await rm(join(dir, "cache"), { recursive: true, force: true });
    const results = await verifyProject(dir, { logDir: false, env: env as Record<string, string> });
    expect(results[0]).toMatchObject({ step: "toolchain", status: "failed" });
    expect(results[0]?.summary).toContain(`no Python >= 3.11 (found only: 3.10.4 at ${old})`);
    expect(results[0]?.summary).toMatch(/install Python 3\.11\+/);
    expect(results.slice(1).every((r) => r.summary === "skipped: needs toolchain, which failed")).toBe(true);
  });

  it("fails with the fix when there is no Python at all", async () => {
    const results = await verifyProject(dir, {
      steps: ["toolchain"],
      logDir: false,
      env: { PATH: join(dir, "empty"), HOME: dir, XDG_CACHE_HOME: join(dir, "cache") },
    });
    expect(results[0]?.summary).toMatch(/^no Python >= 3\.11 \(none on PATH\); install Python 3\.11\+/);
  });
});
