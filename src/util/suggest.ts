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

/**
 * The one candidate `word` abbreviates (its letters in order, the first one first: `args` for `arguments`, `deps`
 * for `dependsOn`), when it is at least 3 letters long and shorter than the candidate; else undefined.
 */
export function abbreviated(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < 3 || word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const lower = word.toLowerCase();
  let found: string | undefined;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl.length <= lower.length || cl.length > MAX_SUGGESTED_LENGTH || cl[0] !== lower[0] || !isSubsequence(lower, cl)) continue;
    if (found !== undefined) return undefined;
    found = c;
  }
  return found;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let j = 0; j < long.length && i < short.length; j++) if (long[j] === short[i]) i++;
  return i === short.length;
}

/**
 * For a dotted name (`athena.sql`) that is no candidate: the candidates of the same namespace (`athena.query`), when
 * the namespace has at most three.
 */
export function sameNamespace(word: string, candidates: Iterable<string>): readonly string[] {
  const dot = word.indexOf('.');
  if (dot <= 0) return [];
  const ns = word.slice(0, dot + 1).toLowerCase();
  const matches = [...candidates].filter((c) => c.toLowerCase().startsWith(ns));
  return matches.length <= 3 ? matches : [];
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const all = [...candidates];
  const c = closest(word, all) ?? abbreviated(word, all);
  if (c !== undefined) return c === word ? undefined : `did you mean '${c}'?`;
  const ns = sameNamespace(word, all);
  if (ns.length === 1) return `did you mean '${ns[0]}'?`;
  return ns.length > 1 ? `did you mean one of ${ns.map((n) => `'${n}'`).join(', ')}?` : undefined;
}
