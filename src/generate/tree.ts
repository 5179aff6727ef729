/** The virtual file tree: everything a generation produces, held in memory until the write step. */
export interface GeneratedFile {
  /** POSIX path relative to the project root. */
  readonly path: string;
  readonly content: string;
}

export class VirtualTree {
  readonly #files = new Map<string, string>();

  /** Adds a file; two contributions to one path are a generator bug, so they fail loudly. */
  add(path: string, content: string): void {
    if (this.#files.has(path)) throw new Error(`internal: two generators wrote ${path}`);
    this.#files.set(path, content.endsWith("\n") ? content : `${content}\n`);
  }

  get(path: string): string | undefined {
    return this.#files.get(path);
  }

  /** Files sorted by path, so every consumer sees the same order. */
  files(): GeneratedFile[] {
    return [...this.#files.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, content]) => ({ path, content }));
  }
}
