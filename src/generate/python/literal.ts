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

/** A tuple of string literals, e.g. `("a", "b")` or `("a",)`. */
export function pyTuple(items: readonly string[]): string {
  return `(${items.map(pyStr).join(", ")}${items.length === 1 ? "," : ""})`;
}

/**
 * A string literal that stays within the line length at the given indent: long text becomes implicitly
 * concatenated parts in parentheses, split at spaces (ruff's formatter keeps them as they are).
 */
export function pyText(value: string, indent: number, lineLength = 100): string {
  const width = lineLength - indent - 8;
  if (pyStr(value).length <= width) return pyStr(value);
  const parts: string[] = [];
  let current = "";
  for (const word of value.split(/(?<= )/)) {
    if (current && pyStr(current + word).length > width) {
      parts.push(current);
      current = "";
    }
    current += word;
  }
  if (current) parts.push(current);
  const pad = " ".repeat(indent + 4);
  return `(\n${parts.map((p) => `${pad}${pyStr(p)}`).join("\n")}\n${" ".repeat(indent)})`;
}
