/** The command line as a user meets it: exit codes, messages, and what is (not) written. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/program.js";

const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ps-cli-"));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("new", () => {
  it("writes the project and says what to do next", async () => {
    const dir = join(tempDir(), "notes");
    const { code, stdout } = await run("new", dir, "--blueprint", join(EXAMPLES, "minimal.yaml"));

    expect(code).toBe(0);
    expect(stdout).toContain("uv run pytest");
    expect(readdirSync(dir)).toContain("pyproject.toml");
    expect(readFileSync(join(dir, "src/notes/notes/models.py"), "utf8")).toContain("class Note(");
  });

  it("refuses a non-empty directory and leaves its files alone", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "mine.txt"), "keep me");

    const { code, stderr } = await run("new", dir, "--blueprint", join(EXAMPLES, "minimal.yaml"));

    expect(code).toBe(2);
    expect(stderr).toContain("is not empty");
    expect(stderr).toContain("--force");
    expect(readdirSync(dir)).toEqual(["mine.txt"]);
  });

  it("writes into a non-empty directory with --force, keeping unrelated files", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "mine.txt"), "keep me");

    const { code } = await run("new", dir, "--blueprint", join(EXAMPLES, "minimal.yaml"), "--force");

    expect(code).toBe(0);
    expect(readFileSync(join(dir, "mine.txt"), "utf8")).toBe("keep me");
    expect(readdirSync(dir)).toContain("pyproject.toml");
  });

  it("lists files without writing on --dry-run, also as JSON", async () => {
    const dir = join(tempDir(), "dry");
    const text = await run("new", dir, "--blueprint", join(EXAMPLES, "minimal.yaml"), "--dry-run");
    const json = await run("--json", "new", dir, "--blueprint", join(EXAMPLES, "minimal.yaml"), "--dry-run");

    expect(text.code).toBe(0);
    expect(text.stdout).toContain("src/notes/main.py");
    expect(JSON.parse(json.stdout).files).toContain("migrations/versions/0001_initial.py");
    expect(() => readdirSync(dir)).toThrow();
  });

  it("reports a bad blueprint with file, line and fix, exit 2, nothing written", async () => {
    const bad = join(tempDir(), "bad.yaml");
    writeFileSync(
      bad,
      "name: shop\nentities:\n  - name: Product\n    fields:\n      - { name: price, type: decimel }\n",
    );
    const dir = join(tempDir(), "out");

    const { code, stderr } = await run("new", dir, "--blueprint", bad);

    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.yaml:5:\d+/);
    expect(stderr).toContain('did you mean "decimal"');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(() => readdirSync(dir)).toThrow();
  });

  it("checks the blueprint again for the framework --framework chooses", async () => {
    const bp = join(tempDir(), "cycle.yaml");
    writeFileSync(
      bp,
      "name: cyc\nentities:\n  - { name: Post, relations: [{ name: blog, to: Blog }] }\n" +
        "  - { name: Blog, relations: [{ name: featured, to: Post, kind: many-to-many }] }\n",
    );
    const dir = join(tempDir(), "out");

    expect((await run("new", dir, "--blueprint", bp, "--dry-run")).code).toBe(0);
    const { code, stderr } = await run("new", dir, "--blueprint", bp, "--framework", "django");

    expect(code).toBe(2);
    expect(stderr).toContain(
      "cycle.yaml (with --framework django) entities[1].relations[0]: links form a cycle",
    );
    expect(() => readdirSync(dir)).toThrow();
  });

  it("refuses what is not built yet instead of dropping it", async () => {
    const bp = join(tempDir(), "caching.yaml");
    writeFileSync(
      bp,
      "name: shop\nfeatures: { caching: {} }\nentities: [{ name: Note, fields: [{ name: title }] }]\n",
    );

    const { code, stderr } = await run("new", join(tempDir(), "out"), "--blueprint", bp);

    expect(code).toBe(2);
    expect(stderr).toContain('feature "caching" is not supported yet');
  });

  it("asks for a blueprint when none is given", async () => {
    const { code, stderr } = await run("new", join(tempDir(), "out"));

    expect(code).toBe(2);
    expect(stderr).toContain("--blueprint");
  });

  it("checks --skip before writing anything: it needs --verify and known step names", async () => {
    const dir = join(tempDir(), "out");
    const minimal = join(EXAMPLES, "minimal.yaml");

    const alone = await run("new", dir, "--blueprint", minimal, "--skip", "fuzz");
    const unknown = await run("new", dir, "--blueprint", minimal, "--verify", "--skip", "fuzzing");

    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("--skip names steps of --verify; add --verify");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("fuzzing");
    expect(() => readdirSync(dir)).toThrow();
  });
});

describe("plan", () => {
  it("prints the 15 steps with a reason for every decision", async () => {
    const { code, stdout } = await run("plan", "--blueprint", join(EXAMPLES, "ecommerce.yaml"));

    expect(code).toBe(0);
    expect(stdout).toContain("1. Understand requirements");
    expect(stdout).toContain("15. Prepare for deployment");
    expect(stdout).toContain("Order.customer may only point to the user's own Customer");
    expect(stdout.match(/- /g)?.length).toBe(stdout.match(/why: /g)?.length);
  });

  it("prints JSON with --json", async () => {
    const { stdout } = await run("--json", "plan", "--blueprint", join(EXAMPLES, "blog.yaml"));

    const plan = JSON.parse(stdout);
    expect(plan.steps).toHaveLength(15);
    expect(plan.unsupported).toEqual([]);
  });
});

describe("schema", () => {
  it("prints the blueprint JSON Schema", async () => {
    const { code, stdout } = await run("schema");

    expect(code).toBe(0);
    expect(JSON.parse(stdout).properties.entities).toBeDefined();
  });
});

describe("requests in words", () => {
  it("generates from a sentence and shows what it understood and assumed", async () => {
    const dir = join(tempDir(), "shop");

    const { code, stdout } = await run(
      "new",
      dir,
      "Create a FastAPI REST API for e-commerce with JWT authentication",
    );

    expect(code).toBe(0);
    expect(stdout).toContain("Understood:");
    expect(stdout).toContain("Assumed:");
    expect(readFileSync(join(dir, "src/shop/orders/models.py"), "utf8")).toContain("class Order(");
  });

  it("refuses a request for what is not built yet, naming it, and writes nothing", async () => {
    const dir = join(tempDir(), "jobs");

    const { code, stderr } = await run(
      "new",
      dir,
      "Implement background job processing with Celery beat for scheduled tasks",
    );

    expect(code).toBe(2);
    expect(stderr).toMatch(/Celery.*not supported yet/);
    expect(() => readdirSync(dir)).toThrow();
  });

  it("plans a request with its reading in JSON", async () => {
    const { code, stdout } = await run("--json", "plan", "a blog API with posts and comments using postgres");

    const plan = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(plan.blueprint.database).toBe("postgresql");
    expect(plan.reading.understood.length).toBeGreaterThan(0);
  });

  it("wants a request or a blueprint, not both", async () => {
    const { code, stderr } = await run("plan", "a blog", "--blueprint", join(EXAMPLES, "blog.yaml"));

    expect(code).toBe(2);
    expect(stderr).toContain("not both");
  });
});
