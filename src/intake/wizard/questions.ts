/**
 * The wizard's questions, as data: what a specialist asks before starting a backend, in that order, each
 * with its choices and a default computed from the request (when one was given) and the earlier answers.
 * Only values the Blueprint schema accepts are offered.
 */
import { blueprintSchema, FRAMEWORKS } from "../../blueprint/schema.js";
import { AVAILABLE_FRAMEWORKS } from "../../generate/targets/index.js";
import { DOMAINS } from "../nl/index.js";
import {
  DEPLOY_FILES,
  entitySource,
  nameFromDir,
  type RawAnswers,
  splitRoles,
  type WizardContext,
} from "./answers.js";
import { DEFAULT_ROLES, type EntitySourceId } from "./entities.js";

export interface Choice {
  readonly value: string;
  readonly name: string;
  readonly description?: string;
}

interface Common {
  readonly id: keyof RawAnswers;
  readonly message: string;
  /** Asked only when this holds for the answers so far. */
  readonly when?: (answers: RawAnswers, context: WizardContext) => boolean;
}

export interface SelectQuestion extends Common {
  readonly kind: "select";
  readonly choices: (context: WizardContext, answers: RawAnswers) => readonly Choice[];
  readonly default: (context: WizardContext, answers: RawAnswers) => string;
}

export interface InputQuestion extends Common {
  readonly kind: "input";
  readonly default: (context: WizardContext, answers: RawAnswers) => string | undefined;
  /** true, or the message shown under the prompt until the answer is fixed. */
  readonly validate: (value: string, context: WizardContext, answers: RawAnswers) => true | string;
}

export interface CheckboxQuestion extends Common {
  readonly kind: "checkbox";
  readonly choices: (
    context: WizardContext,
    answers: RawAnswers,
  ) => readonly (Choice & { checked: boolean })[];
}

export type Question = SelectQuestion | InputQuestion | CheckboxQuestion;

const text = (value: string | string[] | undefined): string | undefined =>
  typeof value === "string" ? value : undefined;

const what = (answers: RawAnswers): EntitySourceId => (text(answers.what) ?? "nouns") as EntitySourceId;

/** Preselected auth: the request's, else JWT (asked after the entities, so read it from the context). */
const requestAuth = (context: WizardContext) => context.request?.auth.kind ?? "jwt";

function entityList(names: readonly string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(", ")}, …` : names.join(", ");
}

const FRAMEWORK_NOTES: Readonly<Record<(typeof FRAMEWORKS)[number], string>> = {
  fastapi: "async, Pydantic v2, OpenAPI; SQLAlchemy 2 and Alembic",
  django: "Django REST framework, the Django ORM and admin",
  flask: "Flask blueprints, Flask-SQLAlchemy, Flask-Migrate",
};

const DATABASE_NOTES: Readonly<Record<string, string>> = {
  sqlite: "embedded: runs and tests with no server",
  postgresql: "a server (compose starts one); tests run on SQLite or on it",
};

export const QUESTIONS: readonly Question[] = [
  {
    kind: "select",
    id: "what",
    message: "What will it manage?",
    choices: (context) => [
      ...(context.request
        ? [
            {
              value: "request",
              name: "What the request describes",
              description: entityList(context.request.entities.map((e) => e.name)),
            },
          ]
        : []),
      ...DOMAINS.map((domain) => ({
        value: `catalog:${domain.id}`,
        name: domain.label.charAt(0).toUpperCase() + domain.label.slice(1),
        description: entityList(domain.entities.map((e) => e.name)),
      })),
      { value: "nouns", name: "Something else", description: "name the things it stores" },
    ],
    default: (context) => (context.request ? "request" : `catalog:${DOMAINS[0]?.id}`),
  },
  {
    kind: "input",
    id: "nouns",
    message: "What does it store? (plural nouns, e.g. books, authors and loans)",
    when: (answers) => answers.what === "nouns",
    default: () => undefined,
    validate: (value, context) => {
      const source = entitySource("nouns", value, requestAuth(context), context);
      return "problem" in source ? source.problem : true;
    },
  },
  {
    kind: "input",
    id: "name",
    message: "Project name (the Python package)",
    default: (context, answers) => {
      if (answers.what === "request" && context.request) return context.request.name;
      const source = entitySource(what(answers), text(answers.nouns), requestAuth(context), context);
      return nameFromDir(context.dir) ?? ("problem" in source ? undefined : source.name);
    },
    validate: (value) => {
      const checked = blueprintSchema.shape.name.safeParse(value);
      return checked.success || (checked.error.issues[0]?.message ?? "not a valid name");
    },
  },
  {
    kind: "select",
    id: "framework",
    message: "Framework",
    choices: () =>
      FRAMEWORKS.map((framework) => ({
        value: framework,
        name: framework,
        description: AVAILABLE_FRAMEWORKS.includes(framework)
          ? FRAMEWORK_NOTES[framework]
          : `${FRAMEWORK_NOTES[framework]} (not generated yet: the plan will refuse it)`,
      })),
    default: (context) => context.framework ?? context.request?.framework ?? "fastapi",
  },
  {
    kind: "select",
    id: "database",
    message: "Database",
    choices: () =>
      blueprintSchema.shape.database.unwrap().options.map((database) => ({
        value: database,
        name: database,
        description: DATABASE_NOTES[database] ?? database,
      })),
    default: (context) => context.request?.database ?? "sqlite",
  },
  {
    kind: "select",
    id: "auth",
    message: "Authentication",
    choices: () => [
      {
        value: "jwt",
        name: "JWT",
        description: "register, log in, access + refresh tokens, roles, ownership",
      },
      { value: "none", name: "none", description: "every endpoint is open; rows have no owner" },
    ],
    default: requestAuth,
  },
  {
    kind: "input",
    id: "roles",
    message: "Roles (first: administrators; second: new sign-ups)",
    when: (answers) => answers.auth === "jwt",
    default: (context, answers) => {
      const source = entitySource(what(answers), text(answers.nouns), "jwt", context);
      return ("problem" in source ? DEFAULT_ROLES : source.roles).join(", ");
    },
    validate: (value) => {
      const roles = splitRoles(value);
      if (roles.length < 2) return "give an administrator role and at least one other, e.g. admin, user";
      const bad = roles.find((role) => !blueprintSchema.shape.name.safeParse(role).success);
      if (bad) return `"${bad}": use snake_case (lowercase letters, digits, underscores)`;
      const twice = roles.find((role, i) => roles.indexOf(role) !== i);
      return twice ? `"${twice}" is listed twice` : true;
    },
  },
  {
    kind: "checkbox",
    id: "deploy",
    message: "Deployment files",
    choices: (context) => {
      const deploy = context.request?.deploy ?? { docker: true, ci: true };
      const names: Readonly<Record<(typeof DEPLOY_FILES)[number], string>> = {
        docker: "Dockerfile and compose.yaml",
        ci: "GitHub Actions CI workflow",
      };
      return DEPLOY_FILES.map((file) => ({ value: file, name: names[file], checked: deploy[file] }));
    },
  },
];
