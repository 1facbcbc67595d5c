/** Python keywords and the module-level names the generated file uses itself. */
const PY_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield match case type _'
  ).split(' '),
);

/**
 * Turns step ids into distinct, valid, non-keyword Python identifiers that avoid the given reserved names.
 * `load-orders.v2` -> `load_orders_v2`; `2020_backfill` -> `step_2020_backfill`; clashes get `_2`, `_3`, ...
 */
export function assignVariableNames(ids: readonly string[], reserved: Iterable<string>): Map<string, string> {
  const taken = new Set<string>(reserved);
  const out = new Map<string, string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `step_${base}`;
    if (PY_KEYWORDS.has(base) || base.startsWith('__')) base = `${base}_step`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    out.set(id, candidate);
  }
  return out;
}
