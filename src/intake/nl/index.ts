/**
 * From a sentence to a Blueprint, offline and rule-based. The request is tokenized (misspellings of product
 * names corrected), matched against the vocabulary and the domain catalog, negations applied, and turned
 * into a Blueprint. Everything the reader recognised is listed in `understood`, every guess in
 * `assumptions`, and everything asked for that is not built yet in `unsupported` (and kept in the
 * Blueprint as a framework or a `features` key, so the plan reports it too): nothing is dropped silently.
 */
import { type Blueprint, type BlueprintInput, blueprintSchema } from "../../blueprint/schema.js";
import { Draft, type FeatureOptions } from "./draft.js";
import { type EntityPlan, planEntities, repair } from "./entities.js";
import { resolveFeatures, unsupportedList } from "./features.js";
import { readMentions } from "./mentions.js";
import { projectName } from "./naming.js";
import {
  accessTokenMinutes,
  applyMention,
  chooseAuth,
  chooseDatabase,
  chooseFramework,
  choosePython,
  chooseRoles,
} from "./settings.js";

export { DOMAINS, type Domain } from "./catalog.js";
export { type Mention, readMentions } from "./mentions.js";
export { FEATURES, TERMS } from "./vocabulary.js";

export interface RequestReading {
  /** Valid (schema + semantic rules) whenever `unsupported` is empty. */
  readonly blueprint: BlueprintInput;
  /** What was recognised, each with the words it came from. */
  readonly understood: string[];
  /** Every guess: defaults chosen, entities inferred, options filled in. */
  readonly assumptions: string[];
  /** Asked for but not built yet; generation must refuse while this is not empty. */
  readonly unsupported: string[];
  readonly source: "rules";
}

/** Reads a request in English: offline, deterministic, no LLM. */
export function parseRequest(text: string): RequestReading {
  const reading = readMentions(text);
  const draft = new Draft();
  for (const mention of reading.mentions) applyMention(draft, mention);

  const framework = chooseFramework(draft);
  const database = chooseDatabase(draft);
  const auth = chooseAuth(draft);
  const python = choosePython(reading.normalized, draft);
  resolveFeatures(draft, reading.tokens, reading.normalized);
  const plan = planEntities(reading, draft, auth);
  if (draft.pagination) for (const entity of plan.entities) entity.pagination = draft.pagination;
  chatWithoutRealtime(plan, draft);
  const roles = auth === "jwt" ? chooseRoles(reading.tokens, plan.domain, draft) : undefined;
  const minutes = auth === "jwt" ? accessTokenMinutes(reading.normalized, draft) : undefined;

  const blueprint: BlueprintInput = {
    name: projectName(reading, plan, draft, framework),
    description: describe(text, plan),
    framework,
    database: database === "postgresql" ? "postgresql" : "sqlite",
    ...(python.supported ? { python: python.supported } : {}),
    auth:
      auth === "jwt"
        ? { kind: "jwt", ...(roles ? { roles } : {}), ...(minutes ? { access_token_minutes: minutes } : {}) }
        : { kind: "none" },
    entities: plan.entities,
    deploy: chooseDeploy(draft),
  };
  const features = featuresOf(draft, database, python.unsupported);
  if (Object.keys(features).length > 0) blueprint.features = features;
  repair(blueprint, draft);
  return {
    blueprint,
    understood: draft.understood,
    assumptions: draft.assumptions,
    unsupported: unsupportedList(blueprint, framework),
    source: "rules",
  };
}

/** A reading as text for the terminal: what was understood, what was assumed, what is not supported yet. */
export function formatReading(reading: RequestReading): string {
  const section = (title: string, lines: readonly string[]): string[] =>
    lines.length ? [title, ...lines.map((line) => `   - ${line}`)] : [];
  return [
    ...section("Understood:", reading.understood),
    ...section("Assumed:", reading.assumptions),
    ...section("Not supported yet:", reading.unsupported),
  ].join("\n");
}

/** The parsed Blueprint of a reading (for callers that want the defaults filled in). */
export function readingBlueprint(reading: RequestReading): Blueprint {
  return blueprintSchema.parse(reading.blueprint);
}

/** Everything not built yet that the Blueprint can carry: databases it cannot name, versions, features. */
function featuresOf(
  draft: Draft,
  database: string,
  python: string | undefined,
): Record<string, FeatureOptions> {
  const features: Record<string, FeatureOptions> = {};
  if (database === "mysql") features.mysql = {};
  if (database === "mongodb") features.mongodb = { driver: "motor" };
  if (python) features.python = { version: python };
  for (const [name, options] of draft.features) features[name] = options;
  return features;
}

function chooseDeploy(draft: Draft): { docker: boolean; ci: boolean } {
  const { docker, ci } = draft.deploy;
  const defaults = [
    ...(docker === undefined ? ["a Dockerfile and compose file"] : []),
    ...(ci === undefined ? ["a GitHub Actions CI workflow"] : []),
  ];
  if (defaults.length) draft.assume(`deployment files not mentioned: ${defaults.join(" and ")}`);
  return { docker: docker ?? true, ci: ci ?? true };
}

function chatWithoutRealtime(plan: EntityPlan, draft: Draft): void {
  if (plan.domain?.id !== "chat" || draft.features.has("realtime") || draft.negatedFeatures.has("realtime"))
    return;
  draft.assume("chat with no real-time transport named: messages are sent and fetched over REST");
}

/**
 * Longest description that fits on the `description=` line of the generated main.py within ruff's 100
 * columns (the generator does not wrap it yet).
 */
export const DESCRIPTION_LIMIT = 77;

/** One line for the README and the OpenAPI document: the request if it is short, else the domain's. */
function describe(text: string, plan: EntityPlan): string {
  const line = text
    .replace(/\s+/g, " ")
    .replace(/[^\x20-\x7e]/g, "")
    .trim();
  const sentence = line.length > 0 ? line[0]?.toUpperCase() + line.slice(1) : "";
  if (sentence.length <= DESCRIPTION_LIMIT) return sentence;
  if (plan.domain) return plan.domain.description;
  const cut = sentence.slice(0, DESCRIPTION_LIMIT - 3);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).replace(/[\s,;:.]+$/, "")}...`;
}
