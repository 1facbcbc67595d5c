/**
 * A function remembered by its exact key, within one process: what a run computes again and again for the same text
 * (a duration, a cron expression, a bucket name) is computed once. Bounded: past `max` entries the memory starts
 * afresh, so a hostile project of millions of distinct texts costs time, not memory. The values are shared between
 * callers, so they must be values no caller changes (frozen, or typed read-only and treated so).
 */
export function boundedMemo<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key)!;
    const value = compute(key);
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
    return value;
  };
}
