/**
 * Everything the benchmarks need before the first request: the tools (uv, PostgreSQL, wrk), the
 * generated e-commerce project and the comparison apps installed, and a migrated, seeded database.
 */
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { generateProject, loadBlueprintFile, writeProject } from "../src/index.js";
import { APPS_DIR, REPO_ROOT, WORK_DIR } from "./paths.js";
import { run } from "./process.js";

export interface Toolchain {
  readonly uv: string;
  readonly wrk: string;
  /** SQLAlchemy URL of the PostgreSQL server (its `postgres` database). */
  readonly serverUrl: string;
}

export interface SeedSummary {
  readonly admin: number;
  readonly readers: readonly number[];
  readonly writers: readonly { readonly user: number; readonly customer: number }[];
  readonly products: number;
  readonly orders: number;
  readonly orderItems: number;
}

export interface BenchDatabase {
  readonly url: string;
  readonly seed: SeedSummary;
}

const uvEnv = { ...process.env, UV_PYTHON_DOWNLOADS: "never", UV_NO_PROGRESS: "1" };

/** Runs one of the repository's scripts; the last line of its output (scripts print a path or URL last). */
export async function script(path: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("bash", [join(REPO_ROOT, path), ...args], { cwd: REPO_ROOT });
  return stdout.trim().split("\n").at(-1) ?? "";
}

/** uv, wrk and PostgreSQL, each installed or started when missing (the scripts are idempotent). */
export async function ensureToolchain(): Promise<Toolchain> {
  const uv = await script("scripts/ensure-uv.sh");
  const wrk = await script("scripts/services/wrk.sh");
  let serverUrl = process.env.PS_TEST_POSTGRES_URL ?? "";
  if (!serverUrl) {
    await script("scripts/services/postgres.sh", "start");
    serverUrl = await script("scripts/services/postgres.sh", "url");
  }
  return { uv, wrk, serverUrl };
}

/** Generates the e-commerce example with the current generator (in process) into the work dir. */
export async function generateShop(): Promise<string> {
  const dir = join(WORK_DIR, "shop");
  await rm(dir, { recursive: true, force: true });
  const blueprint = await loadBlueprintFile(join(REPO_ROOT, "examples", "ecommerce.yaml"));
  await writeProject(dir, await generateProject(blueprint));
  return dir;
}

/**
 * The e-commerce project under test, installed with the comparison apps: one generated now, or one
 * generated earlier (`--project`). Returns its directory.
 */
export async function installApps(uv: string, project: string | undefined): Promise<string> {
  const shopDir = project ? resolve(project) : await generateShop();
  await installProject(uv, shopDir);
  await installProject(uv, APPS_DIR);
  return shopDir;
}

/** A database name no other run uses at the same time. */
export function benchDatabaseName(): string {
  return `bench_${process.pid}_${randomBytes(3).toString("hex")}`;
}

/** Installs the runtime dependencies of a project (no dev tools: the servers need none). */
export async function installProject(uv: string, dir: string): Promise<void> {
  await run(uv, ["sync", "--no-dev"], { cwd: dir, env: uvEnv });
}

export function venvBin(dir: string, name: string): string {
  return join(dir, ".venv", "bin", name);
}

/** A fresh database named `name` on the server, migrated by the generated project and seeded. */
export async function createDatabase(
  toolchain: Toolchain,
  shopDir: string,
  name: string,
): Promise<BenchDatabase> {
  const url = toolchain.serverUrl.replace(/\/[^/]*$/, `/${name}`);
  const python = venvBin(APPS_DIR, "python");
  await run(python, ["database.py", "create", url], { cwd: APPS_DIR });
  await run(venvBin(shopDir, "alembic"), ["upgrade", "head"], {
    cwd: shopDir,
    env: { ...process.env, DATABASE_URL: url },
  });
  const { stdout } = await run(python, ["seed.py", url], { cwd: APPS_DIR });
  return { url, seed: JSON.parse(stdout) as SeedSummary };
}

export async function dropDatabase(url: string): Promise<void> {
  await run(venvBin(APPS_DIR, "python"), ["database.py", "drop", url], { cwd: APPS_DIR });
}
