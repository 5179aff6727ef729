/**
 * Text handling for the rule-based reader: normalization, tokens, misspelling correction, phrase matching
 * and negation scopes. Everything works on lowercase word tokens; punctuation is kept as separate tokens
 * because it ends lists and negation scopes.
 */
import { distance } from "fastest-levenshtein";

export interface Token {
  /** Lowercase word (after misspelling correction) or a punctuation mark. */
  readonly word: string;
  readonly kind: "word" | "punct";
  /** Offsets in the normalized text. */
  readonly start: number;
  readonly end: number;
  /** The word as typed, when a misspelling was corrected. */
  readonly typed?: string;
}

/** Lowercase, ASCII, no apostrophes inside words, a few shorthands spelt out. */
export function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, " - ")
    .replace(/\bw\/o\b/g, "without")
    .replace(/\bw\//g, "with ")
    .replace(/&/g, " and ")
    .replace(/([a-z])'([a-z])/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Words are runs of letters and digits; `.` is a sentence break only before a space or the end (so
 * `socket.io`, `nats.py` and `3.12` stay whole), and `-`, `/`, `_` and `'` join nothing and break nothing.
 */
export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(/[a-z0-9]+|[,;:!?()[\]{}"]|\.(?=\s|$)/g)) {
    const word = match[0];
    const start = match.index ?? 0;
    tokens.push({ word, kind: /^[a-z0-9]/.test(word) ? "word" : "punct", start, end: start + word.length });
  }
  return tokens;
}

/** Words that look like a misspelt product name but are ordinary English (or another product). */
const NEVER_CORRECT = new Set([
  "docket",
  "docked",
  "postures",
  "polar",
  "polaris",
  "fastai",
  "goggle",
  "goggles",
  "celebrate",
  "strawberries",
  "sentries",
]);

/** True when `a` becomes `b` by swapping two neighbouring letters (a typo Levenshtein counts as 2). */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * The lexicon word a typed word is a plausible misspelling of. Only longer words are corrected (six letters
 * and more: one edit, nine and more: two), the first letter must match, and the closest candidate must be
 * unique, so ordinary words are left alone.
 */
export function correctSpelling(
  word: string,
  lexicon: readonly string[],
  known: ReadonlySet<string>,
): string | undefined {
  if (word.length < 5 || known.has(word) || NEVER_CORRECT.has(word) || /\d/.test(word)) return undefined;
  // Plurals of known words are matched as they are.
  const stem = word.slice(0, -1);
  if (word.endsWith("s") && !word.endsWith("ss") && (known.has(stem) || lexicon.includes(stem)))
    return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of lexicon) {
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > 2) continue;
    const d = isTransposition(word, candidate) ? 1 : distance(word, candidate);
    const allowed = candidate.length >= 9 ? 2 : 1;
    if (d > allowed) continue;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidate !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Tokens with misspellings of lexicon words replaced; the typed form is kept on the token. */
export function correctTokens(
  tokens: readonly Token[],
  lexicon: readonly string[],
  known: ReadonlySet<string>,
) {
  return tokens.map((token): Token => {
    if (token.kind !== "word") return token;
    const corrected = correctSpelling(token.word, lexicon, known);
    return corrected ? { ...token, word: corrected, typed: token.word } : token;
  });
}

/** A phrase's comparison key: its words run together, so "socket.io", "socket io" and "socketio" agree. */
export function squash(phrase: string): string {
  return phrase.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export interface PhraseMatch<T> {
  readonly value: T;
  /** Token indices [start, end). */
  readonly start: number;
  readonly end: number;
}

const MAX_SPAN = 6;

/**
 * Finds phrases in the tokens: greedy from the left, longest match first, no overlaps. A span of word
 * tokens matches a phrase when their letters run together equal the phrase's (a trailing plural `s` or
 * `es` is allowed), so spacing, hyphens and dots never matter.
 */
export function matchPhrases<T>(
  tokens: readonly Token[],
  phrases: ReadonlyMap<string, T>,
  skip: (index: number) => boolean = () => false,
): PhraseMatch<T>[] {
  const matches: PhraseMatch<T>[] = [];
  let i = 0;
  while (i < tokens.length) {
    let found: PhraseMatch<T> | undefined;
    let joined = "";
    for (let j = i; j < tokens.length && j < i + MAX_SPAN; j++) {
      const token = tokens[j];
      if (token?.kind !== "word" || skip(j)) break;
      joined += token.word;
      const value = lookup(phrases, joined);
      if (value !== undefined) found = { value, start: i, end: j + 1 };
    }
    if (found) {
      matches.push(found);
      i = found.end;
    } else {
      i++;
    }
  }
  return matches;
}

function lookup<T>(phrases: ReadonlyMap<string, T>, joined: string): T | undefined {
  const exact = phrases.get(joined);
  if (exact !== undefined) return exact;
  if (joined.length > 3 && joined.endsWith("s") && !joined.endsWith("ss")) {
    const singular = phrases.get(joined.slice(0, -1));
    if (singular !== undefined) return singular;
    if (joined.endsWith("es")) return phrases.get(joined.slice(0, -2));
  }
  return undefined;
}

/** The text the tokens [start, end) came from, as typed (normalized). */
export function spanText(normalized: string, tokens: readonly Token[], start: number, end: number): string {
  const first = tokens[start];
  const last = tokens[end - 1];
  return first && last ? normalized.slice(first.start, last.end) : "";
}

// ---------------------------------------------------------------------------------------------------------
// Negation

const NEGATORS = new Set([
  "no",
  "without",
  "not",
  "never",
  "skip",
  "skipping",
  "exclude",
  "excluding",
  "minus",
  "dont",
  "doesnt",
  "nor",
  "disable",
  "disabled",
  "avoid",
  "drop",
  "except",
  "instead",
  "rather",
  "neither",
]);
/** Words allowed between a negator and what it negates: "don't need any", "no need for the". */
const NEGATION_FILLER = new Set([
  "a",
  "an",
  "any",
  "the",
  "need",
  "needs",
  "want",
  "wants",
  "use",
  "using",
  "for",
  "to",
  "of",
  "than",
  "include",
  "including",
  "add",
  "adding",
  "do",
  "does",
  "require",
  "requiring",
  "bother",
  "built",
  "in",
  "setup",
  "set",
  "up",
  "support",
]);
/** After a word: "auth not needed", "docker isn't required", "auth: none". */
const POST_NEGATION = [
  ["not", "needed"],
  ["not", "required"],
  ["not", "necessary"],
  ["isnt", "needed"],
  ["isnt", "required"],
  ["is", "not", "needed"],
  ["is", "not", "required"],
  ["arent", "needed"],
  ["are", "not", "needed"],
  ["none"],
  ["off"],
  ["disabled"],
  ["false"],
  ["unnecessary"],
];

/**
 * The negation of the words at [start, end), as the token span that says it (negator included), if they are
 * negated: a negator at most four filler words before them ("don't need any docker"), or a "not needed",
 * ": none" after them. Any other word, and punctuation, end a negator's reach.
 */
export function negationAt(
  tokens: readonly Token[],
  start: number,
  end: number,
): { start: number; end: number } | undefined {
  const before = negatorBefore(tokens, start);
  if (before !== undefined) return { start: before, end };
  const after = negationAfter(tokens, end);
  return after === undefined ? undefined : { start, end: after };
}

function negatorBefore(tokens: readonly Token[], start: number): number | undefined {
  let fillers = 0;
  for (let i = start - 1; i >= 0 && fillers <= 4; i--) {
    const token = tokens[i];
    if (!token || token.kind === "punct") return undefined;
    // "with no X" still negates; "not only X" does not.
    if (NEGATORS.has(token.word)) return tokens[i + 1]?.word === "only" ? undefined : i;
    if (!NEGATION_FILLER.has(token.word)) return undefined;
    fillers++;
  }
  return undefined;
}

/** The end of a negating tail after the words, if there is one. */
function negationAfter(tokens: readonly Token[], end: number): number | undefined {
  const colon = tokens[end]?.word === ":";
  const at = colon ? end + 1 : end;
  // "docker: no"
  if (colon && tokens[at]?.word === "no") return at + 1;
  const tail = POST_NEGATION.find((words) => words.every((word, k) => tokens[at + k]?.word === word));
  return tail ? at + tail.length : undefined;
}

/** Words that continue a negated list: "without docker, ci or auth". */
export const LIST_JOINERS = new Set([",", "and", "or", "nor", "no", "a", "any", "the"]);

// ---------------------------------------------------------------------------------------------------------
// Nouns

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  people: "person",
  children: "child",
  men: "man",
  women: "woman",
  mice: "mouse",
  geese: "goose",
  feet: "foot",
  teeth: "tooth",
  criteria: "criterion",
  analyses: "analysis",
  theses: "thesis",
  indices: "index",
  matrices: "matrix",
  vertices: "vertex",
  leaves: "leaf",
  shelves: "shelf",
  knives: "knife",
  wives: "wife",
  lives: "life",
  wolves: "wolf",
  halves: "half",
  thieves: "thief",
  loaves: "loaf",
  heroes: "hero",
  potatoes: "potato",
  tomatoes: "tomato",
  echoes: "echo",
  statuses: "status",
  buses: "bus",
  bonuses: "bonus",
  viruses: "virus",
  campuses: "campus",
  quizzes: "quiz",
  movies: "movie",
  cookies: "cookie",
  zombies: "zombie",
  rookies: "rookie",
  selfies: "selfie",
  calories: "calorie",
  series: "series",
  species: "species",
  news: "news",
  aliases: "alias",
  canvases: "canvas",
};

const INVARIANT = new Set(["series", "species", "news", "data", "media", "staff", "equipment", "software"]);

/** English singular good enough for entity names. */
export function singularize(word: string): string {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Whether a word reads as a plural noun. */
export function isPlural(word: string): boolean {
  // analytics, logistics, statistics: not plurals of anything.
  if (INVARIANT.has(word) || word.endsWith("ics")) return false;
  if (word in IRREGULAR_PLURALS) return true;
  return word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word);
}
