/**
 * A target turns a resolved project into the project model of one framework. Targets share the
 * blueprint, the resolved model, the Python helpers (src/generate/python/) and the table definitions;
 * each writes its framework's own layout, settings, migrations and tests.
 */
import type { ResolvedProject } from "../../blueprint/resolve.js";
import type { Blueprint } from "../../blueprint/schema.js";
import type { ProjectModel } from "../project-model.js";

export type Framework = Blueprint["framework"];

export interface Target {
  readonly framework: Framework;
  /** One line for the plan: why this framework fits. */
  readonly rationale: string;
  build(project: ResolvedProject): ProjectModel;
}
