/**
 * Collects `module:name` imports and renders them as isort (ruff's `I001`) would: standard library, third
 * party and first party sections; plain imports before from-imports; names ordered constants, classes,
 * then functions. Rendering them right here spares the format step a lint pass per file.
 */

/** Standard-library modules generated code imports; anything else is third party or first party. */
const STDLIB = new Set([
  "argparse",
  "asyncio",
  "base64",
  "binascii",
  "collections",
  "contextlib",
  "csv",
  "dataclasses",
  "datetime",
  "decimal",
  "enum",
  "functools",
  "getpass",
  "importlib",
  "hashlib",
  "itertools",
  "json",
  "logging",
  "math",
  "os",
  "pathlib",
  "re",
  "secrets",
  "subprocess",
  "sys",
  "time",
  "typing",
  "unittest",
  "uuid",
]);

export class Imports {
  readonly #byModule = new Map<string, Set<string>>();
  readonly #plain = new Set<string>();

  /** Adds `module:name` specs (`module:name as alias` too); a spec without a colon is `import module`. */
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

  /** Sections separated by a blank line; `firstParty` names the project's own top-level packages. */
  render(firstParty: readonly string[]): string {
    const sections: [string[], string[], string[]] = [[], [], []];
    const sectionOf = (module: string): 0 | 1 | 2 => {
      const top = module.split(".")[0] ?? module;
      if (STDLIB.has(top)) return 0;
      return firstParty.includes(top) ? 2 : 1;
    };
    for (const module of [...this.#plain].sort(byModule))
      sections[sectionOf(module)].push(`import ${module}`);
    for (const module of [...this.#byModule.keys()].sort(byModule)) {
      const names = [...(this.#byModule.get(module) ?? [])].sort(byMember);
      sections[sectionOf(module)].push(`from ${module} import ${names.join(", ")}`);
    }
    return sections
      .filter((lines) => lines.length > 0)
      .map((lines) => lines.join("\n"))
      .join("\n\n");
  }
}

function byModule(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** isort's order-by-type: CONSTANTS, then Classes, then everything else; case-insensitive within each. */
function byMember(a: string, b: string): number {
  const kind = (name: string): number => {
    const bare = name.split(" as ")[0] ?? name;
    if (bare.length > 1 && bare === bare.toUpperCase()) return 0;
    return /^[A-Z]/.test(bare) ? 1 : 2;
  };
  return kind(a) - kind(b) || byModule(a, b);
}

/** A Python module: docstring, imports and body, laid out the way ruff's formatter expects. */
export function pyModule(
  docstring: string,
  imports: Imports,
  body: string,
  firstParty: readonly string[],
): string {
  const parts = [`"""${docstring}"""`];
  const rendered = imports.render(firstParty);
  if (rendered) parts.push(rendered);
  parts.push(body.trim());
  return `${parts.join("\n\n")}\n`;
}
