/** The Django apps of a project (one per domain) and the names derived from them once. */
import type { ResolvedEntity, ResolvedProject } from "../../../blueprint/resolve.js";
import { pascalCase } from "../../python/naming.js";

export interface DjangoApp {
  /** Python module, e.g. `blog.posts`. */
  readonly module: string;
  /** Dotted path of its AppConfig, for INSTALLED_APPS. */
  readonly config: string;
  /** App label: migrations and lazy model references (`posts.Post`) use it. */
  readonly label: string;
  /** URL prefix of its routes (entity apps only). */
  readonly route: string;
  readonly viewset?: string;
  readonly basename: string;
}

/** Labels Django or the project's own apps already use; an entity app with one of these is prefixed. */
const TAKEN_LABELS = new Set([
  "admin",
  "auth",
  "contenttypes",
  "sessions",
  "messages",
  "staticfiles",
  "corsheaders",
  "rest_framework",
  "django_filters",
  "drf_spectacular",
  "core",
  "users",
]);

export function appLabel(project: ResolvedProject, entity: ResolvedEntity): string {
  return TAKEN_LABELS.has(entity.plural) ? `${project.name}_${entity.plural}` : entity.plural;
}

/** Lazy model reference, e.g. `posts.Post`. */
export function modelRef(project: ResolvedProject, entity: ResolvedEntity): string {
  return `${appLabel(project, entity)}.${entity.name}`;
}

export function configClass(plural: string): string {
  return `${pascalCase(plural)}Config`;
}

export function projectApps(project: ResolvedProject): DjangoApp[] {
  const pkg = project.name;
  const apps: DjangoApp[] = [
    { module: `${pkg}.core`, config: `${pkg}.core.apps.CoreConfig`, label: "core", route: "", basename: "" },
    {
      module: `${pkg}.users`,
      config: `${pkg}.users.apps.UsersConfig`,
      label: "users",
      route: "",
      basename: "",
    },
  ];
  for (const entity of project.entities) {
    apps.push({
      module: `${pkg}.${entity.plural}`,
      config: `${pkg}.${entity.plural}.apps.${configClass(entity.plural)}`,
      label: appLabel(project, entity),
      route: entity.plural,
      viewset: `${entity.name}ViewSet`,
      basename: entity.snake,
    });
  }
  return apps;
}
