/** "Did you mean …?" suggestions for misspelt keys, enum values and entity names. */
import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo. Case is ignored so that
 * `String` suggests `string`; the threshold grows with the word (a third of its length, at least 2) but
 * stays below the word's own length, so a two-letter word is never "corrected" into an unrelated one.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const needle = word.toLowerCase();
  const threshold = Math.min(Math.max(2, Math.floor(word.length / 3)), Math.max(word.length - 1, 0));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = distance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= threshold ? best : undefined;
}
