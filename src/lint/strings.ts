import type { JsonPath } from '../diagnostics/types';

/** A string `eachString` found: its text, the key it is under, and the walk's path to it (see `eachString`). */
export type StringVisitor = (text: string, key: string | null, path: JsonPath) => void;

/** Nesting a recursive walk handles; deeper values (validation rejects them, DS148) go to the explicit stack. */
const RECURSION_LIMIT = 512;

/**
 * Calls `visit` for every string inside `value`, in the order of `stringsIn` (src/ir/queries.ts): depth first, items
 * and properties in order, an item of a list under its list's key, a property under its own. Where `stringsIn` makes
 * an object and a copy of the path for each string, and a frame and a key list for each object (some 35 MB in a lint
 * of 1,000 pipelines), this makes none of them: `path` is the walk's own stack, valid only during the call
 * (`[...path]` keeps it), and properties are read with `for...in` (own ones only), which needs no key list. For the
 * rules that read every string of a step and report on very few (connection-tls, airflow3-jinja).
 * test/lint/fast-paths.test.ts checks it against `stringsIn`.
 */
export function eachString(value: unknown, visit: StringVisitor): void {
  if (typeof value === 'string') visit(value, null, []);
  else if (typeof value === 'object' && value !== null) walk(value, null, [], 0, visit);
}

function walk(v: object, key: string | null, path: (string | number)[], depth: number, visit: StringVisitor): void {
  if (depth >= RECURSION_LIMIT) {
    walkDeep(v, key, path, visit);
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const child: unknown = v[i];
      if (typeof child === 'string') {
        path.push(i);
        visit(child, key, path);
        path.pop();
      } else if (typeof child === 'object' && child !== null) {
        path.push(i);
        walk(child, key, path, depth + 1, visit);
        path.pop();
      }
    }
    return;
  }
  const rec = v as Record<string, unknown>;
  for (const k in rec) {
    if (!Object.prototype.hasOwnProperty.call(rec, k)) continue;
    const child = rec[k];
    if (typeof child === 'string') {
      path.push(k);
      visit(child, k, path);
      path.pop();
    } else if (typeof child === 'object' && child !== null) {
      path.push(k);
      walk(child, k, path, depth + 1, visit);
      path.pop();
    }
  }
}

/** The same walk with an explicit stack (one frame per open list or object), for values nested very deep. */
function walkDeep(value: object, valueKey: string | null, path: (string | number)[], visit: StringVisitor): void {
  const base = path.length;
  const frames: { v: object; keys: string[] | undefined; i: number; key: string | null }[] = [];
  const open = (v: object, key: string | null) => frames.push({ v, keys: Array.isArray(v) ? undefined : Object.keys(v), i: 0, key });
  open(value, valueKey);
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    if (f.i >= (f.keys ?? (f.v as unknown[])).length) {
      frames.pop();
      if (path.length > base) path.pop(); // the segment that led to this frame (none for `value` itself)
      continue;
    }
    const seg = f.keys ? f.keys[f.i]! : f.i;
    // An item of a list is under the list's key; a property under its own.
    const key = f.keys ? (seg as string) : f.key;
    const child: unknown = (f.v as Record<string | number, unknown>)[seg];
    f.i++;
    if (typeof child === 'string') {
      path.push(seg);
      visit(child, key, path);
      path.pop();
    } else if (typeof child === 'object' && child !== null) {
      path.push(seg);
      open(child, key);
    }
  }
}
