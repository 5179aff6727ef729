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

  constructor(
    readonly name: string,
    readonly pkg: string,
  ) {}

  addDependency(name: string, spec: string, dev = false): void {
    (dev ? this.devDependencies : this.dependencies).set(name, spec);
  }

  addSetting(setting: Setting): void {
    if (this.settings.some((s) => s.name === setting.name)) throw new Error(`internal: setting ${setting.name} twice`);
    this.settings.push(setting);
  }
}
