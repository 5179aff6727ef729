/** Blueprint problems, each pinned to a file position and a path, reported all at once. */

export interface BlueprintIssue {
  file: string;
  /** 1-based; absent when the problem is not about a place in the file (e.g. the file is missing). */
  line?: number;
  column?: number;
  /** Path inside the blueprint, e.g. `["entities", 1, "fields", 0, "type"]`. */
  path: (string | number)[];
  message: string;
  /** How to fix it, when we can tell. */
  hint?: string;
}

/** `["entities", 1, "fields", 0, "type"]` → `entities[1].fields[0].type`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => {
      if (typeof part === "number") return `[${part}]`;
      // Keys that are not identifiers (free-form feature names) are quoted so the path stays unambiguous.
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) return `[${JSON.stringify(part)}]`;
      return i === 0 ? part : `.${part}`;
    })
    .join("");
}

/** One line in the compiler-style `file:line:col path: message; hint` shape editors can jump to. */
export function formatIssue(issue: BlueprintIssue): string {
  const location = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const where = issue.path.length > 0 ? `${location} ${formatPath(issue.path)}:` : `${location}:`;
  const hint = issue.hint ? `; ${issue.hint}` : "";
  return `${where} ${issue.message}${hint}`;
}

export function formatIssues(issues: readonly BlueprintIssue[]): string {
  return issues.map(formatIssue).join("\n");
}

/** Issues in file order; issues without a position (a missing file) come first. */
export function sortIssues(issues: readonly BlueprintIssue[]): BlueprintIssue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/**
 * Thrown by every blueprint intake. The message is the whole report (one issue per line) so that a CLI can
 * print `error.message` as is; callers that want structure read `issues`.
 */
export class BlueprintError extends Error {
  readonly issues: BlueprintIssue[];

  constructor(issues: readonly BlueprintIssue[]) {
    const sorted = sortIssues(issues);
    super(formatIssues(sorted));
    this.name = "BlueprintError";
    this.issues = sorted;
  }
}
