/**
 * A function remembered by its exact key, within one process: what a run computes again and again for the same
 * arguments (a duration, a cron expression, a bucket name) is computed once. The key is the first argument unless
 * `keyOf` makes one of them all. Bounded: past `max` entries the memory starts afresh, so a hostile project of
 * millions of distinct texts costs time, not memory. The values are shared between callers, so they must be values
 * no caller changes (frozen, or typed read-only and treated so).
 */
export function boundedMemo<A extends readonly unknown[], V>(
  max: number,
  compute: (...args: A) => V,
  keyOf: (...args: A) => unknown = (...args) => args[0],
): (...args: A) => V {
  const memo = new Map<unknown, V>();
  return (...args) => {
    const key = keyOf(...args);
    if (memo.has(key)) return memo.get(key)!;
    const value = compute(...args);
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
    return value;
  };
}
