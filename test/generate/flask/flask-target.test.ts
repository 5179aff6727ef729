/**
 * The Flask target against the FastAPI target, for every example: the same routes with the same access
 * rules, the same models and migration, the shared modules byte for byte, and a verification profile that
 * names the app's own commands.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import type { Blueprint } from "../../../src/blueprint/schema.js";
import { generateProject, loadBlueprintFile } from "../../../src/index.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const EXAMPLES = readdirSync(join(ROOT, "examples"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .sort();

async function generate(example: string, framework: Blueprint["framework"]) {
  const blueprint = { ...(await loadBlueprintFile(join(ROOT, "examples", `${example}.yaml`))), framework };
  const tree = await generateProject(blueprint);
  const files = new Map(tree.files().map((f) => [f.path, f.content]));
  return { pkg: blueprint.name, files, auth: blueprint.auth.kind === "jwt" };
}

type Access = "public" | "user" | "admin";

/** `GET /posts/{post_id}` → who may call it, from FastAPI routers (dependencies and CurrentUser params). */
function fastapiRoutes(files: Map<string, string>): Map<string, Access> {
  const routes = new Map<string, Access>();
  for (const [path, content] of files) {
    if (!path.endsWith("/router.py") && !path.endsWith("/health.py")) continue;
    const prefix = /PrefixRouter\(prefix="([^"]*)"/.exec(content)?.[1] ?? "";
    for (const block of content.split(/(?=@router\.)/).slice(1)) {
      const route = /^@router\.(\w+)\(\s*"([^"]*)"/.exec(block);
      if (!route?.[1]) continue;
      const access: Access = /require_admin/.test(block)
        ? "admin"
        : /get_current_user|CurrentUser|get_caller|CurrentCaller/.test(block)
          ? "user"
          : "public";
      routes.set(`${route[1].toUpperCase()} ${prefix}${route[2]}`, access);
    }
  }
  return routes;
}

/** The same map from Flask blueprints (the `guard=` of each operation). */
function flaskRoutes(files: Map<string, string>): Map<string, Access> {
  const routes = new Map<string, Access>();
  for (const [path, content] of files) {
    if (!path.endsWith("/routes.py") && !path.endsWith("/health.py")) continue;
    const prefix = /url_prefix="([^"]*)"/.exec(content)?.[1] ?? "";
    for (const block of content.split(/(?=@blueprint\.operation\()/).slice(1)) {
      const route = /^@blueprint\.operation\(\s*"(\w+)", "([^"]*)"/.exec(block);
      if (!route?.[1]) continue;
      const guard = /guard=(\w+)/.exec(block)?.[1];
      const access: Access =
        guard === "admin_required" ? "admin" : guard === "login_required" ? "user" : "public";
      routes.set(`${route[1]} ${prefix}${route[2]}`, access);
    }
  }
  return routes;
}

describe.each(EXAMPLES)("flask target, example %s", (example) => {
  it("has the FastAPI target's routes, each with the same access rule", async () => {
    const fastapi = await generate(example, "fastapi");
    const flask = await generate(example, "flask");
    const expected = fastapiRoutes(fastapi.files);

    expect(expected.size).toBeGreaterThan(2);
    expect(Object.fromEntries(flaskRoutes(flask.files))).toEqual(Object.fromEntries(expected));
  });

  it("shares the models, schemas, pagination and initial migration with the FastAPI target", async () => {
    const fastapi = await generate(example, "fastapi");
    const flask = await generate(example, "flask");
    const shared = [...fastapi.files.keys()].filter((path) =>
      /\/(models|schemas|pagination)\.py$|^migrations\/versions\//.test(path),
    );

    expect(shared.length).toBeGreaterThan(3);
    for (const path of shared) {
      // Flask's users/schemas.py adds the login form; everything else is byte for byte the same.
      if (path.endsWith("users/schemas.py")) continue;
      expect(flask.files.get(path), path).toBe(fastapi.files.get(path));
    }
  });

  it("writes a verification profile naming its own commands", async () => {
    const { pkg, files, auth } = await generate(example, "flask");
    const pyproject = parse(files.get("pyproject.toml") ?? "") as {
      tool: { "python-specialist": Record<string, unknown> };
    };
    const profile = pyproject.tool["python-specialist"];

    expect(profile.framework).toBe("flask");
    expect(profile.serve).toEqual([
      "python",
      "-m",
      "gunicorn",
      "--bind",
      "127.0.0.1:{port}",
      `${pkg}.app:create_app()`,
    ]);
    expect(profile.migrate).toEqual(["flask", "--app", `${pkg}.app`, "db", "upgrade"]);
    expect(profile["check-migrations"]).toEqual(["flask", "--app", `${pkg}.app`, "db", "check"]);
    expect(profile["create-admin"]).toEqual(
      auth ? ["flask", "--app", `${pkg}.app`, "create-admin", "{email}"] : undefined,
    );
    expect(profile.openapi).toBe("/openapi.json");
  });
});
