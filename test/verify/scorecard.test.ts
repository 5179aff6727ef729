import { describe, expect, it } from "vitest";
import { buildScorecard, formatDuration, renderScorecard } from "../../src/verify/scorecard.js";
import { errorExcerpt } from "../../src/verify/summaries.js";
import type { StepResult } from "../../src/verify/types.js";

const results: StepResult[] = [
  {
    step: "toolchain",
    status: "passed",
    ok: true,
    durationMs: 412,
    summary: "Python 3.11.7, uv 0.13.8",
    output: "",
    metrics: { python: "3.11.7" },
  },
  {
    step: "types",
    status: "failed",
    ok: false,
    durationMs: 14_321,
    summary: "Found 1 error in 1 file (checked 50 source files)",
    output: "",
    metrics: { errors: 1 },
    excerpt: [
      'src/blog/posts/service.py:12: error: Incompatible return value type (got "int", expected "str")',
    ],
    logPath: "/p/.python-specialist/verify/types.log",
  },
  { step: "fuzz", status: "skipped", ok: false, durationMs: 0, summary: "skipped (--skip)", output: "" },
];

describe("scorecard", () => {
  const scorecard = buildScorecard(results, {
    dir: "/p",
    databaseUrl: "postgresql+asyncpg://ps:secret@127.0.0.1:55432/postgres",
    startedAt: new Date("2026-01-01T12:00:00Z"),
    durationMs: 83_456.7,
    logDir: "/p/.python-specialist/verify",
  });

  it("is a stable JSON document without passwords", () => {
    expect(scorecard).toEqual({
      schema: "python-specialist/verify-scorecard",
      version: 1,
      ok: false,
      project: { dir: "/p" },
      database: { kind: "postgresql", url: "postgresql+asyncpg://ps:***@127.0.0.1:55432/postgres" },
      startedAt: "2026-01-01T12:00:00.000Z",
      durationMs: 83_457,
      counts: { passed: 1, failed: 1, skipped: 1 },
      logDir: "/p/.python-specialist/verify",
      steps: [
        {
          name: "toolchain",
          status: "passed",
          durationMs: 412,
          summary: "Python 3.11.7, uv 0.13.8",
          metrics: { python: "3.11.7" },
        },
        {
          name: "types",
          status: "failed",
          durationMs: 14_321,
          summary: "Found 1 error in 1 file (checked 50 source files)",
          metrics: { errors: 1 },
          excerpt: [
            'src/blog/posts/service.py:12: error: Incompatible return value type (got "int", expected "str")',
          ],
          log: "/p/.python-specialist/verify/types.log",
        },
        { name: "fuzz", status: "skipped", durationMs: 0, summary: "skipped (--skip)", metrics: {} },
      ],
    });
  });

  it("renders a table, then each failure with its first error lines and log", () => {
    expect(renderScorecard(scorecard)).toBe(
      [
        "  step       result      time  details",
        "  ─────────  ─────────  ─────  ───────",
        "  toolchain  ✓ passed    0.4s  Python 3.11.7, uv 0.13.8",
        "  types      ✗ failed   14.3s  Found 1 error in 1 file (checked 50 source files)",
        "  fuzz       – skipped         skipped (--skip)",
        "",
        "✗ types: Found 1 error in 1 file (checked 50 source files)",
        '    src/blog/posts/service.py:12: error: Incompatible return value type (got "int", expected "str")',
        "    full log: /p/.python-specialist/verify/types.log",
        "",
        "verification FAILED: 1 passed, 1 failed, 1 skipped in 1m 23s — logs in /p/.python-specialist/verify",
      ].join("\n"),
    );
  });

  it("formats durations", () => {
    expect(formatDuration(412)).toBe("0.4s");
    expect(formatDuration(59_940)).toBe("59.9s");
    expect(formatDuration(83_456)).toBe("1m 23s");
  });
});

describe("errorExcerpt", () => {
  it("picks mypy errors", () => {
    const output =
      "$ uv run mypy\nsrc/a.py:3: error: Name 'x' is not defined  [name-defined]\nsrc/a.py:3: note: see docs\nFound 1 error in 1 file";
    expect(errorExcerpt("types", output)).toEqual([
      "src/a.py:3: error: Name 'x' is not defined  [name-defined]",
    ]);
  });

  it("picks failed tests and assertion lines", () => {
    const output = [
      "E       assert 500 == 201",
      "FAILED tests/test_a.py::test_b - assert 500 == 201",
      "==== 1 failed, 3 passed in 1.00s ====",
    ].join("\n");
    expect(errorExcerpt("tests", output)).toEqual([
      "E       assert 500 == 201",
      "FAILED tests/test_a.py::test_b - assert 500 == 201",
    ]);
  });

  it("picks ruff diagnostics and unformatted files", () => {
    const output =
      "src/a.py:1:8: F401 [*] `os` imported but unused\nFound 1 error.\nWould reformat: src/b.py\n1 file would be reformatted";
    expect(errorExcerpt("lint", output)).toEqual([
      "src/a.py:1:8: F401 [*] `os` imported but unused",
      "Would reformat: src/b.py",
    ]);
  });

  it("picks the drift of alembic check", () => {
    const output =
      "$ uv run alembic check\nINFO  [alembic.runtime.migration] Will assume non-transactional DDL.\nERROR [alembic.util.messaging] New upgrade operations detected: [('add_column', None, 'notes')]\n  FAILED: New upgrade operations detected: [('add_column', None, 'notes')]";
    expect(errorExcerpt("migrations", output)[0]).toMatch(
      /^ERROR \[alembic.util.messaging\] New upgrade operations/,
    );
  });

  it("falls back to the last lines", () => {
    expect(errorExcerpt("install", "$ uv sync\nsomething odd\nhappened")).toEqual([
      "something odd",
      "happened",
    ]);
  });
});
