/**
 * A target turns a resolved project into the project model of one framework. Targets share the
 * blueprint, the resolved model, the Python helpers (src/generate/python/) and the table definitions;
 * each writes its framework's own layout, settings, migrations and tests.
 */
import type { ResolvedProject } from "../../blueprint/resolve.js";
import type { Blueprint } from "../../blueprint/schema.js";
import type { ProjectModel } from "../project-model.js";

export type Framework = Blueprint["framework"];

/** A decision of the plan that depends on the framework: what was chosen, and why. */
export interface StackChoice {
  readonly choice: string;
  readonly reason: string;
}

/** What the plan says about the parts of the stack each framework does its own way. */
export interface StackNotes {
  /** Where the domain packages live, e.g. `src/shop/`, and the project's other top-level parts. */
  readonly layout: (name: string) => string;
  /** How requests are validated and responses shaped. */
  readonly validation: StackChoice;
  /** ORM, drivers, migrations and loading of related rows. */
  readonly data: (database: Blueprint["database"]) => readonly StackChoice[];
  /** Where the business logic lives. */
  readonly services: StackChoice;
  /** Async or sync, and where concurrency comes from. */
  readonly concurrency: StackChoice;
  readonly middleware: StackChoice;
  /** The test stack, e.g. "pytest + pytest-asyncio + httpx AsyncClient". */
  readonly tests: string;
  readonly performance: StackChoice;
  /** The command that proves models and migrations agree, e.g. "alembic check". */
  readonly migrationCheck: string;
  readonly server: StackChoice;
}

export interface Target {
  readonly framework: Framework;
  /** One line for the plan: why this framework fits. */
  readonly rationale: string;
  readonly stack: StackNotes;
  build(project: ResolvedProject): ProjectModel;
}
