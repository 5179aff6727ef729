/**
 * The boot and fuzz steps against stand-ins: a fake uv (its `tool run` plays schemathesis), and a fake
 * "python" (a Node script) that serves what uvicorn would, misbehaving on demand through FAKE_SERVER_MODE.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemathesisFailures, serverExceptions } from "../../src/verify/runtime-steps.js";
import { freePort } from "../../src/verify/server.js";
import { verifyProject } from "../../src/verify/steps.js";
import type { StepResult } from "../../src/verify/types.js";

const FAKE_UV = `#!/bin/sh
case "$*" in
  "--version") echo "uv 0.13.8 (fake)" ;;
  "run python -c import sys; print(sys.executable)") echo "$FAKE_PYTHON" ;;
  "run alembic upgrade head") echo "upgraded $DATABASE_URL" ;;
  "tool run "*)
    echo "$*" >> "$FAKE_UV_LOG"
    prev=""
    for arg in "$@"; do
      [ "$prev" = "--workers" ] && workers="$arg"
      [ "$prev" = "--report-json-path" ] && report="$arg"
      prev="$arg"
    done
    if [ "$workers" != "1" ] && [ -n "$FAKE_FUZZ_RACE" ]; then
      echo "SystemError: AST constructor recursion depth mismatch (before=66, after=113)"
      exit 1
    fi
    echo '{"test_cases":{"generated":5,"unique_failures":0,"errored":0},"errors":[],"operations":{"tested":3}}' > "$report"
    ;;
esac
`;

// python -m uvicorn <app> --host 127.0.0.1 --port <port>
const FAKE_PYTHON = `#!${process.execPath}
const http = require("node:http");
const port = Number(process.argv[process.argv.indexOf("--port") + 1]);
const mode = process.env.FAKE_SERVER_MODE || "ok";
console.log("INFO:     Started server process [" + process.pid + "] for " + process.argv[4]);
if (mode === "crash") {
  console.log("Traceback (most recent call last):");
  console.log('  File "/app/src/demo/main.py", line 3, in <module>');
  console.log("RuntimeError: cannot start");
  process.exit(1);
}
const server = http.createServer((req, res) => {
  if (req.url === "/health/ready") {
    res.writeHead(mode === "never-ready" ? 503 : 200, { "content-type": "application/json" });
    return res.end('{"status":"ok"}');
  }
  if (req.url === "/openapi.json" && mode !== "no-openapi") {
    res.writeHead(200, { "content-type": "application/json" });
    return res.end(JSON.stringify({ openapi: "3.1.0", paths: { "/a": { get: {}, post: {} }, "/b": { get: {} } } }));
  }
  res.writeHead(404);
  res.end();
});
server.listen(port, "127.0.0.1");
process.on("SIGTERM", () => {
  if (mode === "ignore-term") return;
  console.log("INFO:     Shutting down");
  server.close();
  server.closeAllConnections();
  console.log("INFO:     Application shutdown complete.");
  process.exit(0);
});
`;

const PROFILE = `[tool.python-specialist]
framework = "fastapi"
serve = ["python", "-m", "uvicorn", "demo.main:app", "--host", "127.0.0.1", "--port", "{port}"]
migrate = ["alembic", "upgrade", "head"]
check-migrations = ["alembic", "check"]
`;

describe("boot step (fake uv and server)", () => {
  let dir: string;
  let uv: string;
  let python: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ps-boot-"));
    uv = join(dir, "uv");
    python = join(dir, "python");
    await writeFile(uv, FAKE_UV);
    await writeFile(python, FAKE_PYTHON);
    await chmod(uv, 0o755);
    await chmod(python, 0o755);
    await mkdir(join(dir, "src", "demo"), { recursive: true });
    await writeFile(join(dir, "src", "demo", "main.py"), "app = object()\n");
    await writeFile(join(dir, "pyproject.toml"), PROFILE);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function boot(mode: string, step = "boot", env: Record<string, string> = {}): Promise<StepResult> {
    const results = await verifyProject(dir, {
      uv,
      steps: [step],
      logDir: false,
      env: { FAKE_PYTHON: python, FAKE_SERVER_MODE: mode, FAKE_UV_LOG: join(dir, "uv.log"), ...env },
    });
    const result = results.find((r) => r.step === step);
    if (!result) throw new Error(`no ${step} result`);
    return result;
  }

  it("finds a free port", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
  });

  it("passes when the server gets ready, serves OpenAPI and stops on SIGTERM", async () => {
    const result = await boot("ok");
    expect(result.status).toBe("passed");
    expect(result.summary).toMatch(/^ready in \d+\.\d s, 3 operations in OpenAPI, stopped in \d+\.\d s$/);
    expect(result.metrics).toMatchObject({ operations: 3 });
    expect(result.output).toContain("for demo.main:app");
    expect(result.output).toContain("Application shutdown complete");
  });

  it("fails with the exception when the server dies during startup", async () => {
    const result = await boot("crash");
    expect(result.status).toBe("failed");
    expect(result.summary).toMatch(/^the server exited during startup \(exit code 1\)/);
    expect(result.excerpt).toContain("RuntimeError: cannot start  (at /app/src/demo/main.py:3 in <module>)");
  });

  it("fails when /openapi.json is not served", async () => {
    const result = await boot("no-openapi");
    expect(result.status).toBe("failed");
    expect(result.summary).toBe("GET /openapi.json answered 404, not 200");
  });

  it("fuzzes with two threads, once more with one when the fuzzer hits CPython's ast thread race", async () => {
    await rm(join(dir, "uv.log"), { force: true });
    const plain = await boot("ok", "fuzz");
    const raced = await boot("ok", "fuzz", { FAKE_FUZZ_RACE: "1" });
    const calls = (await readFile(join(dir, "uv.log"), "utf8")).trim().split("\n");

    expect([plain.status, raced.status]).toEqual(["passed", "passed"]);
    expect(calls.map((call) => call.match(/--workers (\d+)/)?.[1])).toEqual(["2", "2", "1"]);
    expect(raced.output).toContain("gh-106905");
  });

  it("fails when the server ignores SIGTERM for 10 s", async () => {
    const result = await boot("ignore-term");
    expect(result.status).toBe("failed");
    expect(result.summary).toBe("the server did not stop within 10 s of SIGTERM (killed)");
    expect(Number(result.metrics?.shutdownMs)).toBeGreaterThanOrEqual(10_000);
  }, 30_000);
});

describe("serverExceptions", () => {
  it("takes the exception line of each traceback, with the project's frame", () => {
    const log = [
      "INFO:     127.0.0.1:1 - GET /notes HTTP/1.1 500",
      "Traceback (most recent call last):",
      '  File "/x/.venv/lib/python3.11/site-packages/starlette/routing.py", line 10, in app',
      "    await route()",
      '  File "/x/src/notes/notes/router.py", line 25, in list_notes',
      '    raise RuntimeError("offset at its maximum")',
      "RuntimeError: offset at its maximum",
      "Traceback (most recent call last):",
      '  File "/x/src/notes/notes/router.py", line 25, in list_notes',
      "RuntimeError: offset at its maximum",
    ].join("\n");
    expect(serverExceptions(log)).toEqual([
      "RuntimeError: offset at its maximum  (at /x/src/notes/notes/router.py:25 in list_notes)",
    ]);
  });
});

describe("schemathesisFailures", () => {
  it("names the operation, the failed check, the status and the reproduction, and stops at the next section", () => {
    const output = [
      "=================================== FAILURES ===================================",
      "_______________________ DELETE /categories/{category_id} _______________________",
      "1. Test Case ID: Y9gl1P",
      "",
      "- ST101 Server error",
      "",
      "[500] Internal Server Error:",
      "",
      '    `{"error":{"code":"internal_error"}}`',
      "",
      "Reproduce with:",
      "",
      "    curl -X DELETE -H 'Authorization: [Filtered]' http://127.0.0.1:38843/categories/1",
      "",
      "=================================== WARNINGS ===================================",
      "No links point to these operations:",
      "  - DELETE /cart_items/{cart_item_id}",
    ].join("\n");
    expect(schemathesisFailures(output)).toEqual([
      "DELETE /categories/{category_id}: Server error [500]",
      "  reproduce: curl -X DELETE -H 'Authorization: [Filtered]' http://127.0.0.1:38843/categories/1",
    ]);
    expect(schemathesisFailures("no failures section")).toEqual([]);
  });
});
