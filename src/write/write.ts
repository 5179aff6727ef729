/** The only step that touches the disk: writes a virtual tree into a directory, never over a user's files. */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { VirtualTree } from "../generate/tree.js";

export class TargetNotEmptyError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} is not empty; choose a new directory, or pass --force to write into it`);
  }
}

export interface WriteOptions {
  /** Write into a non-empty directory, replacing files the generator produces. */
  readonly force?: boolean;
}

export async function writeProject(
  dir: string,
  tree: VirtualTree,
  options: WriteOptions = {},
): Promise<string[]> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (existing.length > 0 && !options.force) throw new TargetNotEmptyError(dir);
  const written: string[] = [];
  for (const file of tree.files()) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    written.push(file.path);
  }
  return written;
}
