/** Generation entry: Blueprint → resolved model → target project model → formatted virtual tree. */
import { resolveProject } from "../blueprint/resolve.js";
import type { Blueprint } from "../blueprint/schema.js";
import { formatTree } from "../format/ruff.js";
import { buildFastapiProject } from "./targets/fastapi/index.js";
import type { VirtualTree } from "./tree.js";

export function generateTree(blueprint: Blueprint): VirtualTree {
  const project = resolveProject(blueprint);
  const model = buildFastapiProject(project);
  return formatTree(model.tree, { pythonVersion: blueprint.python, firstParty: [model.pkg, "tests"] });
}
