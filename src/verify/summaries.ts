/**
 * One-line summaries of tool output (pytest, coverage, ruff, mypy, uv) for step results and the scorecard.
 * Pure functions of the text, so they are unit-tested on captured output.
 */

/** Counts from pytest's final line, e.g. `==== 2 failed, 55 passed, 3 warnings in 4.20s ====`. */
export interface PytestCounts {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  xfailed: number;
  xpassed: number;
  deselected: number;
  warnings: number;
  /** Seconds pytest reported, when it did. */
  seconds?: number;
}

export interface PytestSummary {
  /** undefined when no pytest summary line was found (pytest crashed before collecting, etc.). */
  counts?: PytestCounts;
  /** Total coverage percent, when pytest-cov reported it. */
  coverage?: number;
}

const COUNT_KEYS: Record<string, keyof Omit<PytestCounts, "seconds">> = {
  passed: "passed",
  failed: "failed",
  error: "errors",
  errors: "errors",
  skipped: "skipped",
  xfailed: "xfailed",
  xpassed: "xpassed",
  deselected: "deselected",
  warning: "warnings",
  warnings: "warnings",
};

/** Words pytest (or a plugin) may put in the summary line that we don't count. */
const IGNORED_WORDS = new Set(["rerun", "reruns", "subtests"]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences are control characters.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Reads pytest's final summary line and the coverage total out of a pytest run's output. */
export function parsePytestOutput(output: string): PytestSummary {
  const lines = stripAnsi(output).split(/\r?\n/);
  const result: PytestSummary = {};

  for (let i = lines.length - 1; i >= 0; i--) {
    const counts = parseSummaryLine(lines[i] ?? "");
    if (counts) {
      result.counts = counts;
      break;
    }
  }

  const coverage = parseCoverage(lines);
  if (coverage !== undefined) result.coverage = coverage;
  return result;
}

function parseSummaryLine(raw: string): PytestCounts | undefined {
  const line = raw
    .trim()
    .replace(/^=+\s*/, "")
    .replace(/\s*=+$/, "");
  const match = /^(.*?)\s+in\s+([\d.]+)s\b/.exec(line);
  if (!match) return undefined;
  const body = match[1] ?? "";
  const counts: PytestCounts = {
    passed: 0,
    failed: 0,
    errors: 0,
    skipped: 0,
    xfailed: 0,
    xpassed: 0,
    deselected: 0,
    warnings: 0,
    seconds: Number(match[2]),
  };
  if (/^no tests ran$/.test(body)) return counts;
  for (const part of body.split(/,\s*/)) {
    const m = /^(\d+)\s+(\w+)$/.exec(part.trim());
    if (!m) return undefined;
    const word = m[2] ?? "";
    const key = COUNT_KEYS[word];
    if (key) counts[key] += Number(m[1]);
    else if (!IGNORED_WORDS.has(word)) return undefined;
  }
  return counts;
}

function parseCoverage(lines: readonly string[]): number | undefined {
  // pytest-cov's verdict is the most precise: "Required test coverage of 90% reached. Total coverage: 94.12%"
  // or "FAIL Required test coverage of 90% not reached. Total coverage: 88.00%".
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /Total coverage:\s*([\d.]+)%/.exec(lines[i] ?? "");
    if (m) return Number(m[1]);
  }
  // Otherwise the coverage table's TOTAL row: "TOTAL   412   21   94%" (more columns with branch coverage).
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^TOTAL\s.*?\s([\d.]+)%\s*$/.exec((lines[i] ?? "").trim());
    if (m) return Number(m[1]);
  }
  return undefined;
}

function formatPercent(value: number): string {
  return Number.isInteger(value) ? `${value}%` : `${Math.floor(value)}%`;
}

/** "57 passed, 94% coverage"; failures, errors and skips are named when there are any. */
export function summarizePytest(output: string, threshold?: number): string {
  const { counts, coverage } = parsePytestOutput(output);
  const parts: string[] = [];
  if (!counts) {
    parts.push("no pytest summary found");
  } else {
    if (counts.failed) parts.push(`${counts.failed} failed`);
    if (counts.errors) parts.push(`${counts.errors} ${counts.errors === 1 ? "error" : "errors"}`);
    parts.push(`${counts.passed} passed`);
    if (counts.skipped) parts.push(`${counts.skipped} skipped`);
    if (counts.xfailed) parts.push(`${counts.xfailed} xfailed`);
    if (counts.xpassed) parts.push(`${counts.xpassed} xpassed`);
  }
  if (coverage !== undefined) {
    const below = threshold !== undefined && coverage < threshold;
    parts.push(`${formatPercent(coverage)} coverage${below ? ` (required ${threshold}%)` : ""}`);
  }
  return parts.join(", ");
}

/** mypy's last line: "Success: no issues found in 23 source files" / "Found 3 errors in 2 files (…)". */
export function summarizeMypy(output: string): string {
  const lines = stripAnsi(output).trim().split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (/^Success:/.test(line) || /^Found \d+ errors?/.test(line)) return line;
  }
  return lastMeaningfulLine(output);
}

/** ruff check: "All checks passed!" or "Found 4 errors."; ruff format --check: "12 files already formatted". */
export function summarizeRuff(checkOutput: string, formatOutput?: string): string {
  const pick = (text: string, patterns: readonly RegExp[]): string | undefined => {
    const lines = stripAnsi(text).split(/\r?\n/);
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = (lines[i] ?? "").trim();
      if (patterns.some((p) => p.test(line))) return line.replace(/\.$/, "");
    }
    return undefined;
  };
  const check =
    pick(checkOutput, [/^All checks passed/, /^Found \d+ errors?/]) ?? lastMeaningfulLine(checkOutput);
  if (formatOutput === undefined) return check;
  const format =
    pick(formatOutput, [/files? (already formatted|would be reformatted|left unchanged)/]) ??
    lastMeaningfulLine(formatOutput);
  return `${check}; ${format}`;
}

/** uv sync: "Installed 45 packages in 1.20s", or "Audited 45 packages" when everything was there. */
export function summarizeUvSync(output: string): string {
  const lines = stripAnsi(output).split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? "").trim();
    if (/^(Installed|Audited|Checked|Uninstalled|Resolved) \d+ packages?/.test(line)) return line;
  }
  return lastMeaningfulLine(output);
}

/** The last non-empty line, shortened; the fallback summary of any tool. */
export function lastMeaningfulLine(output: string, maxLength = 160): string {
  const lines = stripAnsi(output)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const line = lines[lines.length - 1] ?? "(no output)";
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}

/** Lines of `output` matching any pattern, in order, de-duplicated, at most `max`. */
function matching(output: string, patterns: readonly RegExp[], max: number): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of stripAnsi(output).split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim() || seen.has(line) || !patterns.some((p) => p.test(line))) continue;
    seen.add(line);
    lines.push(line.length > 240 ? `${line.slice(0, 239)}…` : line);
    if (lines.length >= max) break;
  }
  return lines;
}

/** The last `max` non-empty lines, without `$ command` headers. */
function tail(output: string, max: number): string[] {
  return stripAnsi(output)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !l.startsWith("$ "))
    .slice(-max)
    .map((l) => (l.length > 240 ? `${l.slice(0, 239)}…` : l));
}

/** The last exception of a Python traceback: "sqlalchemy.exc.OperationalError: …". */
const EXCEPTION_LINE = /^(\w+\.)*\w*(Error|Exception|Exit|Interrupt|Failure)\b.*:|^FAILED\b|^ERROR\b/;

/**
 * The first lines worth reading when a step fails, shown inline under the scorecard: the diagnostics
 * themselves (file:line: message, FAILED test ids, the exception), not the noise around them.
 */
export function errorExcerpt(step: string, output: string, max = 8): string[] {
  const byStep: Record<string, readonly RegExp[]> = {
    install: [/^\s*error:/i, /^\s*×/, /^\s*╰─▶/, /^\s*(Because|And because|hint:)/],
    lint: [/^\S+:\d+:\d+: [A-Z]+\d+/, /^Would reformat:/, /^\s*error:/i],
    types: [/^\S+:\d+(:\d+)?: error:/],
    migrations: [/^FAILED:/, /^ERROR \[/, EXCEPTION_LINE],
    tests: [/^(FAILED|ERROR) \S/, /^FAIL Required test coverage/, /^E {3}/],
    boot: [/^boot:/, EXCEPTION_LINE],
    fuzz: [/^fuzz:/, /^_{3,} .+ _{3,}$/, /^\s*\d+\. /, /^\[\d{3}\]/, /^\s*(curl|Reproduce)/],
    toolchain: [/^toolchain:/, /^\s*error:/i],
  };
  const patterns = byStep[step];
  const found = patterns ? matching(output, patterns, max) : [];
  return found.length > 0 ? found : tail(output, Math.min(max, 6));
}
