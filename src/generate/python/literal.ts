/** Python literal rendering: one place decides quoting, so generated code is consistent. */

export function pyStr(value: string): string {
  const escaped = value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
  return `"${escaped}"`;
}

/** A raw string for regular expressions; falls back to a normal string when the pattern ends in `\`. */
export function pyRegex(pattern: string): string {
  if (pattern.includes('"') || pattern.endsWith("\\")) return pyStr(pattern);
  return `r"${pattern}"`;
}

export function pyList(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}
