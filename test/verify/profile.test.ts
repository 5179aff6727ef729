/** The `[tool.python-specialist]` table verify reads from a generated project's pyproject.toml. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fill, readProfile } from "../../src/verify/profile.js";

describe("readProfile", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-profile-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const write = (text: string) => writeFile(join(dir, "pyproject.toml"), text);

  it("reads the commands, defaults the OpenAPI path and drivers", async () => {
    await write(`[project]
name = "x"

[tool.python-specialist]
framework = "django"
serve = ["python", "-m", "uvicorn", "config.asgi:application", "--port", "{port}"]
migrate = ["python", "manage.py", "migrate"]
check-migrations = ["python", "manage.py", "makemigrations", "--check", "--dry-run"]
`);
    expect(await readProfile(dir)).toEqual({
      framework: "django",
      serve: ["python", "-m", "uvicorn", "config.asgi:application", "--port", "{port}"],
      migrate: ["python", "manage.py", "migrate"],
      checkMigrations: ["python", "manage.py", "makemigrations", "--check", "--dry-run"],
      createAdmin: undefined,
      openapi: "/openapi.json",
      databaseDrivers: {},
    });
  });

  it("names the file and the problem when the table is missing or wrong", async () => {
    await expect(readProfile(dir)).rejects.toThrow(/no pyproject.toml in .*generated project/);
    await write('[project]\nname = "x"\n');
    await expect(readProfile(dir)).rejects.toThrow(/pyproject.toml has no \[tool.python-specialist\] table/);
    await write('[tool.python-specialist]\nframework = "flask"\nserve = ["gunicorn"]\nmigrate = []\n');
    await expect(readProfile(dir)).rejects.toThrow(
      /serve: must contain \{port\}.*migrate: .*check-migrations: /,
    );
    await write("[tool.python-specialist\n");
    await expect(readProfile(dir)).rejects.toThrow(/is not valid TOML/);
  });
});

describe("fill", () => {
  it("replaces known placeholders and keeps unknown ones", () => {
    expect(fill(["--port", "{port}", "{email}", "{other}"], { port: "80", email: "a@b.c" })).toEqual([
      "--port",
      "80",
      "a@b.c",
      "{other}",
    ]);
  });
});
