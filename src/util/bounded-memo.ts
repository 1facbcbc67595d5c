/**
 * A function remembered by its exact key, within one process: what a run computes again and again for the same
 * arguments (a duration, a cron expression, a bucket name) is computed once. The key is the only argument unless
 * `keyOf` makes one of several. Bounded: past `max` entries the memory starts afresh, so a hostile project of
 * millions of distinct texts costs time, not memory. The values are shared between callers, so they must be values
 * no caller changes (frozen, or typed read-only and treated so).
 */
export function boundedMemo<K, V>(max: number, compute: (key: K) => V): (key: K) => V;
export function boundedMemo<A extends readonly unknown[], V>(
  max: number,
  compute: (...args: A) => V,
  keyOf: (...args: A) => unknown,
): (...args: A) => V;
export function boundedMemo<A extends readonly unknown[], V>(
  max: number,
  compute: (...args: A) => V,
  keyOf?: (...args: A) => unknown,
): (...args: A) => V {
  const memo = new Map<unknown, V>();
  const remember = (key: unknown, value: V): V => {
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
    return value;
  };
  // One argument, the key itself: no argument list made per call (the memos of one text are asked on every step).
  if (!keyOf) {
    const one = compute as unknown as (key: unknown) => V;
    return ((key: unknown) => (memo.has(key) ? memo.get(key)! : remember(key, one(key)))) as unknown as (...args: A) => V;
  }
  return (...args) => {
    const key = keyOf(...args);
    return memo.has(key) ? memo.get(key)! : remember(key, compute(...args));
  };
}
