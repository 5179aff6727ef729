/**
 * The wizard's answers and the pure function that turns them into a Blueprint. The answers arrive as the
 * strings the prompts return; they are checked here, so a wrong value is an error with its question's name
 * rather than a malformed project.
 */
import { basename, resolve } from "node:path";
import { z } from "zod";
import { BlueprintError } from "../../blueprint/errors.js";
import { type Blueprint, type BlueprintInput, blueprintSchema, FRAMEWORKS } from "../../blueprint/schema.js";
import { validateBlueprint } from "../../blueprint/validate.js";
import { snakeCase } from "../../generate/python/naming.js";
import {
  type AuthKind,
  catalogDomain,
  catalogSource,
  type EntitySource,
  type EntitySourceId,
  nounsSource,
  requestSource,
} from "./entities.js";

/** What the wizard knows before the first question. */
export interface WizardContext {
  /** The target directory: its name is the default project name. */
  readonly dir: string;
  /** The Blueprint read from a request given with --interactive: it preselects every answer. */
  readonly request?: Blueprint;
  /** `--framework` from the command line, preselected over the request's. */
  readonly framework?: Blueprint["framework"];
}

export const DEPLOY_FILES = ["docker", "ci"] as const;

const answersSchema = z.object({
  what: z.string().refine((v) => v === "request" || v === "nouns" || catalogDomain(v as EntitySourceId), {
    message: "unknown choice",
  }),
  nouns: z.string().optional(),
  name: z.string(),
  framework: z.enum(FRAMEWORKS),
  database: blueprintSchema.shape.database.unwrap(),
  auth: z.enum(["jwt", "none"]),
  roles: z.string().optional(),
  deploy: z.array(z.enum(DEPLOY_FILES)),
});

export type WizardAnswers = z.output<typeof answersSchema> & { readonly what: EntitySourceId };

/** Raw prompt results, keyed by question id. */
export type RawAnswers = Partial<Record<keyof WizardAnswers, string | string[]>>;

export function parseAnswers(raw: RawAnswers): WizardAnswers {
  const parsed = answersSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BlueprintError(
      parsed.error.issues.map((issue) => ({
        file: "wizard",
        path: issue.path.map(String),
        message: issue.message,
      })),
    );
  }
  return parsed.data as WizardAnswers;
}

/** "admin, editor viewer" → ["admin", "editor", "viewer"]. */
export function splitRoles(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((role) => role.trim().toLowerCase())
    .filter(Boolean);
}

/** The entities, description, name and roles the first answer implies, for the chosen auth. */
export function entitySource(
  what: EntitySourceId,
  nouns: string | undefined,
  auth: AuthKind,
  context: WizardContext,
): EntitySource | { readonly problem: string } {
  if (what === "request") {
    return context.request
      ? requestSource(context.request, auth)
      : { problem: "there is no request to read entities from" };
  }
  if (what === "nouns") return nounsSource(nouns ?? "", auth);
  const domain = catalogDomain(what);
  return domain ? catalogSource(domain, auth) : { problem: `unknown domain ${what}` };
}

/** The directory's name as a package name, when it makes a valid one (`./my-shop` → `my_shop`). */
export function nameFromDir(dir: string): string | undefined {
  const name = snakeCase(basename(resolve(dir)))
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return blueprintSchema.shape.name.safeParse(name).success ? name : undefined;
}

/** The pure core of the wizard: answers → a valid Blueprint (or a BlueprintError naming what is wrong). */
export function wizardBlueprint(answers: WizardAnswers, context: WizardContext): Blueprint {
  const source = entitySource(answers.what, answers.nouns, answers.auth, context);
  if ("problem" in source) {
    throw new BlueprintError([{ file: "wizard", path: ["entities"], message: source.problem }]);
  }
  const request = answers.what === "request" ? context.request : undefined;
  const input: BlueprintInput = {
    name: answers.name,
    description: source.description,
    framework: answers.framework,
    database: answers.database,
    // What the wizard does not ask stays as the request had it.
    ...(request ? { python: request.python } : {}),
    auth:
      answers.auth === "jwt"
        ? {
            kind: "jwt",
            roles: splitRoles(answers.roles ?? source.roles.join(", ")),
            ...(request?.auth.kind === "jwt"
              ? {
                  access_token_minutes: request.auth.access_token_minutes,
                  refresh_token_days: request.auth.refresh_token_days,
                }
              : {}),
          }
        : { kind: "none" },
    entities: source.entities,
    deploy: { docker: answers.deploy.includes("docker"), ci: answers.deploy.includes("ci") },
    // Features the request asked for are never dropped: validation names the ones not built yet.
    ...(request && Object.keys(request.features).length > 0 ? { features: request.features } : {}),
  };
  const parsed = blueprintSchema.safeParse(input);
  if (!parsed.success) {
    throw new BlueprintError(
      parsed.error.issues.map((issue) => ({
        file: "wizard",
        path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
        message: issue.message,
      })),
    );
  }
  const issues = validateBlueprint(parsed.data);
  if (issues.length > 0) throw new BlueprintError(issues.map((issue) => ({ ...issue, file: "wizard" })));
  return parsed.data;
}
