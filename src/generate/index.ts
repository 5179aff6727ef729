/** Generation entry: Blueprint → resolved model → target project model → formatted virtual tree. */
import { resolveProject } from "../blueprint/resolve.js";
import type { Blueprint } from "../blueprint/schema.js";
import { formatTree } from "../format/ruff.js";
import { targetFor } from "./targets/index.js";
import type { VirtualTree } from "./tree.js";

export function generateTree(blueprint: Blueprint): VirtualTree {
  const project = resolveProject(blueprint);
  const target = targetFor(blueprint.framework);
  // planProject lists an unavailable framework as unsupported; callers check that before generating.
  if (!target) throw new Error(`internal: no target for ${blueprint.framework}`);
  const model = target.build(project);
  return formatTree(model.tree, { pythonVersion: blueprint.python, firstParty: [model.pkg, "tests"] });
}
