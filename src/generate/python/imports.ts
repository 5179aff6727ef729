/**
 * Collects `module:name` imports and renders them as `from module import a, b` lines. Ordering into
 * isort sections is left to ruff's import sorter in the format step, the same one the project lints with.
 */
export class Imports {
  readonly #byModule = new Map<string, Set<string>>();
  readonly #plain = new Set<string>();

  /** Adds `module:name` specs; a spec without a colon is a plain `import module`. */
  add(...specs: readonly string[]): this {
    for (const spec of specs) {
      const colon = spec.indexOf(":");
      if (colon < 0) {
        this.#plain.add(spec);
        continue;
      }
      const module = spec.slice(0, colon);
      const names = this.#byModule.get(module) ?? new Set<string>();
      names.add(spec.slice(colon + 1));
      this.#byModule.set(module, names);
    }
    return this;
  }

  render(): string {
    const plain = [...this.#plain].sort().map((m) => `import ${m}`);
    const from = [...this.#byModule.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([module, names]) => `from ${module} import ${[...names].sort().join(", ")}`);
    return [...plain, ...from].join("\n");
  }
}

/** A Python module: its imports and body, joined the way ruff's formatter expects. */
export function pyModule(docstring: string, imports: Imports, body: string): string {
  const parts = [`"""${docstring}"""`];
  const rendered = imports.render();
  if (rendered) parts.push(rendered);
  parts.push(body.trim());
  return `${parts.join("\n\n")}\n`;
}
