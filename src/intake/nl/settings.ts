/** Settings from the mentions: framework, database, authentication and roles, deployment, pagination. */
import type { Domain } from "./catalog.js";
import { DATABASE_LABELS, type Draft, featureTitle, frameworkLabel } from "./draft.js";
import type { Mention } from "./mentions.js";
import type { Token } from "./text.js";
import type { DatabaseId, FrameworkId, Meaning, Term } from "./vocabulary.js";

export function applyMention(draft: Draft, mention: Mention): void {
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

export function chooseFramework(draft: Draft): FrameworkId {
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

export function chooseDatabase(draft: Draft): DatabaseId {
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

export function chooseAuth(draft: Draft): "jwt" | "none" {
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

export function accessTokenMinutes(normalized: string, draft: Draft): number | undefined {
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

/** Role names the request gives, else the domain's, else the schema default. */
export function chooseRoles(
  tokens: readonly Token[],
  domain: Domain | undefined,
  draft: Draft,
): string[] | undefined {
  const named = readRoles(tokens);
  if (named.length >= 2) {
    draft.note(`roles: ${named.join(", ")} (the first is the administrator)`);
    return named;
  }
  if (domain) {
    const roles = [...domain.roles];
    draft.assume(`roles: ${roles.join(", ")} (${roles[0]} administers; new sign-ups are ${roles[1]})`);
    return roles;
  }
  draft.assume("roles: admin, user (admin administers; new sign-ups are user)");
  return undefined;
}

/** "Python 3.12": a supported version is a setting; another one is reported as not supported. */
export function choosePython(
  normalized: string,
  draft: Draft,
): { supported?: "3.11" | "3.12" | "3.13"; unsupported?: string } {
  const match = /\bpython\s*v?(3)\.(\d+)\b/.exec(normalized);
  if (!match) return {};
  const version = `${match[1]}.${match[2]}`;
  draft.note(`Python ${version} (from "${match[0]}")`);
  return version === "3.11" || version === "3.12" || version === "3.13"
    ? { supported: version }
    : { unsupported: version };
}
