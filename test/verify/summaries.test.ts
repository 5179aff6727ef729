import { describe, expect, it } from "vitest";
import {
  lastMeaningfulLine,
  parsePytestOutput,
  summarizeMypy,
  summarizePytest,
  summarizeRuff,
  summarizeUvSync,
} from "../../src/verify/summaries.js";

const PASSING = `============================= test session starts ==============================
platform linux -- Python 3.11.7, pytest-9.2.0, pluggy-1.6.0
rootdir: /tmp/shop
configfile: pyproject.toml
plugins: cov-7.0.0, asyncio-1.5.0, anyio-4.11.0
collected 57 items

tests/products/test_router.py ....................................       [ 63%]
tests/test_health.py .....................                               [100%]

================================ tests coverage ================================
_______________ coverage: platform linux, python 3.11.7-final-0 ________________

Name                              Stmts   Miss  Cover
-----------------------------------------------------
src/shop/__init__.py                  0      0   100%
src/shop/main.py                     31      2    94%
src/shop/products/router.py         120      7    94%
-----------------------------------------------------
TOTAL                               412     24    94%
Required test coverage of 90% reached. Total coverage: 94.17%
============================= 57 passed in 3.21s ==============================
`;

const FAILING = `collected 57 items

tests/products/test_router.py ..F.......E

=================================== FAILURES ===================================
________________________________ test_create ___________________________________
E   assert 422 == 201
---------- coverage: platform linux, python 3.11.7-final-0 -----------
Name                 Stmts   Miss Branch BrPart  Cover
------------------------------------------------------
TOTAL                  412     60     80     12    85%
FAIL Required test coverage of 90% not reached. Total coverage: 85.43%
=========================== short test summary info ============================
FAILED tests/products/test_router.py::test_create - assert 422 == 201
ERROR tests/products/test_router.py::test_delete - sqlalchemy.exc.OperationalError
======= 1 failed, 54 passed, 2 skipped, 3 warnings, 1 error in 4.80s (0:00:04) ========
`;

describe("parsePytestOutput", () => {
  it("reads counts and the precise total coverage of a passing run", () => {
    const { counts, coverage } = parsePytestOutput(PASSING);
    expect(counts).toMatchObject({ passed: 57, failed: 0, errors: 0, skipped: 0, seconds: 3.21 });
    expect(coverage).toBe(94.17);
  });

  it("reads a failing run with errors, skips, warnings and branch coverage", () => {
    const { counts, coverage } = parsePytestOutput(FAILING);
    expect(counts).toMatchObject({ passed: 54, failed: 1, errors: 1, skipped: 2, warnings: 3 });
    expect(coverage).toBe(85.43);
  });

  it("falls back to the TOTAL row when pytest-cov prints no verdict", () => {
    const output = "TOTAL    100     9     91%\n==== 3 passed in 0.10s ====\n";
    expect(parsePytestOutput(output).coverage).toBe(91);
  });

  it("reads quiet-mode summaries and ignores ANSI colors", () => {
    const output = "\u001b[32m12 passed\u001b[0m, \u001b[33m1 xfailed\u001b[0m in 0.52s\n";
    expect(parsePytestOutput(output).counts).toMatchObject({ passed: 12, xfailed: 1 });
  });

  it("understands 'no tests ran'", () => {
    expect(parsePytestOutput("============ no tests ran in 0.01s ============").counts).toMatchObject({
      passed: 0,
    });
  });

  it("finds nothing in output without a summary line", () => {
    const output =
      "ImportError while loading conftest '/tmp/x/tests/conftest.py'.\nModuleNotFoundError: No module named 'x'\n";
    expect(parsePytestOutput(output)).toEqual({});
  });

  it("does not mistake other lines ending in seconds for the summary", () => {
    const output = "Installed 3 packages in 12ms\nsomething happened in 3.2s\n";
    expect(parsePytestOutput(output).counts).toBeUndefined();
  });
});

describe("summarizePytest", () => {
  it("gives passed tests and coverage", () => {
    expect(summarizePytest(PASSING, 90)).toBe("57 passed, 94% coverage");
  });

  it("names failures first and a missed coverage threshold", () => {
    expect(summarizePytest(FAILING, 90)).toBe(
      "1 failed, 1 error, 54 passed, 2 skipped, 85% coverage (required 90%)",
    );
  });

  it("says when there is no summary", () => {
    expect(summarizePytest("Traceback (most recent call last):\n")).toBe("no pytest summary found");
  });
});

describe("tool summaries", () => {
  it("mypy", () => {
    expect(summarizeMypy("Success: no issues found in 23 source files\n")).toBe(
      "Success: no issues found in 23 source files",
    );
    const failing =
      "src/a.py:3: error: Missing return statement  [return]\nFound 1 error in 1 file (checked 23 source files)\n";
    expect(summarizeMypy(failing)).toBe("Found 1 error in 1 file (checked 23 source files)");
  });

  it("ruff check and format", () => {
    expect(summarizeRuff("All checks passed!\n", "12 files already formatted\n")).toBe(
      "All checks passed!; 12 files already formatted",
    );
    const check =
      "src/a.py:1:8: F401 [*] `os` imported but unused\nFound 4 errors.\n[*] 4 fixable with the `--fix` option.\n";
    const format = "Would reformat: src/a.py\n1 file would be reformatted, 11 files already formatted\n";
    expect(summarizeRuff(check, format)).toBe(
      "Found 4 errors; 1 file would be reformatted, 11 files already formatted",
    );
  });

  it("uv sync", () => {
    const output =
      "Using CPython 3.11.7\nCreating virtual environment at: .venv\nResolved 45 packages in 310ms\nPrepared 45 packages in 2.1s\nInstalled 45 packages in 120ms\n + fastapi==0.163.0\n";
    expect(summarizeUvSync(output)).toBe("Installed 45 packages in 120ms");
    expect(summarizeUvSync("Resolved 24 packages in 1ms\nChecked 23 packages in 0.44ms\n")).toBe(
      "Checked 23 packages in 0.44ms",
    );
  });

  it("lastMeaningfulLine shortens long lines and handles empty output", () => {
    expect(lastMeaningfulLine("a\n\nlast one\n\n")).toBe("last one");
    expect(lastMeaningfulLine("")).toBe("(no output)");
    expect(lastMeaningfulLine("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
