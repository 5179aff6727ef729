/**
 * Entities from the nouns of a request, for domains the catalog does not know: "an API to manage books,
 * authors and loans" → Book, Author, Loan. Relations only when the sentence states them ("books belong to
 * authors", "each loan has a book", "authors have many books"); ownership when rows are said to belong to
 * users. Fields are guessed from the noun (a title for a book, a name and email for a person) and every
 * guess is reported by the caller.
 */
import { pascalCase, pluralize, snakeCase } from "../../generate/python/naming.js";
import type { EntityInput, FieldInput } from "./catalog.js";
import { isPlural, singularize, type Token } from "./text.js";

export interface NounEntity {
  /** PascalCase entity name. */
  readonly name: string;
  /** The plural as written, when the default plural rule would spell it differently ("people"). */
  readonly plural?: string;
  /** The words the entity was read from. */
  readonly text: string;
  /** How it was read: a list after a strong trigger ("manage …"), an explicit one ("entities: …"), a list
   * after "with"/"for" (weak), or a statement ("each loan has a book"). */
  readonly strength: "strong" | "explicit" | "weak" | "statement";
  /** Which noun list it came from. */
  readonly list?: number;
}

export interface StatedRelation {
  readonly from: string;
  readonly to: string;
  readonly name: string;
  readonly kind: "many-to-one" | "many-to-many";
  readonly required: boolean;
  readonly text: string;
}

export interface NounReading {
  readonly entities: readonly NounEntity[];
  readonly relations: readonly StatedRelation[];
  /** Entities said to belong to users. */
  readonly ownedByUser: readonly string[];
  /** "users" named as a noun (they are built in with JWT auth). */
  readonly mentionsUsers: boolean;
  /** Fields the sentence gives entities ("each book has a title"). */
  readonly fields: readonly StatedField[];
}

/** Which tokens are covered by vocabulary phrases, and whether such a phrase may still be a noun. */
export interface MentionMask {
  readonly technical: (index: number) => boolean;
  readonly nounLike: (index: number) => boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Word lists

const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "some",
  "all",
  "their",
  "our",
  "my",
  "your",
  "its",
  "his",
  "her",
  "multiple",
  "many",
  "several",
  "various",
  "different",
  "any",
  "own",
  "other",
  "new",
  "existing",
  "related",
  "one",
  "exactly",
  "single",
  "more",
  "zero",
  "list",
  "lists",
  "set",
  "of",
]);

/** Words that end a noun list. */
const LIST_STOP = new Set([
  "with",
  "for",
  "using",
  "use",
  "in",
  "on",
  "via",
  "where",
  "that",
  "which",
  "who",
  "whose",
  "to",
  "by",
  "from",
  "so",
  "into",
  "built",
  "backed",
  "per",
  "each",
  "every",
  "is",
  "are",
  "be",
  "can",
  "could",
  "should",
  "will",
  "would",
  "must",
  "may",
  "belong",
  "belongs",
  "has",
  "have",
  "having",
  "contain",
  "contains",
  "including",
  "include",
  "includes",
  "also",
  "then",
  "but",
  "at",
  "over",
  "under",
  "through",
  "within",
  "without",
  "api",
  "apis",
  "app",
  "application",
  "service",
  "backend",
  "system",
  "platform",
  "project",
  "server",
  "like",
  "such",
  "etc",
  "if",
  "when",
  "while",
  "as",
  "than",
  "it",
  "them",
  "they",
  "we",
  "i",
  "me",
  "us",
]);

/** Words that describe rather than name: never part of an entity name. */
const ADJECTIVES = new Set([
  "custom",
  "complex",
  "simple",
  "basic",
  "advanced",
  "async",
  "asynchronous",
  "scheduled",
  "background",
  "external",
  "internal",
  "large",
  "small",
  "big",
  "main",
  "real",
  "time",
  "public",
  "private",
  "online",
  "digital",
  "recent",
  "old",
  "active",
  "upcoming",
  "past",
  "future",
  "daily",
  "weekly",
  "monthly",
  "yearly",
  "favorite",
  "favourite",
  "personal",
  "shared",
  "important",
  "useful",
  "full",
  "good",
  "great",
  "nice",
  "best",
  "cool",
  "fast",
  "secure",
  "modern",
  "whole",
  "entire",
  "individual",
  "specific",
  "various",
  "related",
  "these",
  "those",
  "this",
  "that",
]);

/** Never entities, wherever they appear. */
const NEVER_ENTITIES = new Set([
  "thing",
  "stuff",
  "data",
  "info",
  "information",
  "detail",
  "record",
  "api",
  "endpoint",
  "service",
  "app",
  "application",
  "system",
  "feature",
  "request",
  "response",
  "operation",
  "resource",
  "entity",
  "model",
  "table",
  "object",
  "field",
  "type",
  "way",
  "everyone",
  "anyone",
  "someone",
  "example",
  "crud",
  "rest",
  "id",
  "ids",
]);

/** Not entities in a list after "with", "for" or "including", where technical words are common. */
const WEAK_NEVER = new Set([
  "task",
  "job",
  "update",
  "query",
  "transaction",
  "validator",
  "rule",
  "test",
  "fixture",
  "mock",
  "error",
  "exception",
  "log",
  "message",
  "event",
  "notification",
  "file",
  "upload",
  "image",
  "role",
  "permission",
  "token",
  "key",
  "provider",
  "worker",
  "queue",
  "route",
  "schema",
  "migration",
  "setting",
  "header",
  "cookie",
  "session",
  "connection",
  "client",
  "package",
  "module",
  "capability",
  "integration",
  "pipeline",
  "process",
  "algorithm",
  "pattern",
  "step",
  "level",
  "limit",
  "decorator",
  "generator",
  "dependency",
  "check",
  "filter",
  "option",
  "value",
  "number",
  "timestamp",
  "relationship",
  "relation",
  "constraint",
  "index",
  "hint",
  "annotation",
  "class",
  "function",
  "method",
  "variable",
  "string",
  "practice",
  "principle",
  "requirement",
  "need",
  "user",
  "account",
  "detail",
  "metric",
  "result",
  "change",
  "call",
  "action",
  "interaction",
  "flow",
  "layer",
  "tool",
  "library",
  "framework",
  "language",
  "operation",
  "subscription",
  "minute",
  "second",
  "hour",
  "day",
  "week",
  "month",
  "year",
]);

const MODALS = new Set(["can", "may", "should", "will", "must", "could"]);
/** What users do to rows they then own. */
const CREATION_VERBS = new Set(
  "post create write upload share publish add submit save make manage track record log keep own place send leave collect organize organise store plan schedule".split(
    " ",
  ),
);

const PER_USER: readonly (readonly string[])[] = [
  ["for", "each", "user"],
  ["for", "every", "user"],
  ["per", "user"],
  ["of", "each", "user"],
  ["owned", "by", "users"],
  ["owned", "by", "the", "user"],
];

/** Words after which a noun list starts; `explicit`: singular nouns count too ("entities: book, author"). */
const STRONG_TRIGGERS: readonly (readonly string[])[] = [
  ["manage"],
  ["manages"],
  ["managing"],
  ["track"],
  ["tracks"],
  ["tracking"],
  ["keep", "track", "of"],
  ["keeps", "track", "of"],
  ["store"],
  ["storing"],
  ["handle"],
  ["handles"],
  ["handling"],
  ["organize"],
  ["organise"],
  ["organizing"],
  ["organising"],
  ["administer"],
  ["catalog"],
  ["catalogue"],
  ["record"],
  ["recording"],
  ["log"],
  ["crud", "for"],
  ["crud", "on"],
  ["crud", "of"],
  ["crud", "operations", "for"],
  ["crud", "endpoints", "for"],
  ["endpoints", "for"],
  ["routes", "for"],
  ["rest", "api", "for"],
  ["api", "for"],
  ["backend", "for"],
];
const EXPLICIT_TRIGGERS: readonly (readonly string[])[] = [
  ["entities"],
  ["resources"],
  ["models"],
  ["tables"],
  ["objects"],
];
const WEAK_TRIGGERS: readonly (readonly string[])[] = [
  ["with"],
  ["for"],
  ["of"],
  ["including"],
  ["includes"],
  ["featuring"],
  ["containing"],
  ["about"],
];

// ---------------------------------------------------------------------------------------------------------
// Reading

interface Item {
  readonly words: readonly string[];
  readonly tainted: boolean;
}

function startsWith(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((word, k) => tokens[at + k]?.kind === "word" && tokens[at + k]?.word === word);
}

function triggerAt(
  tokens: readonly Token[],
  at: number,
): { length: number; strength: "strong" | "explicit" | "weak" } | undefined {
  // "an API for a school: students, teachers and classes"
  if (tokens[at]?.word === ":") return { length: 1, strength: "strong" };
  for (const [list, strength] of [
    [EXPLICIT_TRIGGERS, "explicit"],
    [STRONG_TRIGGERS, "strong"],
    [WEAK_TRIGGERS, "weak"],
  ] as const) {
    const found = [...list]
      .sort((a, b) => b.length - a.length)
      .find((words) => startsWith(tokens, at, words));
    if (found) return { length: found.length, strength };
  }
  return undefined;
}

/** The comma/and-separated items after a trigger, up to the first word that cannot be part of a list. */
function readList(
  tokens: readonly Token[],
  from: number,
  mask: MentionMask,
  allowNounTerms: boolean,
): { items: Item[]; end: number } {
  const items: Item[] = [];
  let words: string[] = [];
  let tainted = false;
  const flush = (): void => {
    if (words.length > 0 || tainted) items.push({ words, tainted });
    words = [];
    tainted = false;
  };
  let i = from;
  if (tokens[i]?.word === ":") i++;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) break;
    if (token.word === "," || token.word === "and" || token.word === "or" || token.word === "plus") {
      flush();
      continue;
    }
    if (startsWith(tokens, i, ["as", "well", "as"])) {
      flush();
      i += 2;
      continue;
    }
    if (token.kind === "punct") break;
    if (mask.technical(i) && !(allowNounTerms && mask.nounLike(i))) {
      tainted = true;
      continue;
    }
    if (LIST_STOP.has(token.word)) break;
    if (DETERMINERS.has(token.word) && words.length === 0) continue;
    if (!/^[a-z]+$/.test(token.word)) {
      tainted = true;
      continue;
    }
    words.push(token.word);
    if (words.length > 3) {
      // Too long for a noun: this was prose, not a list.
      words = [];
      tainted = true;
      break;
    }
  }
  flush();
  return { items, end: i };
}

/** A list item as an entity, or undefined when it does not read as one. */
function itemEntity(
  item: Item,
  strength: "strong" | "explicit" | "weak",
  list: number,
): NounEntity | undefined {
  if (item.tainted || item.words.length === 0) return undefined;
  const head = item.words[item.words.length - 1] ?? "";
  if (head.length < 3) return undefined;
  if (strength !== "explicit" && !isPlural(head)) return undefined;
  const singular = singularize(head);
  if (NEVER_ENTITIES.has(singular) || (strength === "weak" && WEAK_NEVER.has(singular))) return undefined;
  if (singular === "user") return undefined;
  const modifier = item.words.length >= 2 ? item.words[item.words.length - 2] : undefined;
  const compound =
    modifier && !ADJECTIVES.has(modifier) && !DETERMINERS.has(modifier) && !NEVER_ENTITIES.has(modifier)
      ? [modifier, singular]
      : [singular];
  return entityFromWords(compound, head, item.words.join(" "), strength, list);
}

function entityFromWords(
  words: readonly string[],
  writtenPlural: string,
  text: string,
  strength: NounEntity["strength"],
  list?: number,
): NounEntity {
  const name = pascalCase(words.join("_"));
  const last = words[words.length - 1] ?? "";
  const standard = pluralize(last);
  const plural =
    writtenPlural !== last && writtenPlural !== standard && /^[a-z]+$/.test(writtenPlural)
      ? snakeCase(pascalCase([...words.slice(0, -1), writtenPlural].join("_")))
      : undefined;
  const base = list === undefined ? { name, text, strength } : { name, text, strength, list };
  return plural ? { ...base, plural } : base;
}

function isUserWord(word: string | undefined): boolean {
  return word === "user" || word === "users";
}

// ---------------------------------------------------------------------------------------------------------
// Relation statements

type Verb = "belongs" | "has-one" | "has-many" | "many-to-many";

const VERBS: readonly (readonly [readonly string[], Verb])[] = [
  [["belongs", "to", "many"], "many-to-many"],
  [["belong", "to", "many"], "many-to-many"],
  [["belongs", "to", "multiple"], "many-to-many"],
  [["belong", "to", "multiple"], "many-to-many"],
  [["can", "belong", "to", "many"], "many-to-many"],
  [["can", "belong", "to", "multiple"], "many-to-many"],
  [["belongs", "to"], "belongs"],
  [["belong", "to"], "belongs"],
  [["belonging", "to"], "belongs"],
  [["is", "part", "of"], "belongs"],
  [["are", "part", "of"], "belongs"],
  [["is", "linked", "to"], "belongs"],
  [["are", "linked", "to"], "belongs"],
  [["is", "assigned", "to"], "belongs"],
  [["are", "assigned", "to"], "belongs"],
  [["is", "owned", "by"], "belongs"],
  [["are", "owned", "by"], "belongs"],
  [["owned", "by"], "belongs"],
  [["refers", "to"], "belongs"],
  [["refer", "to"], "belongs"],
  [["references"], "belongs"],
  [["reference"], "belongs"],
  [["points", "to"], "belongs"],
  [["is", "for"], "belongs"],
  [["are", "for"], "belongs"],
  [["has", "many"], "has-many"],
  [["have", "many"], "has-many"],
  [["has", "multiple"], "has-many"],
  [["have", "multiple"], "has-many"],
  [["has", "several"], "has-many"],
  [["have", "several"], "has-many"],
  [["can", "have", "many"], "has-many"],
  [["can", "have", "multiple"], "has-many"],
  [["can", "have", "several"], "has-many"],
  [["contains", "many"], "has-many"],
  [["contain", "many"], "has-many"],
  [["has", "a", "list", "of"], "has-many"],
  [["have", "a", "list", "of"], "has-many"],
  [["contains"], "has-many"],
  [["contain"], "has-many"],
  [["holds"], "has-many"],
  [["hold"], "has-many"],
  [["includes"], "has-many"],
  [["has", "exactly", "one"], "has-one"],
  [["has", "a", "single"], "has-one"],
  [["has", "one"], "has-one"],
  [["have", "one"], "has-one"],
  [["has", "a"], "has-one"],
  [["has", "an"], "has-one"],
  [["have", "a"], "has-one"],
  [["have", "an"], "has-one"],
  [["can", "have", "a"], "has-one"],
  [["can", "have", "an"], "has-one"],
  [["has"], "has-many"],
  [["have"], "has-many"],
  [["can", "have"], "has-many"],
];

interface NounPhrase {
  readonly head: string;
  readonly modifier?: string;
  readonly end: number;
}

/** The noun phrase starting at `at` (after determiners): a head noun and at most one modifier. */
function nounAfter(tokens: readonly Token[], at: number, mask: MentionMask): NounPhrase | undefined {
  let i = at;
  while (tokens[i]?.kind === "word" && DETERMINERS.has(tokens[i]?.word ?? "")) i++;
  const words: string[] = [];
  while (words.length < 2) {
    const token = tokens[i];
    if (token?.kind !== "word" || !/^[a-z]+$/.test(token.word)) break;
    if (LIST_STOP.has(token.word) || token.word === "and" || token.word === "or") break;
    if (mask.technical(i) && !mask.nounLike(i)) return undefined;
    words.push(token.word);
    i++;
  }
  if (words.length === 0) return undefined;
  // "a parent category", "the book title": the last word is the head unless it cannot be a noun.
  const head = words[words.length - 1] ?? "";
  const modifier = words.length === 2 ? words[0] : undefined;
  return modifier && !ADJECTIVES.has(modifier) ? { head, modifier, end: i } : { head, end: i };
}

/** The noun just before `at`: "each loan [has a book]". */
function nounBefore(tokens: readonly Token[], at: number, mask: MentionMask): NounPhrase | undefined {
  const token = tokens[at - 1];
  if (token?.kind !== "word" || !/^[a-z]+$/.test(token.word)) return undefined;
  if (LIST_STOP.has(token.word) || DETERMINERS.has(token.word) || ADJECTIVES.has(token.word))
    return undefined;
  if (mask.technical(at - 1) && !mask.nounLike(at - 1)) return undefined;
  const before = tokens[at - 2];
  const modifier =
    before?.kind === "word" &&
    /^[a-z]+$/.test(before.word) &&
    !LIST_STOP.has(before.word) &&
    !DETERMINERS.has(before.word) &&
    !ADJECTIVES.has(before.word) &&
    before.word !== "and" &&
    !(mask.technical(at - 2) && !mask.nounLike(at - 2))
      ? before.word
      : undefined;
  return modifier ? { head: token.word, modifier, end: at } : { head: token.word, end: at };
}

/** Words a relation statement may make an entity of ("each order has a token" names no entity). */
const STATEMENT_NEVER = new Set([
  "token",
  "key",
  "query",
  "validator",
  "rule",
  "test",
  "fixture",
  "mock",
  "error",
  "exception",
  "header",
  "cookie",
  "session",
  "connection",
  "dependency",
  "worker",
  "queue",
  "route",
  "schema",
  "migration",
  "setting",
  "hint",
  "annotation",
  "class",
  "function",
  "method",
  "variable",
  "string",
  "value",
  "number",
  "minute",
  "second",
  "hour",
  "day",
  "week",
  "month",
  "year",
  "limit",
  "level",
  "role",
  "permission",
  "id",
  "lot",
  "bunch",
  "way",
  "access",
]);

function acceptable(word: string): boolean {
  const singular = singularize(word);
  return singular.length >= 3 && !NEVER_ENTITIES.has(singular) && !STATEMENT_NEVER.has(singular);
}

// ---------------------------------------------------------------------------------------------------------
// Field statements: "each book has a title and an isbn"

export interface StatedField {
  readonly entity: string;
  readonly field: FieldInput;
  readonly text: string;
}

const FIELD_WORDS: Readonly<Record<string, Omit<FieldInput, "name">>> = {
  title: { max_length: 200, filter: true, sort: true },
  name: { max_length: 120, filter: true, sort: true },
  description: { type: "text", required: false },
  summary: { max_length: 500, required: false },
  body: { type: "text" },
  content: { type: "text" },
  notes: { type: "text", required: false },
  note: { type: "text", required: false },
  price: { type: "decimal", min: 0, filter: true, sort: true },
  amount: { type: "decimal", min: 0, sort: true },
  total: { type: "decimal", min: 0, sort: true },
  cost: { type: "decimal", min: 0, sort: true },
  balance: { type: "decimal", sort: true },
  quantity: { type: "int", min: 0 },
  stock: { type: "int", min: 0, default: 0 },
  count: { type: "int", min: 0 },
  capacity: { type: "int", min: 0, sort: true },
  rating: { type: "int", min: 1, max: 5, filter: true, sort: true },
  score: { type: "int", min: 0, sort: true },
  age: { type: "int", min: 0, max: 150 },
  year: { type: "int", min: 1000, max: 9999, filter: true, sort: true },
  isbn: { max_length: 17, unique: true },
  sku: { max_length: 32, unique: true },
  email: { type: "email" },
  phone: { max_length: 30, required: false },
  address: { type: "text" },
  website: { type: "url", required: false },
  url: { type: "url" },
  link: { type: "url" },
  status: { max_length: 40, filter: true },
  color: { max_length: 30 },
  colour: { max_length: 30 },
  location: { max_length: 200, filter: true },
  city: { max_length: 80, filter: true, sort: true },
  country: { max_length: 80, filter: true, sort: true },
  weight: { type: "float", min: 0 },
  height: { type: "float", min: 0 },
  duration: { type: "int", min: 0, description: "in minutes" },
  deadline: { type: "date", sort: true },
  birthday: { type: "date", required: false },
  bio: { type: "text", required: false },
  genre: { max_length: 60, filter: true },
  category: { max_length: 80, filter: true },
  language: { max_length: 40, filter: true },
};

/** The field a phrase names ("a title", "a due date"), if it names one. */
function fieldFor(phrase: NounPhrase): FieldInput | undefined {
  const head = phrase.head;
  if (head === "date" && phrase.modifier) {
    return { name: `${phrase.modifier}_date`, type: "date", sort: true };
  }
  // "category" reads as a relation when a Category entity is named; as a field only as a last resort.
  if (head === "category") return undefined;
  const known = FIELD_WORDS[head];
  return known ? { name: head, ...known } : undefined;
}

interface Statement {
  readonly subject: NounPhrase;
  readonly verb: Verb;
  readonly objects: readonly NounPhrase[];
  readonly text: string;
}

/** "each book has a title, an isbn and an author": one subject and verb, several objects. */
function readStatements(tokens: readonly Token[], normalized: string, mask: MentionMask): Statement[] {
  const statements: Statement[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const match = VERBS.find(([words]) => startsWith(tokens, i, words));
    if (!match) continue;
    const [words, verb] = match;
    const subject = nounBefore(tokens, i, mask);
    const first = nounAfter(tokens, i + words.length, mask);
    if (!subject || !first) continue;
    const objects = [first];
    let end = first.end;
    for (;;) {
      let next = end;
      while (tokens[next]?.word === "," || tokens[next]?.word === "and") next++;
      if (next === end) break;
      const more = nounAfter(tokens, next, mask);
      // "books have many authors and authors have many books": a noun followed by a verb starts a new clause.
      if (!more || VERBS.some(([verbWords]) => startsWith(tokens, more.end, verbWords))) break;
      objects.push(more);
      end = more.end;
    }
    const from = tokens[i - (subject.modifier ? 2 : 1)];
    const last = tokens[end - 1];
    const text = from && last ? normalized.slice(from.start, last.end) : "";
    statements.push({ subject, verb, objects, text });
    i = end - 1;
  }
  return statements;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

export function readNouns(tokens: readonly Token[], normalized: string, mask: MentionMask): NounReading {
  const entities = new Map<string, NounEntity>();
  const add = (entity: NounEntity | undefined): void => {
    if (entity && !entities.has(entity.name)) entities.set(entity.name, entity);
  };
  let mentionsUsers = false;
  const ownedByUser: string[] = [];

  let list = 0;
  for (let i = 0; i < tokens.length; i++) {
    const trigger = triggerAt(tokens, i);
    if (!trigger || mask.technical(i)) continue;
    // "for managing invoices": the stronger trigger that follows reads the list.
    if (trigger.strength === "weak" && triggerAt(tokens, i + trigger.length)) continue;
    const { items, end } = readList(tokens, i + trigger.length, mask, trigger.strength !== "weak");
    list++;
    // "expenses and budgets for each user": the listed rows belong to users.
    const perUser = PER_USER.some((words) => startsWith(tokens, end, words));
    for (const item of items) {
      const head = item.words[item.words.length - 1];
      if (!item.tainted && isUserWord(head) && item.words.length === 1) mentionsUsers = true;
      const entity = itemEntity(item, trigger.strength, list);
      add(entity);
      if (entity && perUser && !ownedByUser.includes(entity.name)) ownedByUser.push(entity.name);
    }
    if (perUser) mentionsUsers = true;
  }

  // "users post photos and videos", "customers place orders": rows the users create are theirs.
  for (let i = 0; i < tokens.length; i++) {
    if (!isUserWord(tokens[i]?.word)) continue;
    let j = i + 1;
    if (MODALS.has(tokens[j]?.word ?? "")) j++;
    const verb = tokens[j]?.word ?? "";
    if (!CREATION_VERBS.has(verb) || mask.technical(j)) continue;
    mentionsUsers = true;
    const { items } = readList(tokens, j + 1, mask, true);
    for (const item of items) {
      const entity = itemEntity(item, "strong", ++list);
      if (!entity) continue;
      add(entity);
      if (!ownedByUser.includes(entity.name)) ownedByUser.push(entity.name);
    }
  }

  const relations: StatedRelation[] = [];
  const fields: StatedField[] = [];
  for (const { subject, verb, objects, text } of readStatements(tokens, normalized, mask)) {
    for (const object of objects) {
      const subjectIsUser = isUserWord(subject.head);
      const objectIsUser = isUserWord(object.head);
      if (subjectIsUser || objectIsUser) {
        mentionsUsers = true;
        // "notes belong to users", "each user has many notes": rows owned by users.
        const owned = subjectIsUser ? object : subject;
        if (subjectIsUser === objectIsUser || !acceptable(owned.head) || fieldFor(owned) !== undefined)
          continue;
        if (subjectIsUser && verb === "belongs") continue;
        const entity = nounEntity(owned, entities);
        add(entity);
        if (!ownedByUser.includes(entity.name)) ownedByUser.push(entity.name);
        continue;
      }
      if (!acceptable(subject.head) || fieldFor(subject) !== undefined) continue;
      const field =
        verb === "has-one" || (verb === "has-many" && !isPlural(object.head)) ? fieldFor(object) : undefined;
      if (field) {
        const owner = nounEntity(subject, entities);
        add(owner);
        fields.push({ entity: owner.name, field, text });
        continue;
      }
      if (!acceptable(object.head) || fieldFor(object) !== undefined) continue;
      if (verb === "has-many" && !isPlural(object.head)) continue;
      const from = nounEntity(verb === "has-many" ? object : subject, entities);
      const to = nounEntity(verb === "has-many" ? subject : object, entities);
      add(from);
      add(to);
      if (verb === "many-to-many") {
        relations.push({
          from: from.name,
          to: to.name,
          name: pluralName(to),
          kind: "many-to-many",
          required: true,
          text,
        });
        continue;
      }
      const self = from.name === to.name;
      const target = verb === "has-many" ? subject : object;
      const modifier =
        target.modifier && !entities.has(pascalCase(`${target.modifier}_${singularize(target.head)}`))
          ? target.modifier
          : undefined;
      const name = self
        ? (modifier ?? "parent")
        : modifier
          ? `${modifier}_${snakeCase(to.name)}`
          : snakeCase(to.name);
      relations.push({ from: from.name, to: to.name, name, kind: "many-to-one", required: !self, text });
    }
  }
  return {
    entities: [...entities.values()],
    relations: mergeMutual(relations),
    ownedByUser,
    mentionsUsers,
    fields,
  };
}

/** The entity a noun phrase names: the compound if it is already known ("book loan"), else the head. */
function nounEntity(phrase: NounPhrase, known: ReadonlyMap<string, NounEntity>): NounEntity {
  if (phrase.modifier) {
    const compound = known.get(pascalCase(`${phrase.modifier}_${singularize(phrase.head)}`));
    if (compound) return compound;
  }
  const singular = singularize(phrase.head);
  const existing = known.get(pascalCase(singular));
  return existing ?? entityFromWords([singular], phrase.head, phrase.head, "statement");
}

function pluralName(entity: NounEntity): string {
  return entity.plural ?? pluralize(snakeCase(entity.name));
}

/** "authors have many books" and "books have many authors": one many-to-many, not two crossing links. */
function mergeMutual(relations: readonly StatedRelation[]): StatedRelation[] {
  const result: StatedRelation[] = [];
  for (const relation of relations) {
    if (result.some((r) => r.from === relation.from && r.name === relation.name)) continue;
    const mirror = result.findIndex(
      (r) =>
        r.kind === "many-to-one" &&
        relation.kind === "many-to-one" &&
        r.from === relation.to &&
        r.to === relation.from,
    );
    if (mirror >= 0 && relation.from !== relation.to) {
      const other = result[mirror];
      if (other) {
        result[mirror] = {
          from: other.from,
          to: other.to,
          name: snakeCase(pluralize(snakeCase(other.to))),
          kind: "many-to-many",
          required: true,
          text: `${other.text}; ${relation.text}`,
        };
      }
      continue;
    }
    result.push(relation);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Field guesses

type Check = NonNullable<EntityInput["checks"]>[number];

interface Profile {
  readonly fields: readonly FieldInput[];
  readonly checks?: readonly Check[];
}

const TITLE: FieldInput = { name: "title", max_length: 200, filter: true, sort: true };
const NAME: FieldInput = { name: "name", max_length: 120, filter: true, sort: true };
const DESCRIPTION: FieldInput = { name: "description", type: "text", required: false };
const BODY: FieldInput = { name: "body", type: "text", min_length: 1 };
const ENDS_AFTER_START: Check = {
  field: "ends_at",
  op: ">",
  other: "starts_at",
  message: "must end after it starts",
};

/** Nouns whose usual shape is known: something scheduled, an amount of money, a review, a message… */
const PROFILES: readonly [readonly string[], Profile][] = [
  [
    ["event", "meeting", "session", "webinar", "conference", "workshop", "lecture", "class"],
    {
      fields: [
        TITLE,
        { name: "starts_at", type: "datetime", filter: true, sort: true },
        { name: "ends_at", type: "datetime", sort: true },
        { name: "location", max_length: 200, required: false, filter: true },
      ],
      checks: [ENDS_AFTER_START],
    },
  ],
  [
    ["appointment", "booking", "reservation", "visit", "rental", "shift", "trip", "slot"],
    {
      fields: [
        { name: "starts_at", type: "datetime", filter: true, sort: true },
        { name: "ends_at", type: "datetime", sort: true },
        {
          name: "status",
          type: "enum",
          choices: ["scheduled", "completed", "cancelled"],
          default: "scheduled",
          filter: true,
        },
        { name: "notes", type: "text", required: false },
      ],
      checks: [ENDS_AFTER_START],
    },
  ],
  [
    [
      "payment",
      "invoice",
      "expense",
      "transaction",
      "donation",
      "refund",
      "charge",
      "purchase",
      "sale",
      "transfer",
    ],
    {
      fields: [
        { name: "description", max_length: 200, required: false, filter: true },
        { name: "amount", type: "decimal", min: 0, filter: true, sort: true },
        {
          name: "currency",
          max_length: 3,
          pattern: "^[A-Z]{3}$",
          example: "EUR",
          default: "EUR",
          normalize: ["strip", "upper"],
        },
        { name: "occurred_on", type: "date", filter: true, sort: true },
      ],
    },
  ],
  [
    ["budget", "fund", "account", "wallet"],
    { fields: [NAME, { name: "amount", type: "decimal", sort: true }] },
  ],
  [
    ["review", "rating", "feedback", "testimonial"],
    {
      fields: [
        { name: "rating", type: "int", min: 1, max: 5, filter: true, sort: true },
        { name: "body", type: "text", required: false },
      ],
    },
  ],
  [["comment", "message", "reply", "answer", "response", "post", "tweet", "chirp"], { fields: [BODY] }],
  [["note", "entry", "journal"], { fields: [TITLE, { name: "body", type: "text" }] }],
  [
    ["task", "todo", "chore", "errand", "habit", "goal"],
    {
      fields: [
        TITLE,
        { name: "done", type: "bool", default: false, filter: true },
        { name: "due_date", type: "date", required: false, filter: true, sort: true },
      ],
    },
  ],
  [
    ["product", "item", "service", "dish", "ticket", "plan", "package"],
    { fields: [NAME, DESCRIPTION, { name: "price", type: "decimal", min: 0, filter: true, sort: true }] },
  ],
  [
    ["photo", "image", "picture", "video", "clip", "attachment"],
    {
      fields: [
        { name: "caption", max_length: 300, required: false, filter: true },
        { name: "url", type: "url" },
      ],
    },
  ],
  [["link", "bookmark", "url"], { fields: [TITLE, { name: "url", type: "url" }] }],
  [
    ["pet", "animal", "dog", "cat", "horse"],
    {
      fields: [
        NAME,
        { name: "species", max_length: 60, filter: true },
        { name: "born_on", type: "date", required: false, sort: true },
      ],
    },
  ],
  [
    ["grade", "score", "result", "mark"],
    { fields: [{ name: "score", type: "decimal", min: 0, filter: true, sort: true }, DESCRIPTION] },
  ],
  [
    ["address", "location", "place", "venue", "store", "branch", "office"],
    {
      fields: [
        NAME,
        { name: "street", max_length: 200 },
        { name: "city", max_length: 80, filter: true, sort: true },
        { name: "country", max_length: 80, filter: true, sort: true },
      ],
    },
  ],
];

const TITLED = new Set(
  "book post article movie film song album course lesson ticket issue project recipe episode podcast page document report story chapter question poll survey listing announcement campaign playlist paper idea topic track essay show series game puzzle quiz talk".split(
    " ",
  ),
);
const PEOPLE = new Set(
  "author customer member student teacher employee patient doctor contact client person guest reader borrower volunteer player coach instructor tenant landlord driver passenger subscriber attendee speaker artist musician vendor applicant candidate agent writer editor owner manager worker nurse trainer participant visitor host seller buyer donor friend family parent child staff supplier partner lead user".split(
    " ",
  ),
);

/** Name/description-style fields (or a known shape) for an entity nothing more is known about. */
export function guessProfile(entityName: string): Profile {
  const head = snakeCase(entityName).split("_").pop() ?? "";
  const known = PROFILES.find(([nouns]) => nouns.includes(head));
  if (known) return known[1];
  if (TITLED.has(head)) return { fields: [TITLE, DESCRIPTION] };
  if (PEOPLE.has(head)) {
    return {
      fields: [NAME, { name: "email", type: "email", required: false, normalize: ["strip", "lower"] }],
    };
  }
  return { fields: [NAME, DESCRIPTION] };
}

/** An entity with the fields the sentence stated, and a guessed name/title field when none names it. */
export function guessedEntity(noun: NounEntity, stated: readonly FieldInput[]): EntityInput {
  const profile = guessProfile(noun.name);
  const naming = new Set(["name", "title"]);
  const guessedNaming = profile.fields.filter((f) => naming.has(f.name));
  const fields =
    stated.length === 0
      ? profile.fields
      : stated.some((f) => naming.has(f.name))
        ? stated
        : [...guessedNaming, ...stated];
  const unique = fields
    .filter((f, i) => fields.findIndex((g) => g.name === f.name) === i)
    .map((f) => structuredClone(f));
  const names = new Set(unique.map((f) => f.name));
  const checks = (stated.length === 0 ? (profile.checks ?? []) : []).filter(
    (c) => names.has(c.field) && names.has(c.other),
  );
  return {
    name: noun.name,
    ...(noun.plural ? { plural: noun.plural } : {}),
    fields: unique.length > 0 ? unique : [structuredClone(NAME)],
    ...(checks.length ? { checks: checks.map((c) => ({ ...c })) } : {}),
  };
}
