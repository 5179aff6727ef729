/** The only step that touches the disk: writes a virtual tree into a directory, never over a user's files. */
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { VirtualTree } from "../generate/tree.js";

export class TargetNotEmptyError extends Error {
  constructor(readonly dir: string) {
    super(`${dir} is not empty; choose a new directory, or pass --force to write into it`);
  }
}

const PARALLEL_WRITES = 8;

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
  const files = tree.files();
  for (const folder of new Set(files.map((file) => dirname(join(dir, file.path))))) {
    await mkdir(folder, { recursive: true });
  }
  // A few writes in flight at once: one at a time leaves the disk idle between them (400 files took
  // twice as long), all at once could run out of file handles on a large project.
  const pending = [...files];
  const writer = async (): Promise<void> => {
    for (let file = pending.shift(); file; file = pending.shift()) {
      await writeFile(join(dir, file.path), file.content);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_WRITES }, writer));
  return files.map((file) => file.path);
}
