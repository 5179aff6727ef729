/**
 * Where the wizard's entities come from: the request given with --interactive, a domain of the catalog, or
 * nouns the user types ("books, authors and loans"), read by the same rule-based reader as a sentence.
 */
import type { Blueprint, BlueprintInput } from "../../blueprint/schema.js";
import { copyEntities, type EntityInput, withoutAuth } from "../nl/catalog.js";
import { DESCRIPTION_LIMIT, DOMAINS, type Domain, parseRequest } from "../nl/index.js";

export type AuthKind = Blueprint["auth"]["kind"];

/** The answer to "What will it manage?": `request`, `catalog:<domain id>`, or `nouns`. */
export type EntitySourceId = "request" | "nouns" | `catalog:${string}`;

export interface EntitySource {
  readonly entities: EntityInput[];
  readonly description: string;
  /** The project name this source suggests. */
  readonly name: string;
  /** Roles this source suggests (the first administers). */
  readonly roles: readonly string[];
}

export const DEFAULT_ROLES: readonly string[] = ["admin", "user"];

export function catalogDomain(id: EntitySourceId): Domain | undefined {
  return id.startsWith("catalog:") ? DOMAINS.find((d) => `catalog:${d.id}` === id) : undefined;
}

/** The request's own entities; without auth there are no users to own rows, so ownership rules go. */
export function requestSource(request: Blueprint, auth: AuthKind): EntitySource {
  const entities = copyEntities(request.entities as BlueprintInput["entities"]);
  return {
    entities: auth === "none" ? withoutAuth(entities) : entities,
    description: request.description,
    name: request.name,
    roles: request.auth.kind === "jwt" ? request.auth.roles : DEFAULT_ROLES,
  };
}

export function catalogSource(domain: Domain, auth: AuthKind): EntitySource {
  const entities = copyEntities(domain.entities);
  return {
    entities: auth === "none" ? withoutAuth(entities) : entities,
    description: domain.description,
    name: domain.project,
    roles: domain.roles,
  };
}

/**
 * Entities from nouns, through the sentence reader: it guesses fields per noun, reads stated relations
 * ("each loan has a book") and, without auth, keeps "users" as an ordinary entity.
 */
export function nounsSource(nouns: string, auth: AuthKind): EntitySource | { readonly problem: string } {
  const text = nouns.trim().replace(/[.\s]+$/, "");
  if (!text) return { problem: "name the things it stores, e.g. books, authors and loans" };
  const reading = parseRequest(`An API to manage ${text}${auth === "none" ? " without authentication" : ""}`);
  if (reading.unsupported.length > 0) {
    return {
      problem: `not supported yet: ${reading.unsupported.join("; ")}. Name only the things it stores`,
    };
  }
  // With no noun recognised the reader falls back to a starter Item; the wizard asks again instead.
  if (!reading.understood.some((line) => /^(domain|entities named):/.test(line))) {
    return {
      problem: `no entities found in "${text}"; name them as plural nouns, e.g. books, authors and loans`,
    };
  }
  const description = `An API to manage ${text}`;
  return {
    entities: reading.blueprint.entities,
    description:
      description.length <= DESCRIPTION_LIMIT ? description : (reading.blueprint.description ?? ""),
    name: reading.blueprint.name,
    roles: DEFAULT_ROLES,
  };
}
