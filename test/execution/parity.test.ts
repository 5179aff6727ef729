/**
 * The same HTTP behaviour on every framework: the blog example is generated for each registered target,
 * installed, migrated and booted (through the commands its pyproject's `[tool.python-specialist]` table
 * names), and one black-box scenario — written once, below — runs against each server: register and
 * login, CRUD, offset and cursor pages, filters, sorting, and the 401/403/404/409/422 error shape.
 *
 * Knob: PS_FRAMEWORKS=flask,django runs only those. Needs uv (scripts/ensure-uv.sh); SQLite only, since
 * the PostgreSQL behaviour of each target is the execution matrix's job.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/program.js";
import { AVAILABLE_FRAMEWORKS } from "../../src/generate/targets/index.js";
import { fill, readProfile } from "../../src/verify/profile.js";
import { runCommand } from "../../src/verify/run-command.js";
import { type RunningServer, startServer, waitUntilReady } from "../../src/verify/server.js";
import { findUv } from "../../src/verify/toolchain.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ONLY = (process.env.PS_FRAMEWORKS ?? "").split(",").filter(Boolean);
const FRAMEWORKS = AVAILABLE_FRAMEWORKS.filter((f) => ONLY.length === 0 || ONLY.includes(f));
const ADMIN = { email: "admin@example.com", password: "admin-password-1" };
const uv = await findUv();

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON of a black-box API, which the assertions check field by field
  body: any;
}

/** A JSON client of one server, with an optional bearer token. */
function client(baseUrl: string) {
  return async (
    method: string,
    path: string,
    options: { json?: unknown; form?: Record<string, string>; token?: string } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

/** Generates, installs, migrates and boots the blog example for one framework on a scratch SQLite file. */
async function bootBlog(framework: string, workDir: string): Promise<RunningServer> {
  const dir = join(workDir, "blog");
  const blueprint = join(ROOT, "examples", "blog.yaml");
  const code = await main(["new", dir, "--blueprint", blueprint, "--framework", framework]);
  if (code !== 0) throw new Error(`python-specialist new failed for ${framework} (exit ${code})`);
  const profile = await readProfile(dir);
  const databaseUrl = `${profile.databaseDrivers.sqlite ?? "sqlite"}:///${join(workDir, "blog.db")}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, UV_PYTHON_DOWNLOADS: "never" };
  const uvRun = async (args: string[], input?: string) => {
    const result = await runCommand(uv?.path ?? "uv", args, { cwd: dir, env, input, timeoutMs: 600_000 });
    if (result.exitCode !== 0) throw new Error(`uv ${args.join(" ")} failed:\n${result.output}`);
    return result;
  };
  await uvRun(["sync"]);
  await uvRun(["run", ...profile.migrate]);
  if (!profile.createAdmin) throw new Error("the blog has auth: its profile must name create-admin");
  await uvRun(["run", ...fill(profile.createAdmin, { email: ADMIN.email })], `${ADMIN.password}\n`);
  const python = (await uvRun(["run", "python", "-c", "import sys; print(sys.executable)"])).output
    .trim()
    .split("\n")
    .at(-1);
  const server = await startServer({ python: python ?? "python", argv: profile.serve, cwd: dir, env });
  const ready = await waitUntilReady(server, "/health/ready", 60_000);
  if (!ready.ok) {
    await server.stop();
    throw new Error(`${framework} blog did not get ready: ${ready.reason}\n${server.output()}`);
  }
  return server;
}

function expectError(reply: Reply, status: number, code: string): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  expect(reply.body.error.code).toBe(code);
  expect(typeof reply.body.error.message).toBe("string");
}

describe.runIf(uv && FRAMEWORKS.length > 0).each(FRAMEWORKS)("blog API on %s", (framework) => {
  let workDir = "";
  let server: RunningServer | undefined;
  let call: ReturnType<typeof client>;
  const tokens: Record<"admin" | "alice" | "bob", string> = { admin: "", alice: "", bob: "" };
  const login = async (email: string, password: string) =>
    call("POST", "/auth/login", { form: { username: email, password } });

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), `ps-parity-${framework}-`));
    server = await bootBlog(framework, workDir);
    call = client(server.baseUrl);
  });
  afterAll(async () => {
    await server?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("registers and logs in users; refresh and me work; mistakes are 401, 409, 422", async () => {
    for (const name of ["alice", "bob"] as const) {
      const email = `${name}@example.com`;
      const registered = await call("POST", "/auth/register", { json: { email, password: "password-123" } });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      expect(registered.body).toMatchObject({ email, role: "user", is_active: true });
      expect(registered.body).not.toHaveProperty("password");
      const tokenPair = await login(email, "password-123");
      expect(tokenPair.status).toBe(200);
      expect(tokenPair.body.token_type).toBe("bearer");
      tokens[name] = tokenPair.body.access_token;
    }
    tokens.admin = (await login(ADMIN.email, ADMIN.password)).body.access_token;
    expectError(
      await call("POST", "/auth/register", {
        json: { email: "alice@example.com", password: "password-123" },
      }),
      409,
      "conflict",
    );
    expectError(
      await call("POST", "/auth/register", { json: { email: "not-an-email", password: "password-123" } }),
      422,
      "validation_error",
    );
    expectError(await login("alice@example.com", "wrong-password"), 401, "not_authenticated");

    const me = await call("GET", "/auth/me", { token: tokens.alice });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe("alice@example.com");
    expectError(await call("GET", "/auth/me"), 401, "not_authenticated");
    expectError(await call("GET", "/auth/me", { token: "not-a-token" }), 401, "not_authenticated");

    const { refresh_token } = (await login("alice@example.com", "password-123")).body;
    const refreshed = await call("POST", "/auth/refresh", { json: { refresh_token } });
    expect(refreshed.status).toBe(200);
    expect((await call("GET", "/auth/me", { token: refreshed.body.access_token })).status).toBe(200);
  });

  it("creates, reads, updates and deletes, with owner and admin rules", async () => {
    expectError(
      await call("POST", "/tags", { json: { name: "news" }, token: tokens.alice }),
      403,
      "permission_denied",
    );
    const tag = await call("POST", "/tags", { json: { name: " News " }, token: tokens.admin });
    expect(tag.status, JSON.stringify(tag.body)).toBe(201);
    expect(tag.body.name).toBe("news");

    const post = { title: "Hello", slug: "hello", body: "First post.", tag_ids: [tag.body.id] };
    expectError(await call("POST", "/posts", { json: post }), 401, "not_authenticated");
    const created = await call("POST", "/posts", { json: post, token: tokens.alice });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      title: "Hello",
      slug: "hello",
      status: "draft",
      published_at: null,
    });
    expect(created.body.tags).toEqual([{ id: tag.body.id, name: "news" }]);
    expect(created.body.comments).toEqual([]);
    const id = created.body.id;

    expectError(await call("POST", "/posts", { json: post, token: tokens.bob }), 409, "conflict");
    const invalid = await call("POST", "/posts", {
      json: { slug: "Not A Slug", body: "x" },
      token: tokens.bob,
    });
    expectError(invalid, 422, "validation_error");
    const locations = invalid.body.error.details.map((d: { loc: unknown[] }) => d.loc.slice(0, 2).join("."));
    expect(locations).toEqual(expect.arrayContaining(["body.title", "body.slug"]));

    const fetched = await call("GET", `/posts/${id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toMatchObject({ id, title: "Hello" });
    expectError(await call("GET", "/posts/999999"), 404, "not_found");

    expectError(
      await call("PATCH", `/posts/${id}`, { json: { title: "Mine now" }, token: tokens.bob }),
      403,
      "permission_denied",
    );
    const patched = await call("PATCH", `/posts/${id}`, {
      json: { title: "Hello again" },
      token: tokens.alice,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: "Hello again", slug: "hello" });
    expectError(
      await call("PATCH", `/posts/${id}`, { json: { title: null }, token: tokens.alice }),
      422,
      "validation_error",
    );
    const byAdmin = await call("PATCH", `/posts/${id}`, {
      json: { status: "published" },
      token: tokens.admin,
    });
    expect(byAdmin.status).toBe(200);

    expect((await call("DELETE", `/posts/${id}`, { token: tokens.alice })).status).toBe(204);
    expectError(await call("GET", `/posts/${id}`), 404, "not_found");
  });

  it("pages with offset and limit, filters and sorts", async () => {
    for (const [i, title] of ["Charlie", "Alpha", "Bravo"].entries()) {
      const json = { title, slug: `page-${i}`, body: "Body.", status: i === 0 ? "published" : "draft" };
      expect((await call("POST", "/posts", { json, token: tokens.bob })).status).toBe(201);
    }
    const first = await call("GET", "/posts?limit=2&sort=title");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, offset: 0, limit: 2 });
    expect(first.body.items.map((p: { title: string }) => p.title)).toEqual(["Alpha", "Bravo"]);
    const second = await call("GET", "/posts?limit=2&offset=2&sort=title");
    expect(second.body.items.map((p: { title: string }) => p.title)).toEqual(["Charlie"]);
    const descending = await call("GET", "/posts?sort=-title");
    expect(descending.body.items[0].title).toBe("Charlie");

    const published = await call("GET", "/posts?status=published");
    expect(published.body.items.map((p: { title: string }) => p.title)).toEqual(["Charlie"]);
    const byTitle = await call("GET", "/posts?title=Bravo");
    expect(byTitle.body.total).toBe(1);

    expectError(await call("GET", "/posts?limit=0"), 422, "validation_error");
    expectError(await call("GET", "/posts?limit=101"), 422, "validation_error");
    expectError(await call("GET", "/posts?sort=body"), 422, "validation_error");
  });

  it("pages comments with a cursor until next_cursor is null", async () => {
    const posts = await call("GET", "/posts?limit=1");
    const postId = posts.body.items[0].id;
    for (const body of ["one", "two", "three"]) {
      const created = await call("POST", "/comments", {
        json: { body, post_id: postId },
        token: tokens.alice,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    expectError(
      await call("POST", "/comments", { json: { body: "orphan", post_id: 999999 }, token: tokens.alice }),
      422,
      "validation_error",
    );
    const seen: string[] = [];
    let page = await call("GET", "/comments?limit=2");
    expect(page.body.items).toHaveLength(2);
    expect(typeof page.body.next_cursor).toBe("string");
    seen.push(...page.body.items.map((c: { body: string }) => c.body));
    page = await call("GET", `/comments?limit=2&cursor=${encodeURIComponent(page.body.next_cursor)}`);
    seen.push(...page.body.items.map((c: { body: string }) => c.body));
    expect(page.body.next_cursor).toBeNull();
    expect(seen).toEqual(["one", "two", "three"]);
    expectError(await call("GET", "/comments?cursor=not-a-cursor"), 422, "validation_error");
  });
});
