/**
 * Words longer than this get no "did you mean": a typo is a short word, and comparing a 20,000-character value with
 * hundreds of ids would take seconds.
 */
export const MAX_SUGGESTED_LENGTH = 64;
/** The largest distance that can ever be accepted: a third of the longest word compared. */
const MAX_DISTANCE = Math.floor(MAX_SUGGESTED_LENGTH / 3);

/**
 * Optimal string alignment distance (Levenshtein with transpositions), or `bound + 1` as soon as it is certain to
 * exceed `bound`: rows whose smallest entry is over the bound cannot lead to a smaller result.
 */
export function editDistance(a: string, b: string, bound = Infinity): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > bound) return bound + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > bound) return bound + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[n]!, bound + 1);
}

/** The closest candidate, if it is close enough to be a likely typo; ties go to the first candidate. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDist = MAX_DISTANCE + 1;
  for (const c of candidates) {
    if (c.length > MAX_SUGGESTED_LENGTH) continue;
    // Only a candidate strictly closer than the best so far matters.
    const dist = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase(), bestDist - 1);
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDist <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const c = closest(word, candidates);
  return c === undefined || c === word ? undefined : `did you mean '${c}'?`;
}
