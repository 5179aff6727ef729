/**
 * From a sentence to a Blueprint, offline and rule-based. The request is tokenized (misspellings of product
 * names corrected), matched against the vocabulary and the domain catalog, negations applied, and turned
 * into a Blueprint. Everything the reader recognised is listed in `understood`, every guess in
 * `assumptions`, and everything asked for that is not built yet in `unsupported` (and kept in the
 * Blueprint as a framework or a `features` key, so the plan reports it too): nothing is dropped silently.
 */
import { type Blueprint, type BlueprintInput, blueprintSchema } from "../../blueprint/schema.js";
import { validateBlueprint } from "../../blueprint/validate.js";
import { pluralize, snakeCase } from "../../generate/python/naming.js";
import {
  copyEntities,
  DOMAIN_FUZZY_WORDS,
  DOMAINS,
  type Domain,
  type EntityInput,
  starterItem,
  validationShowcase,
  withoutAuth,
} from "./catalog.js";
import { guessedEntity, type NounEntity, type NounReading, readNouns } from "./nouns.js";
import {
  correctTokens,
  LIST_JOINERS,
  matchPhrases,
  negatedAt,
  normalize,
  type PhraseMatch,
  spanText,
  squash,
  type Token,
  tokenize,
} from "./text.js";
import {
  type BackendId,
  type DatabaseId,
  FEATURES,
  type FrameworkId,
  FUZZY_LEXICON,
  KNOWN_WORDS,
  labelOf,
  type Meaning,
  type Options,
  type OptionValue,
  PHRASE_INDEX,
  type PhraseEntry,
  type Term,
} from "./vocabulary.js";

export { DOMAINS, type Domain } from "./catalog.js";
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

/** One recognised phrase of the request. */
export interface Mention {
  readonly term: Term;
  /** The words as typed (normalized). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly negated: boolean;
  /** Misspellings corrected inside the phrase: typed → read as. */
  readonly corrections: readonly (readonly [string, string])[];
}

// ---------------------------------------------------------------------------------------------------------
// Recognition

const DOMAIN_INDEX: ReadonlyMap<string, Domain> = new Map(
  DOMAINS.flatMap((domain) => domain.triggers.map((t) => [squash(t), domain] as const)),
);
const LEXICON = [...new Set([...FUZZY_LEXICON, ...DOMAIN_FUZZY_WORDS])];
const KNOWN = new Set([
  ...KNOWN_WORDS,
  ...DOMAINS.flatMap((d) => d.triggers.flatMap((t) => t.split(/[^a-z0-9]+/))),
]);

interface Reading {
  readonly normalized: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
}

/** Tokens and vocabulary mentions of a request, negations resolved. */
export function readMentions(text: string): Reading {
  const normalized = normalize(text);
  const tokens = correctTokens(tokenize(normalized), LEXICON, KNOWN);
  const matches = matchPhrases(tokens, PHRASE_INDEX);
  const mentions: Mention[] = [];
  for (const match of matches) {
    const previous = mentions[mentions.length - 1];
    const negated =
      negatedAt(tokens, match.start, match.end) ||
      (previous?.negated === true && continuesList(tokens, previous, match.start, match.value));
    const corrections = tokens
      .slice(match.start, match.end)
      .flatMap((t): (readonly [string, string])[] => (t.typed ? [[t.typed, t.word]] : []));
    mentions.push({
      term: match.value.term,
      text: spanText(normalized, tokens, match.start, match.end),
      start: match.start,
      end: match.end,
      negated,
      corrections,
    });
  }
  return { normalized, tokens, mentions };
}

const CHAINABLE = new Set<Meaning["kind"]>([
  "auth",
  "deploy",
  "feature",
  "backend",
  "option",
  "roles",
  "realtime",
  "scheduled",
]);

/** "without docker, ci or auth": a negation carries over a list of the same kind of thing. */
function continuesList(
  tokens: readonly Token[],
  previous: Mention,
  start: number,
  entry: PhraseEntry,
): boolean {
  const kind = entry.term.means[0]?.kind;
  const previousKind = previous.term.means[0]?.kind;
  if (!kind || !previousKind || !CHAINABLE.has(kind) || !CHAINABLE.has(previousKind)) return false;
  for (let i = previous.end; i < start; i++) {
    const word = tokens[i]?.word;
    if (word === undefined || !LIST_JOINERS.has(word)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// The reading being built

type FeatureOptions = Record<string, OptionValue>;

class Draft {
  /** What was understood → the phrases it was understood from. */
  private readonly lines = new Map<string, string[]>();
  readonly assumptions: string[] = [];
  readonly features = new Map<string, FeatureOptions>();
  readonly negatedFeatures = new Set<string>();
  readonly negatedBackends = new Set<BackendId>();
  frameworks: { id: FrameworkId; weak: boolean; text: string }[] = [];
  negatedFrameworks = new Set<FrameworkId>();
  databases: { id: DatabaseId; text: string }[] = [];
  negatedDatabases = new Set<DatabaseId>();
  authAsked: string[] = [];
  authRefused: string[] = [];
  rolesAsked = false;
  deploy: { docker?: boolean; ci?: boolean } = {};
  pagination: "offset" | "cursor" | undefined;
  realtimeAsked = false;
  scheduledAsked = false;
  validationAsked = false;
  backends: { id: BackendId; text: string }[] = [];
  providers: { provider: string; mention: Mention }[] = [];
  /** Options that apply only if their feature is asked for ("subscriptions" without GraphQL means nothing). */
  pending: { mention: Mention; meaning: Extract<Meaning, { kind: "option" }> }[] = [];

  note(line: string): void {
    if (!this.lines.has(line)) this.lines.set(line, []);
  }

  /** Understood `line` from a phrase of the request; the same meaning from several phrases is one line. */
  heard(line: string, mention: Mention): void {
    const sources = this.lines.get(line) ?? [];
    const fixes = mention.corrections.map(([typed, read]) => ` ("${typed}" read as "${read}")`).join("");
    const source = `"${mention.text}"${fixes}`;
    if (!sources.includes(source)) sources.push(source);
    this.lines.set(line, sources);
  }

  get understood(): string[] {
    return [...this.lines].map(([line, sources]) =>
      sources.length ? `${line} (from ${sources.join(", ")})` : line,
    );
  }

  assume(line: string): void {
    if (!this.assumptions.includes(line)) this.assumptions.push(line);
  }

  addFeature(name: string, options: Options = {}): FeatureOptions {
    const existing = this.features.get(name);
    if (!existing) {
      const created: FeatureOptions = {};
      this.features.set(name, created);
      this.merge(name, created, options);
      return created;
    }
    this.merge(name, existing, options);
    return existing;
  }

  merge(name: string, into: FeatureOptions, options: Options): void {
    for (const [key, value] of Object.entries(options)) {
      const current = into[key];
      if (current === undefined) {
        into[key] = Array.isArray(value) ? [...value] : value;
      } else if (Array.isArray(current) && Array.isArray(value)) {
        into[key] = [...new Set([...current, ...value])];
      } else if (typeof current === "boolean" && typeof value === "boolean") {
        into[key] = current || value;
      } else if (current !== value) {
        this.assume(
          `several ${key.replace(/_/g, " ")}s named for ${FEATURES[name]?.title ?? name} (${labelOf(String(current))}, ${labelOf(String(value))}): using ${labelOf(String(current))}`,
        );
      }
    }
  }
}

function featureTitle(name: string): string {
  return FEATURES[name]?.title ?? name.replace(/_/g, " ");
}

function applyMention(draft: Draft, mention: Mention): void {
  const { term } = mention;
  for (const meaning of term.means) {
    if (mention.negated) {
      applyNegation(draft, mention, meaning);
      continue;
    }
    switch (meaning.kind) {
      case "framework":
        draft.frameworks.push({ id: meaning.framework, weak: meaning.weak ?? false, text: mention.text });
        // An extension's own line says which framework it belongs to.
        if (!meaning.weak) draft.heard(`framework: ${frameworkLabel(meaning.framework)}`, mention);
        break;
      case "database":
        draft.databases.push({ id: meaning.database, text: mention.text });
        draft.heard(`database: ${term.label}`, mention);
        break;
      case "auth":
        draft.authAsked.push(mention.text);
        draft.heard(`authentication: ${meaning.note}`, mention);
        break;
      case "roles":
        draft.rolesAsked = true;
        draft.heard(`role-based access control`, mention);
        break;
      case "feature":
        draft.addFeature(meaning.feature, meaning.options);
        draft.heard(`${describeTerm(term, meaning.feature)}`, mention);
        break;
      case "option":
        if (meaning.implies || draft.features.has(meaning.feature)) {
          draft.addFeature(meaning.feature, meaning.options);
          draft.heard(`${featureTitle(meaning.feature)}: ${term.label}`, mention);
        } else {
          draft.pending.push({ mention, meaning });
        }
        break;
      case "backend":
        draft.backends.push({ id: meaning.backend, text: mention.text });
        break;
      case "provider":
        draft.providers.push({ provider: meaning.provider, mention });
        break;
      case "deploy":
        draft.deploy[meaning.target] = true;
        draft.heard(
          `${meaning.target === "docker" ? "Docker image and compose file" : "CI workflow"}`,
          mention,
        );
        break;
      case "pagination":
        draft.pagination = meaning.pagination;
        draft.heard(`${meaning.pagination} pagination on every list endpoint`, mention);
        break;
      case "realtime":
        draft.realtimeAsked = true;
        break;
      case "scheduled":
        draft.scheduledAsked = true;
        draft.heard(`scheduled tasks`, mention);
        break;
      case "validation":
        draft.validationAsked = true;
        draft.heard(`${term.label}: ${meaning.note}`, mention);
        break;
      case "built":
        draft.heard(`${term.label}: ${meaning.note}`, mention);
        break;
      case "assumed":
        draft.heard(`${term.label}: ${meaning.note}`, mention);
        draft.assume(meaning.assumption);
        break;
    }
  }
}

function describeTerm(term: Term, feature: string): string {
  const title = featureTitle(feature);
  return term.label.toLowerCase() === title.toLowerCase() ? title : `${term.label}: ${title}`;
}

function applyNegation(draft: Draft, mention: Mention, meaning: Meaning): void {
  const say = (what: string): void => draft.heard(`no ${what}`, mention);
  switch (meaning.kind) {
    case "framework":
      draft.negatedFrameworks.add(meaning.framework);
      say(mention.term.label);
      break;
    case "database":
      draft.negatedDatabases.add(meaning.database);
      say(mention.term.label);
      break;
    case "auth":
    case "roles":
      draft.authRefused.push(mention.text);
      say("authentication");
      break;
    case "feature":
      draft.negatedFeatures.add(meaning.feature);
      say(featureTitle(meaning.feature));
      break;
    case "backend":
      draft.negatedBackends.add(meaning.backend);
      say(mention.term.label);
      break;
    case "deploy":
      draft.deploy[meaning.target] = false;
      say(meaning.target === "docker" ? "Docker files" : "CI workflow");
      break;
    case "realtime":
      draft.negatedFeatures.add("realtime");
      say("real-time messaging");
      break;
    case "scheduled":
      say("scheduled tasks");
      break;
    default:
      say(mention.term.label);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Settings from the mentions

function chooseFramework(draft: Draft): FrameworkId {
  const named = draft.frameworks.filter((f) => !draft.negatedFrameworks.has(f.id));
  const strong = named.filter((f) => !f.weak);
  const pool = strong.length > 0 ? strong : named;
  const distinct = [...new Set(pool.map((f) => f.id))];
  const first = distinct[0];
  if (!first) {
    draft.assume("no framework named: FastAPI (async-first, Pydantic validation, OpenAPI for free)");
    return "fastapi";
  }
  if (strong.length === 0) draft.assume(`framework implied by ${pool[0]?.text}: ${frameworkLabel(first)}`);
  if (distinct.length > 1) {
    draft.assume(
      `several frameworks named (${distinct.map(frameworkLabel).join(", ")}): using ${frameworkLabel(first)}`,
    );
  }
  return first;
}

function frameworkLabel(id: FrameworkId): string {
  return { fastapi: "FastAPI", django: "Django", flask: "Flask" }[id];
}

const DATABASE_LABELS: Readonly<Record<DatabaseId, string>> = {
  sqlite: "SQLite",
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  mongodb: "MongoDB",
};

function chooseDatabase(draft: Draft): DatabaseId {
  const named = [...new Set(draft.databases.map((d) => d.id))].filter((d) => !draft.negatedDatabases.has(d));
  if (named.length === 0) {
    draft.assume(
      draft.negatedDatabases.size > 0
        ? "database: SQLite (embedded, no server)"
        : "no database named: SQLite (embedded, no server; set DATABASE_URL for PostgreSQL)",
    );
    return "sqlite";
  }
  if (named.includes("postgresql") && named.includes("sqlite") && named.length === 2) {
    draft.assume("PostgreSQL and SQLite both named: PostgreSQL, and the generated tests run on both");
    return "postgresql";
  }
  const first = named[0] as DatabaseId;
  if (named.length > 1) {
    draft.assume(
      `several databases named (${named.map((d) => DATABASE_LABELS[d]).join(", ")}): using ${DATABASE_LABELS[first]}`,
    );
  }
  return first;
}

function chooseAuth(draft: Draft): "jwt" | "none" {
  if (draft.authRefused.length > 0) {
    if (draft.authAsked.length > 0) {
      draft.assume(
        `authentication both asked for and refused: no authentication (from "${draft.authRefused[0]}")`,
      );
    }
    return "none";
  }
  if (draft.authAsked.length === 0 && !draft.rolesAsked) {
    draft.assume("no authentication named: JWT (OAuth2 password flow, access + refresh tokens)");
  }
  return "jwt";
}

const ROLE_STOP = new Set([
  "and",
  "or",
  "with",
  "based",
  "access",
  "control",
  "such",
  "as",
  "like",
  "of",
  "for",
  "the",
  "a",
  "an",
  "two",
  "three",
  "four",
  "user",
  "users",
  "roles",
  "role",
  "different",
  "custom",
  "multiple",
  "several",
  "permissions",
  "rbac",
  "e",
  "g",
  "eg",
  "including",
]);

/** Role names from "roles admin, editor and viewer" or "admin, editor and viewer roles". */
export function readRoles(tokens: readonly Token[]): string[] {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word;
    if (word !== "roles" && word !== "role") continue;
    const after = collectRoleWords(tokens, i + 1, 1);
    const before = collectRoleWords(tokens, i - 1, -1).reverse();
    const names = after.length >= before.length ? after : before;
    if (names.length > 0) return orderRoles(names);
  }
  return [];
}

function collectRoleWords(tokens: readonly Token[], start: number, step: 1 | -1): string[] {
  const names: string[] = [];
  let skipped = 0;
  for (let i = start; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i];
    if (!token) break;
    if (token.word === "," || token.word === ":" || ROLE_STOP.has(token.word)) {
      if (
        ["and", "or", ",", ":", "such", "as", "like", "e", "g", "eg", "including", "of"].includes(token.word)
      ) {
        skipped++;
        if (skipped > 6) break;
        continue;
      }
      if (names.length > 0 || step === -1) break;
      continue;
    }
    if (token.kind !== "word" || !/^[a-z][a-z_]*$/.test(token.word) || token.word.length > 20) break;
    names.push(singular(token.word));
    if (names.length >= 6) break;
    // Between role names there must be a separator.
    const next = tokens[i + step];
    if (!next || !(next.word === "," || next.word === "and" || next.word === "or" || next.word === "/"))
      break;
  }
  return names;
}

/** "editors" → "editor", "admins" → "admin"; "sales" and "support" stay. */
function singular(word: string): string {
  return /(er|or|in|ist|ant|ent|ee|ber|ian|ner)s$/.test(word) ? word.slice(0, -1) : word;
}

function orderRoles(names: readonly string[]): string[] {
  const normalizedNames = names.map((n) => (n === "administrator" || n === "admins" ? "admin" : n));
  const unique = [...new Set(normalizedNames)];
  const adminIndex = unique.findIndex((n) => n === "admin" || n === "superuser" || n === "owner");
  if (adminIndex > 0) {
    const [admin] = unique.splice(adminIndex, 1);
    if (admin) unique.unshift(admin);
  }
  if (adminIndex < 0) unique.unshift("admin");
  return unique.length >= 2 ? unique : [...unique, "user"];
}

// ---------------------------------------------------------------------------------------------------------
// Features: backends, providers, schedules and defaults

const LOGIN_WORDS = new Set([
  "login",
  "log",
  "signin",
  "sign",
  "auth",
  "authentication",
  "oauth",
  "oauth2",
  "sso",
  "account",
  "accounts",
  "social",
  "provider",
  "providers",
]);

function resolveFeatures(draft: Draft, tokens: readonly Token[], normalized: string): void {
  for (const { mention, meaning } of draft.pending) {
    if (draft.features.has(meaning.feature)) {
      draft.addFeature(meaning.feature, meaning.options);
      draft.heard(`${featureTitle(meaning.feature)}: ${mention.term.label}`, mention);
    }
  }

  // Social-login providers: named next to a login word, or anywhere once social login is asked for.
  for (const { provider, mention } of draft.providers) {
    const near = tokens
      .slice(Math.max(0, mention.start - 3), mention.end + 2)
      .some((t) => LOGIN_WORDS.has(t.word));
    if (!near && !draft.features.has("social_login")) continue;
    if (mention.negated) {
      draft.heard(`no ${labelOf(provider)} login`, mention);
      continue;
    }
    draft.addFeature("social_login", { providers: [provider] });
    draft.heard(`social login with ${labelOf(provider)}`, mention);
  }

  if (draft.scheduledAsked) {
    const jobs = draft.features.get("background_jobs") ?? draft.addFeature("background_jobs");
    if (jobs.scheduler === undefined) {
      const library = jobs.library;
      const scheduler =
        library === "rq"
          ? "rq_scheduler"
          : library === "arq"
            ? "arq_cron"
            : library === "huey"
              ? "huey"
              : library === "apscheduler" || library === "dramatiq"
                ? "apscheduler"
                : "celery_beat";
      if (library === undefined) {
        jobs.library = "celery";
        draft.assume("scheduled tasks with no library named: Celery beat");
      }
      jobs.scheduler = scheduler;
    }
  }

  for (const { id, text } of draft.backends) attachBackend(draft, id, text);

  const rateLimit =
    /(\d+)\s*(?:requests?|reqs?|calls|hits)?\s*(?:per|an?|every|\/)\s*(second|sec|minute|min|hour|hr|day)\b/.exec(
      normalized,
    );
  const limiting = draft.features.get("rate_limiting");
  if (rateLimit && limiting && limiting.limit === undefined) {
    const unit = {
      second: "second",
      sec: "second",
      minute: "minute",
      min: "minute",
      hour: "hour",
      hr: "hour",
      day: "day",
    }[rateLimit[2] as "second"];
    limiting.limit = `${rateLimit[1]}/${unit}`;
    draft.note(`rate limit ${limiting.limit} (from "${rateLimit[0]}")`);
  }

  if (draft.realtimeAsked) {
    const graphql = draft.features.get("graphql");
    if (draft.features.has("realtime")) {
      // The transport named elsewhere carries it.
    } else if (graphql?.subscriptions) {
      draft.note("real-time updates through GraphQL subscriptions");
    } else if (!draft.negatedFeatures.has("realtime")) {
      draft.addFeature("realtime");
      draft.note("real-time updates");
    }
  }

  for (const name of draft.negatedFeatures) draft.features.delete(name);
  applyDefaults(draft);
}

function attachBackend(draft: Draft, id: BackendId, text: string): void {
  if (draft.negatedBackends.has(id)) return;
  const uses: string[] = [];
  const jobs = draft.features.get("background_jobs");
  const needsBroker = (library: OptionValue | undefined): boolean =>
    library === undefined || ["celery", "dramatiq", "rq", "arq", "huey"].includes(String(library));
  switch (id) {
    case "redis": {
      if (jobs && jobs.broker === undefined && needsBroker(jobs.library)) {
        jobs.broker = "redis";
        uses.push("job broker");
      }
      for (const [name, key, use] of [
        ["caching", "backend", "cache"],
        ["rate_limiting", "backend", "rate-limit counters"],
        ["realtime", "backend", "pub/sub between workers"],
        ["sessions", "store", "session store"],
      ] as const) {
        const options = draft.features.get(name);
        if (options && options[key] === undefined) {
          options[key] = "redis";
          uses.push(use);
        }
      }
      const broker = draft.features.get("message_broker");
      if (broker && !Array.isArray(broker.brokers)) {
        broker.brokers = ["redis_pubsub"];
        uses.push("Pub/Sub");
      }
      if (
        uses.length === 0 &&
        !jobs &&
        !draft.features.has("caching") &&
        !draft.features.has("rate_limiting")
      ) {
        draft.addFeature("caching", { backend: "redis" });
        uses.push("cache");
        draft.assume("Redis with no stated use: a Redis cache");
      }
      break;
    }
    case "rabbitmq":
    case "sqs": {
      const library = jobs?.library;
      if (
        jobs &&
        jobs.broker === undefined &&
        (library === undefined || library === "celery" || (id === "rabbitmq" && library === "dramatiq"))
      ) {
        jobs.broker = id;
        uses.push("job broker");
      } else {
        draft.addFeature("message_broker", { brokers: [id] });
        uses.push("message broker");
      }
      break;
    }
    case "memcached": {
      const cache = draft.addFeature("caching");
      if (cache.backend === undefined) cache.backend = "memcached";
      uses.push("cache");
      break;
    }
    case "aws": {
      const storage = draft.features.get("file_storage");
      const broker = draft.features.get("message_broker");
      if (storage) {
        if (storage.backend === undefined) storage.backend = "s3";
        uses.push("S3 file storage");
      } else if (Array.isArray(broker?.brokers) && broker.brokers.includes("sqs")) {
        uses.push("SQS client");
      } else {
        draft.addFeature("file_storage", { backend: "s3" });
        uses.push("S3 file storage");
        draft.assume("boto3 with no AWS service named: S3 file storage");
      }
      break;
    }
  }
  const label = {
    redis: "Redis",
    rabbitmq: "RabbitMQ",
    sqs: "AWS SQS",
    memcached: "Memcached",
    aws: "boto3 (AWS SDK)",
  }[id];
  draft.note(`${label}${uses.length ? `: ${uses.join(", ")}` : ""} (from "${text}")`);
}

function applyDefaults(draft: Draft): void {
  const redisAllowed = !draft.negatedBackends.has("redis");
  const jobs = draft.features.get("background_jobs");
  if (jobs) {
    if (jobs.library === undefined) {
      jobs.library = "celery";
      draft.assume("background jobs with no library named: Celery");
    }
    if (jobs.broker === undefined && ["celery", "dramatiq"].includes(String(jobs.library))) {
      jobs.broker = redisAllowed ? "redis" : "rabbitmq";
      draft.assume(`${labelOf(String(jobs.library))} with no broker named: ${labelOf(String(jobs.broker))}`);
    }
    if (jobs.broker === undefined && ["rq", "arq", "huey"].includes(String(jobs.library))) {
      jobs.broker = "redis";
      draft.assume(`${labelOf(String(jobs.library))} runs on Redis`);
    }
  }
  const defaults: [string, string, string, string][] = [
    ["caching", "backend", redisAllowed ? "redis" : "memory", "a cache with no store named"],
    ["rate_limiting", "backend", redisAllowed ? "redis" : "memory", "rate limiting with no store named"],
    ["realtime", "protocol", "websocket", "real-time with no transport named"],
    ["graphql", "library", "strawberry", "GraphQL with no library named"],
    ["http_client", "library", "httpx", "an HTTP client with no library named"],
    ["file_storage", "backend", "local", "file storage with no backend named"],
    ["error_tracking", "provider", "sentry", "error tracking with no service named"],
    ["metrics", "provider", "prometheus", "metrics with no system named"],
  ];
  for (const [name, key, value, what] of defaults) {
    const options = draft.features.get(name);
    if (options && options[key] === undefined) {
      options[key] = value;
      draft.assume(`${what}: ${labelOf(value)}`);
    }
  }
  const lists: [string, string, string[], string][] = [
    ["message_broker", "brokers", ["rabbitmq"], "a message broker with none named"],
    ["social_login", "providers", ["google", "github"], "social login with no provider named"],
  ];
  for (const [name, key, value, what] of lists) {
    const options = draft.features.get(name);
    if (options && !Array.isArray(options[key])) {
      options[key] = value;
      draft.assume(`${what}: ${value.map(labelOf).join(" and ")}`);
    }
  }
  const data = draft.features.get("data_processing");
  if (data && !Array.isArray(data.libraries)) {
    data.libraries = ["pandas"];
    draft.assume("data processing with no library named: pandas");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Entities

interface EntityPlan {
  readonly entities: EntityInput[];
  readonly domain?: Domain;
  readonly nouns: boolean;
}

interface DomainChoice {
  readonly domain: Domain;
  /** The phrases that named it, or the entities that did. */
  readonly from: string;
  readonly texts: readonly string[];
  readonly others: readonly string[];
}

function chooseDomain(
  reading: Reading,
  matches: readonly PhraseMatch<Domain>[],
  nouns: NounReading,
): DomainChoice | undefined {
  const scores = new Map<Domain, { count: number; first: number; texts: string[] }>();
  for (const match of matches) {
    const text = spanText(reading.normalized, reading.tokens, match.start, match.end);
    const score = scores.get(match.value) ?? { count: 0, first: match.start, texts: [] };
    score.count++;
    score.texts.push(text);
    scores.set(match.value, score);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first);
  const best = ranked[0];
  if (best) {
    const [domain, score] = best;
    return {
      domain,
      from: score.texts.map((t) => `"${t}"`).join(", "),
      texts: score.texts,
      others: ranked.slice(1).map(([d]) => d.label),
    };
  }
  return byKeyEntities(nouns);
}

function byKeyEntities(nouns: NounReading): DomainChoice | undefined {
  const names = new Set(nouns.entities.map((e) => e.name));
  for (const domain of DOMAINS) {
    const named = domain.keyEntities.filter((e) => names.has(e));
    if (named.length >= 2)
      return { domain, from: `the entities named: ${named.join(", ")}`, texts: [], others: [] };
  }
  return undefined;
}

/**
 * "manage pets, owners and appointments": a domain word that is only one item of a list of entities does not
 * make the request that domain — unless the list names two of the domain's key entities.
 */
function listedAmongOthers(choice: DomainChoice, plain: NounReading): boolean {
  if (choice.texts.length === 0) return false;
  const listed = plain.entities.filter((e) => e.strength === "strong" || e.strength === "explicit");
  const inList = choice.texts.every((text) => listed.some((e) => e.text === text));
  const keys = choice.domain.keyEntities.filter((k) => listed.some((e) => e.name === k)).length;
  return inList && listed.length >= 3 && keys < 2;
}

function planEntities(reading: Reading, draft: Draft, auth: "jwt" | "none"): EntityPlan {
  const domainMatches = matchPhrases(reading.tokens, DOMAIN_INDEX);
  const inDomainPhrase = (i: number): boolean => domainMatches.some((m) => m.start <= i && i < m.end);
  const technical = (i: number): boolean => mentionAt(reading, i) !== undefined;
  const nounLike = (i: number): boolean => mentionAt(reading, i)?.term.noun === true;
  // Words of domain phrases ("blog posts", "logistics") name the domain, not extra entities.
  const masked = readNouns(reading.tokens, reading.normalized, {
    technical: (i) => technical(i) || inDomainPhrase(i),
    nounLike,
  });
  const plain = readNouns(reading.tokens, reading.normalized, { technical, nounLike });
  let choice = chooseDomain(reading, domainMatches, masked);
  let nouns = masked;
  if (choice && listedAmongOthers(choice, plain)) {
    draft.assume(
      `${choice.from} named as one entity among others: entities from the request, not the ${choice.domain.label} catalog`,
    );
    choice = byKeyEntities(plain);
    nouns = plain;
  }
  const domain = choice?.domain;
  if (choice) {
    draft.note(`domain: ${choice.domain.label} (from ${choice.from})`);
    if (choice.others.length) {
      draft.assume(
        `several domains named (${[choice.domain.label, ...choice.others].join(", ")}): ${choice.domain.label}`,
      );
    }
  }
  const owned = auth === "jwt";
  if (nouns.mentionsUsers && owned) {
    draft.assume("users are built in with JWT auth (registration, login, roles): no User entity");
  }

  let entities: EntityInput[];
  if (domain) {
    entities = copyEntities(domain.entities);
    draft.assume(`entities from the ${domain.label} catalog: ${entities.map((e) => e.name).join(", ")}`);
    if (owned) for (const note of domain.notes) draft.assume(`${domain.label}: ${note}`);
    addDomainExtras(entities, nouns, draft);
  } else if (nouns.entities.length > 0) {
    entities = nouns.entities.map((noun) =>
      guessedEntity(
        noun,
        nouns.fields.filter((f) => f.entity === noun.name).map((f) => f.field),
      ),
    );
    draft.note(`entities named: ${nouns.entities.map((n) => `${n.name} (from "${n.text}")`).join(", ")}`);
    for (const entity of entities) {
      const stated = nouns.fields.filter((f) => f.entity === entity.name).map((f) => f.field.name);
      const guessed = (entity.fields ?? []).map((f) => f.name).filter((n) => !stated.includes(n));
      if (guessed.length) draft.assume(`${entity.name}: no fields named, guessed ${guessed.join(", ")}`);
    }
    addStatedRelations(entities, nouns, draft);
  } else {
    const showcase = draft.validationAsked;
    entities = [showcase ? validationShowcase(owned) : starterItem(owned)];
    draft.assume(
      showcase
        ? "no domain named: an Event entity that shows the validation rules (lengths, normalizers, a pattern, bounds, an enum, a cross-field check)"
        : "no domain or entities named: a starter Item entity (name, description)",
    );
  }

  if (owned) {
    for (const name of nouns.ownedByUser) {
      const entity = entities.find((e) => e.name === name);
      if (entity && entity.owned_by !== "user") {
        entity.owned_by = "user";
        draft.note(`${name} rows belong to the user who creates them`);
      }
    }
    if (!domain && nouns.entities.length > 0) {
      const shared = entities.filter((e) => e.owned_by !== "user").map((e) => e.name);
      if (shared.length) {
        draft.assume(
          `no owner stated for ${shared.join(", ")}: readable by signed-in users, written by admins`,
        );
      }
    }
  } else {
    if (nouns.ownedByUser.length)
      draft.assume("rows said to belong to users, but without auth there are no users");
    if (entities.some((e) => e.owned_by || e.read || e.write)) {
      draft.assume("without auth, rows have no owner and every endpoint is open");
    }
    entities = withoutAuth(entities);
  }
  return domain ? { entities, domain, nouns: false } : { entities, nouns: nouns.entities.length > 0 };
}

function mentionAt(reading: Reading, index: number): Mention | undefined {
  return reading.mentions.find((m) => m.start <= index && index < m.end);
}

/** Entities and relations the request adds to a catalog domain ("a shop with products, reviews and wishlists"). */
function addDomainExtras(entities: EntityInput[], nouns: NounReading, draft: Draft): void {
  const known = new Set(entities.map((e) => e.name));
  const extras = nouns.entities.filter((noun) => !known.has(noun.name) && isExtra(noun, nouns, known));
  for (const noun of extras) {
    entities.push(
      guessedEntity(
        noun,
        nouns.fields.filter((f) => f.entity === noun.name).map((f) => f.field),
      ),
    );
    draft.note(`extra entity ${noun.name} (from "${noun.text}")`);
    draft.assume(
      `${noun.name}: no fields named, guessed ${(entities[entities.length - 1]?.fields ?? []).map((f) => f.name).join(", ")}`,
    );
  }
  addStatedRelations(entities, nouns, draft);
}

function isExtra(noun: NounEntity, nouns: NounReading, known: ReadonlySet<string>): boolean {
  if (noun.strength !== "weak") return true;
  // A list after "with" counts when it also names entities of the domain: then it is a list of entities.
  return nouns.entities.some((other) => other.list === noun.list && known.has(other.name));
}

function addStatedRelations(entities: EntityInput[], nouns: NounReading, draft: Draft): void {
  for (const relation of nouns.relations) {
    const source = entities.find((e) => e.name === relation.from);
    if (!source || !entities.some((e) => e.name === relation.to)) continue;
    const taken = [
      ...(source.fields ?? []).map((f) => f.name),
      ...(source.relations ?? []).map((r) => r.name),
    ];
    const linked = (source.relations ?? []).some((r) => r.to === relation.to && r.kind === relation.kind);
    if (taken.includes(relation.name) || linked) continue;
    const added =
      relation.kind === "many-to-many"
        ? { name: relation.name, to: relation.to, kind: "many-to-many" as const }
        : relation.required
          ? { name: relation.name, to: relation.to }
          : { name: relation.name, to: relation.to, required: false, on_delete: "set-null" as const };
    source.relations = [...(source.relations ?? []), added];
    draft.note(
      `${relation.from}.${relation.name} → ${relation.to} (${relation.kind}${relation.required ? "" : ", optional"}) (from "${relation.text}")`,
    );
  }
  for (const stated of nouns.fields) {
    const entity = entities.find((e) => e.name === stated.entity);
    if (!entity || (entity.fields ?? []).some((f) => f.name === stated.field.name)) continue;
    entity.fields = [...(entity.fields ?? []), stated.field];
    draft.note(`${entity.name}.${stated.field.name} (from "${stated.text}")`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Project name

/** Package names the generated project imports: a project of the same name would shadow them. */
const TAKEN_PACKAGE_NAMES = new Set(
  "fastapi flask django celery redis pydantic pydantic_settings sqlalchemy alembic pytest httpx strawberry graphql pandas numpy uvicorn starlette structlog argon2 jwt typing json test tests asyncio logging email site types string random time datetime collections http uuid decimal enum abc io os sys re math queue select signal socket ssl secrets code token tokenize operator copy inspect ast src main config db app_config".split(
    " ",
  ),
);

const FEATURE_PROJECT_NAMES: readonly [string, string][] = [
  ["graphql", "graphql_api"],
  ["realtime", "realtime_api"],
  ["data_processing", "data_pipeline"],
  ["background_jobs", "jobs_service"],
  ["rate_limiting", "rate_limited_api"],
  ["http_client", "integration_service"],
  ["social_login", "auth_service"],
  ["sso", "auth_service"],
  ["admin", "admin_site"],
  ["message_broker", "event_service"],
  ["file_storage", "file_service"],
  ["ml_inference", "ml_service"],
  ["llm", "llm_service"],
  ["caching", "cached_api"],
];

const PRODUCT_WORDS = new Set([
  "system",
  "app",
  "application",
  "api",
  "service",
  "platform",
  "backend",
  "website",
  "site",
  "tool",
  "server",
  "microservice",
]);
const NOT_A_NAME = new Set([
  "simple",
  "small",
  "basic",
  "new",
  "web",
  "python",
  "modern",
  "production",
  "ready",
  "full",
  "complete",
  "minimal",
  "tiny",
  "secure",
  "scalable",
  "robust",
  "fast",
  "quick",
  "internal",
  "public",
  "private",
  "mobile",
  "backend",
  "custom",
]);

/** "a library system", "a recipe sharing API": what the product is called in the request. */
function productName(reading: Reading): string | undefined {
  const { tokens } = reading;
  for (let i = 0; i < tokens.length; i++) {
    if (!["a", "an", "the", "my", "our"].includes(tokens[i]?.word ?? "")) continue;
    const words: string[] = [];
    let j = i + 1;
    while (j < tokens.length && words.length < 3) {
      const token = tokens[j];
      if (token?.kind !== "word" || PRODUCT_WORDS.has(token.word)) break;
      if (!/^[a-z]+$/.test(token.word) || mentionAt(reading, j) || NOT_A_NAME.has(token.word)) {
        words.length = 0;
        break;
      }
      words.push(token.word);
      j++;
    }
    if (words.length > 0 && words.length <= 2 && PRODUCT_WORDS.has(tokens[j]?.word ?? ""))
      return words.join("_");
  }
  return undefined;
}

function projectName(reading: Reading, plan: EntityPlan, draft: Draft, framework: FrameworkId): string {
  const { normalized } = reading;
  const explicit =
    /\b(?!(?:field|column|entity|model|table|attribute|property|role|relation|endpoint|route)s?\s)[a-z]+\s+(?:called|named)\s+"?([a-z][a-z0-9_-]*)/.exec(
      normalized,
    ) ??
    /\b(?:name it|project name(?: is)?|package name(?: is)?)\s*:?\s*"?([a-z][a-z0-9_-]*)/.exec(normalized);
  if (explicit?.[1]) {
    let name = snakeCase(explicit[1].replace(/-/g, "_")).replace(/_+/g, "_").replace(/_$/, "");
    if (TAKEN_PACKAGE_NAMES.has(name)) {
      draft.assume(`project name "${name}" would shadow a package the project imports: ${name}_app`);
      name = `${name}_app`;
    }
    draft.note(`project name: ${name} (from "${explicit[0]}")`);
    return name;
  }
  let name: string;
  const product = productName(reading);
  if (plan.domain) name = plan.domain.project;
  else if (product && !TAKEN_PACKAGE_NAMES.has(product)) name = product;
  else if (plan.nouns && plan.entities[0]) {
    const first = plan.entities[0];
    name = `${first.plural ?? pluralize(snakeCase(first.name))}_api`;
  } else {
    name =
      FEATURE_PROJECT_NAMES.find(([feature]) => draft.features.has(feature))?.[1] ??
      (plan.entities[0]?.name === "Event" ? "events_api" : `${framework}_app`);
  }
  draft.assume(`no project name given: ${name}`);
  return name;
}

// ---------------------------------------------------------------------------------------------------------
// Repair: make guessed names valid (reserved words, clashes) instead of failing

function renameEntity(entities: EntityInput[], index: number, draft: Draft, why: string): void {
  const entity = entities[index];
  if (!entity) return;
  const old = entity.name;
  const name = `${old}Record`;
  entity.name = name;
  delete entity.plural;
  for (const other of entities) {
    for (const relation of other.relations ?? []) if (relation.to === old) relation.to = name;
  }
  draft.assume(`entity ${old} renamed ${name}: ${why}`);
}

function repairable(issue: { path: readonly (string | number)[] }): boolean {
  const [root, , section, index, key] = issue.path;
  if (root !== "entities") return false;
  if (section === "name" || section === "plural") return true;
  if (section === "relations") return typeof index === "number";
  if (section === "fields") return typeof index === "number" && key === "name";
  return (
    (section === "unique_together" || section === "indexes" || section === "checks") &&
    typeof index === "number"
  );
}

function repair(blueprint: BlueprintInput, draft: Draft): void {
  for (let round = 0; round < 20; round++) {
    const parsed = blueprintSchema.safeParse(blueprint);
    if (!parsed.success) return;
    const issue = validateBlueprint(parsed.data).find(repairable);
    if (!issue) return;
    const [, ei, section, index, key] = issue.path as ["entities", number, string?, number?, string?];
    const entity = blueprint.entities[ei];
    if (!entity) return;
    if (section === "name" || section === "plural") {
      renameEntity(blueprint.entities, ei, draft, issue.message);
    } else if (section === "relations" && typeof index === "number") {
      const relation = entity.relations?.[index];
      if (!relation) return;
      if (key === "name") {
        const old = relation.name;
        relation.name = `${old}_ref`;
        draft.assume(`${entity.name}.${old} renamed ${relation.name}: ${issue.message}`);
      } else {
        entity.relations = (entity.relations ?? []).filter((_, i) => i !== index);
        draft.assume(`dropped ${entity.name}.${relation.name} → ${relation.to}: ${issue.message}`);
      }
    } else if (section === "fields" && typeof index === "number" && key === "name") {
      const field = entity.fields?.[index];
      if (!field) return;
      const old = field.name;
      field.name = `${snakeCase(entity.name)}_${old}`;
      draft.assume(`${entity.name}.${old} renamed ${field.name}: ${issue.message}`);
    } else if (
      (section === "unique_together" || section === "indexes" || section === "checks") &&
      typeof index === "number"
    ) {
      const list = entity[section] as unknown[] | undefined;
      entity[section] = list?.filter((_, i) => i !== index) as never;
      draft.assume(`dropped a ${section.replace("_", " ")} entry of ${entity.name}: ${issue.message}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Not supported yet

function describeFeature(name: string, options: FeatureOptions): string {
  const info = FEATURES[name] ?? { title: name.replace(/_/g, " "), plural: false };
  const main = info.main ? options[info.main] : undefined;
  const prefix = typeof main === "string" ? `${labelOf(main)} ` : "";
  const details = Object.entries(options)
    .filter(([key]) => key !== info.main)
    .flatMap(([key, value]): string[] => {
      const words = key.replace(/_/g, " ");
      if (value === true) return [words];
      if (value === false) return [];
      if (Array.isArray(value)) return [`${words}: ${value.map(labelOf).join(", ")}`];
      return [`${words}: ${labelOf(String(value))}`];
    });
  return `${prefix}${info.title}${details.length ? ` (${details.join("; ")})` : ""}`;
}

function unsupportedList(blueprint: BlueprintInput, framework: FrameworkId): string[] {
  const list: string[] = [];
  if (framework !== "fastapi")
    list.push(`${frameworkLabel(framework)} is not supported yet (available: FastAPI)`);
  for (const [name, options] of Object.entries(blueprint.features ?? {})) {
    const opts = options as FeatureOptions;
    if (name === "mysql" || name === "mongodb") {
      list.push(`${DATABASE_LABELS[name]} is not supported yet (available: SQLite, PostgreSQL)`);
    } else if (name === "python") {
      list.push(`Python ${String(opts.version)} is not supported (available: 3.11, 3.12, 3.13)`);
    } else {
      list.push(`${describeFeature(name, opts)} ${FEATURES[name]?.plural ? "are" : "is"} not supported yet`);
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

export function parseRequest(text: string): RequestReading {
  const reading = readMentions(text);
  const draft = new Draft();
  for (const mention of reading.mentions) applyMention(draft, mention);

  const framework = chooseFramework(draft);
  const database = chooseDatabase(draft);
  const auth = chooseAuth(draft);
  resolveFeatures(draft, reading.tokens, reading.normalized);

  const features: Record<string, FeatureOptions> = {};
  if (database === "mysql" || database === "mongodb") {
    features[database] = database === "mongodb" ? { driver: "motor" } : {};
  }
  for (const [name, options] of draft.features) features[name] = options;

  const python = /\bpython\s*v?(3)\.(\d+)\b/.exec(reading.normalized);
  let pythonVersion: "3.11" | "3.12" | "3.13" | undefined;
  if (python) {
    const version = `${python[1]}.${python[2]}`;
    if (version === "3.11" || version === "3.12" || version === "3.13") {
      pythonVersion = version;
      draft.note(`Python ${version} (from "${python[0]}")`);
    } else {
      features.python = { version };
      draft.note(`Python ${version} (from "${python[0]}")`);
    }
  }

  const plan = planEntities(reading, draft, auth);
  if (draft.pagination) {
    for (const entity of plan.entities) entity.pagination = draft.pagination;
  }
  if (
    plan.domain?.id === "chat" &&
    !draft.features.has("realtime") &&
    !draft.negatedFeatures.has("realtime")
  ) {
    draft.assume("chat with no real-time transport named: messages are sent and fetched over REST");
  }

  let roles: string[] | undefined;
  if (auth === "jwt") {
    const named = readRoles(reading.tokens);
    if (named.length >= 2) {
      roles = named;
      draft.note(`roles: ${named.join(", ")} (the first is the administrator)`);
    } else if (plan.domain) {
      roles = [...plan.domain.roles];
      draft.assume(`roles: ${roles.join(", ")} (${roles[0]} administers; new sign-ups are ${roles[1]})`);
    } else {
      draft.assume("roles: admin, user (admin administers; new sign-ups are user)");
    }
  }

  const tokens = accessTokenMinutes(reading.normalized, draft);
  const name = projectName(reading, plan, draft, framework);
  const deploy = { docker: draft.deploy.docker ?? true, ci: draft.deploy.ci ?? true };
  if (draft.deploy.docker === undefined || draft.deploy.ci === undefined) {
    const defaults = [
      ...(draft.deploy.docker === undefined ? ["a Dockerfile and compose file"] : []),
      ...(draft.deploy.ci === undefined ? ["a GitHub Actions CI workflow"] : []),
    ];
    draft.assume(`deployment files not mentioned: ${defaults.join(" and ")}`);
  }

  const blueprint: BlueprintInput = {
    name,
    description: describe(text),
    framework,
    database: database === "postgresql" ? "postgresql" : "sqlite",
    ...(pythonVersion ? { python: pythonVersion } : {}),
    auth:
      auth === "jwt"
        ? { kind: "jwt", ...(roles ? { roles } : {}), ...(tokens ? { access_token_minutes: tokens } : {}) }
        : { kind: "none" },
    entities: plan.entities,
    ...(Object.keys(features).length ? { features } : {}),
    deploy,
  };
  repair(blueprint, draft);
  return {
    blueprint,
    understood: draft.understood,
    assumptions: draft.assumptions,
    unsupported: unsupportedList(blueprint, framework),
    source: "rules",
  };
}

function accessTokenMinutes(normalized: string, draft: Draft): number | undefined {
  const match =
    /access tokens?\s+(?:that\s+)?(?:expire|expiring|last|lasting|valid)\s+(?:after|for|in)?\s*(\d+)\s*(minutes?|mins?|hours?)/.exec(
      normalized,
    ) ?? /(\d+)\s*(minutes?|mins?|hours?)\s+access tokens?/.exec(normalized);
  if (!match?.[1]) return undefined;
  const minutes = Number(match[1]) * (match[2]?.startsWith("h") ? 60 : 1);
  if (!Number.isInteger(minutes) || minutes <= 0) return undefined;
  draft.note(`access tokens expire after ${minutes} minutes (from "${match[0]}")`);
  return minutes;
}

function describe(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  const short = line.length > 200 ? `${line.slice(0, 197)}...` : line;
  return short.length > 0 ? short[0]?.toUpperCase() + short.slice(1) : "";
}

/** The parsed Blueprint of a reading (for callers that want the defaults filled in). */
export function readingBlueprint(reading: RequestReading): Blueprint {
  return blueprintSchema.parse(reading.blueprint);
}
