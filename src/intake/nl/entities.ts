/** Entities: a catalog domain, the nouns of the request, or a starter; then names made valid. */
import { type BlueprintInput, blueprintSchema } from "../../blueprint/schema.js";
import { validateBlueprint } from "../../blueprint/validate.js";
import { snakeCase } from "../../generate/python/naming.js";
import {
  copyEntities,
  DOMAINS,
  type Domain,
  type EntityInput,
  starterItem,
  validationShowcase,
  withoutAuth,
} from "./catalog.js";
import type { Draft } from "./draft.js";
import { DOMAIN_INDEX, mentionAt, type Reading } from "./mentions.js";
import { guessedEntity, type NounEntity, type NounReading, readNouns } from "./nouns.js";
import { matchPhrases, type PhraseMatch, spanText } from "./text.js";

export interface EntityPlan {
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

export function planEntities(reading: Reading, draft: Draft, auth: "jwt" | "none"): EntityPlan {
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
      draft.assume("rows said to belong to users, but without auth there are no user accounts");
    if (entities.some((e) => e.owned_by || e.read || e.write)) {
      draft.assume("without auth, rows have no owner and every endpoint is open");
    }
    entities = withoutAuth(entities);
    if (nouns.mentionsUsers && !domain && !entities.some((e) => e.name === "User")) {
      // Without auth there is no built-in user model, so users named in the request are plain records.
      entities.unshift(guessedEntity({ name: "User", text: "users", strength: "strong" }, []));
      draft.assume("without auth, users are an ordinary entity: User (name, email)");
    }
  }
  return domain ? { entities, domain, nouns: false } : { entities, nouns: nouns.entities.length > 0 };
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

export function repair(blueprint: BlueprintInput, draft: Draft): void {
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
