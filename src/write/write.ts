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

/** Fails unless the directory is missing or empty (or `force` is set): checked before any work is done. */
export async function assertWritable(dir: string, options: WriteOptions = {}): Promise<void> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (existing.length > 0 && !options.force) throw new TargetNotEmptyError(dir);
}

export async function writeProject(
  dir: string,
  tree: VirtualTree,
  options: WriteOptions = {},
): Promise<string[]> {
  await assertWritable(dir, options);
  const written: string[] = [];
  for (const file of tree.files()) {
    const path = join(dir, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
    written.push(file.path);
  }
  return written;
}
