/**
 * The typed project model that features contribute to and targets assemble into files. A feature adds
 * dependencies, settings, routers, files and README sections here; it never edits text another wrote.
 */
import { VirtualTree } from "./tree.js";

export interface Setting {
  /** Attribute name on Settings (snake_case); the env var is its upper-case form. */
  readonly name: string;
  readonly type: string;
  /** Python expression of the default value. */
  readonly default: string;
  /** Value written to .env.example (defaults to the default's literal form). */
  readonly example: string;
  readonly doc: string;
  /** Python imports the type or default need (`module:name`). */
  readonly imports?: readonly string[];
}

export interface RouterRef {
  /** Python module that exposes `router`, e.g. `shop.products.router`. */
  readonly module: string;
  /** Alias used in main.py, e.g. `products_router`. */
  readonly alias: string;
}

/** A rule Settings enforces when ENVIRONMENT=production (e.g. no development secrets). */
export interface ProductionCheck {
  /** Python expression over \`self\` that is true when the settings are unsafe. */
  readonly condition: string;
  readonly message: string;
}

/** A table as the initial migration creates it; must mirror what the ORM models declare. */
export interface TableDef {
  readonly name: string;
  readonly columns: readonly {
    readonly name: string;
    /** Alembic type expression, e.g. \`sa.String(length=200)\`. */
    readonly type: string;
    readonly nullable: boolean;
    readonly serverDefaultNow?: boolean;
  }[];
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly {
    readonly column: string;
    readonly table: string;
    readonly onDelete: string;
  }[];
  readonly uniques: readonly (readonly string[])[];
  readonly indexes: readonly {
    readonly name: string;
    readonly columns: readonly string[];
    readonly unique: boolean;
  }[];
}

/** An object the app factory creates per application and keeps on \`app.state\`. */
export interface AppState {
  readonly name: string;
  /** Python expression building it; \`settings\` is in scope. */
  readonly expr: string;
  readonly imports: readonly string[];
}

export interface ReadmeSection {
  readonly title: string;
  readonly body: string;
}

export class ProjectModel {
  readonly tree = new VirtualTree();
  readonly dependencies = new Map<string, string>();
  readonly devDependencies = new Map<string, string>();
  readonly settings: Setting[] = [];
  readonly routers: RouterRef[] = [];
  /** Modules whose import registers ORM models (for Alembic and mapper configuration). */
  readonly modelModules: string[] = [];
  readonly readme: ReadmeSection[] = [];
  readonly productionChecks: ProductionCheck[] = [];
  readonly appState: AppState[] = [];
  /** Tables in creation order (referenced tables first). */
  readonly tables: TableDef[] = [];
  /** The command that makes `{email}` an administrator (password on stdin), when there is auth. */
  adminCommand: readonly string[] | undefined;

  constructor(
    readonly name: string,
    readonly pkg: string,
  ) {}

  addDependency(name: string, spec: string, dev = false): void {
    (dev ? this.devDependencies : this.dependencies).set(name, spec);
  }

  addSetting(setting: Setting): void {
    if (this.settings.some((s) => s.name === setting.name))
      throw new Error(`internal: setting ${setting.name} twice`);
    this.settings.push(setting);
  }
}
