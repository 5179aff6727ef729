/** Recognition: a request's tokens, and the vocabulary phrases found in them with their negations. */
import { DOMAIN_FUZZY_WORDS, DOMAINS, type Domain } from "./catalog.js";
import {
  correctTokens,
  LIST_JOINERS,
  matchPhrases,
  negationAt,
  normalize,
  spanText,
  squash,
  type Token,
  tokenize,
} from "./text.js";
import {
  FUZZY_LEXICON,
  KNOWN_WORDS,
  type Meaning,
  PHRASE_INDEX,
  type PhraseEntry,
  type Term,
} from "./vocabulary.js";

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

export interface Reading {
  readonly normalized: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
}

export const DOMAIN_INDEX: ReadonlyMap<string, Domain> = new Map(
  DOMAINS.flatMap((domain) => domain.triggers.map((t) => [squash(t), domain] as const)),
);
const LEXICON = [...new Set([...FUZZY_LEXICON, ...DOMAIN_FUZZY_WORDS])];
const KNOWN = new Set([
  ...KNOWN_WORDS,
  ...DOMAINS.flatMap((d) => d.triggers.flatMap((t) => t.split(/[^a-z0-9]+/))),
]);

/** Tokens and vocabulary mentions of a request, negations resolved. */
export function readMentions(text: string): Reading {
  const normalized = normalize(text);
  const tokens = correctTokens(tokenize(normalized), LEXICON, KNOWN);
  const matches = matchPhrases(tokens, PHRASE_INDEX);
  const mentions: Mention[] = [];
  for (const match of matches) {
    const previous = mentions[mentions.length - 1];
    const negation = negationAt(tokens, match.start, match.end);
    const negated =
      negation !== undefined ||
      (previous?.negated === true && continuesList(tokens, previous, match.start, match.value));
    const corrections = tokens
      .slice(match.start, match.end)
      .flatMap((t): (readonly [string, string])[] => (t.typed ? [[t.typed, t.word]] : []));
    const span = negation ?? match;
    mentions.push({
      term: match.value.term,
      text: spanText(normalized, tokens, span.start, span.end),
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

export function mentionAt(reading: Reading, index: number): Mention | undefined {
  return reading.mentions.find((m) => m.start <= index && index < m.end);
}
