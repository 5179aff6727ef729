/** The library API: the same pipeline the CLI runs, for programs (and the MCP and web adapters). */
import type { Blueprint } from "./blueprint/schema.js";
import { generateTree } from "./generate/index.js";
import type { VirtualTree } from "./generate/tree.js";

export { BlueprintError } from "./blueprint/errors.js";
export { blueprintJsonSchema } from "./blueprint/json-schema.js";
export type { Blueprint, BlueprintInput } from "./blueprint/schema.js";
export { VirtualTree } from "./generate/tree.js";
export { loadBlueprintFile, parseBlueprintYaml } from "./intake/yaml/load.js";
export { TargetNotEmptyError, writeProject } from "./write/write.js";

/** Generate the whole project in memory: deterministic, nothing written. */
export async function generateProject(blueprint: Blueprint): Promise<VirtualTree> {
  return generateTree(blueprint);
}
