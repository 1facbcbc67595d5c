import type { Duration } from './durations';

/**
 * A tiny Python expression tree (laid out as source by layout.ts). Spec values only enter through `lit` (written by
 * pyLiteral); names and callees
 * are compiler-chosen identifiers, checked here so a spec value can never become code by accident.
 */
export type PyExpr =
  | { readonly t: 'lit'; readonly value: unknown }
  | { readonly t: 'name'; readonly name: string }
  | { readonly t: 'call'; readonly callee: string; readonly args: readonly PyExpr[]; readonly kwargs: readonly PyKwarg[] }
  | { readonly t: 'list'; readonly items: readonly PyExpr[] }
  | { readonly t: 'dict'; readonly entries: readonly (readonly [string, PyExpr])[] };

export type PyKwarg = readonly [string, PyExpr];

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DOTTED = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function lit(value: unknown): PyExpr {
  return { t: 'lit', value };
}

export function name(identifier: string): PyExpr {
  if (!DOTTED.test(identifier)) throw new Error(`internal error: '${identifier}' is not a Python name`);
  return { t: 'name', name: identifier };
}

export function call(callee: string, args: readonly PyExpr[] = [], kwargs: readonly PyKwarg[] = []): PyExpr {
  if (!DOTTED.test(callee)) throw new Error(`internal error: '${callee}' is not a Python callee`);
  for (const [k] of kwargs) {
    if (!IDENT.test(k)) throw new Error(`internal error: '${k}' is not a Python keyword argument`);
  }
  return { t: 'call', callee, args, kwargs };
}

export function list(items: readonly PyExpr[]): PyExpr {
  return { t: 'list', items };
}

export function dict(entries: readonly (readonly [string, PyExpr])[]): PyExpr {
  return { t: 'dict', entries };
}

/** Keyword arguments with `undefined` values dropped, so optional fields read naturally at call sites. */
export function kwargs(entries: Record<string, PyExpr | undefined>): PyKwarg[] {
  const out: PyKwarg[] = [];
  // Keys are the kinds' own argument names (object literals in src/steps), never a spec's.
  for (const k in entries) {
    const v = entries[k];
    if (v !== undefined) out.push([k, v]);
  }
  return out;
}

/** `lit(v)` when v is defined, else undefined (for use with `kwargs`). */
export function optLit(value: unknown): PyExpr | undefined {
  return value === undefined ? undefined : lit(value);
}

/** `timedelta(hours=1, minutes=30)`: the units as the spec wrote them, so the DAG reads like the pipeline. */
export function timedeltaExpr(d: Duration): PyExpr {
  const parts = Object.entries(d.parts).filter(([, v]) => v !== undefined && v !== 0);
  if (parts.length === 0) return call('timedelta', [], [['seconds', lit(0)]]);
  return call(
    'timedelta',
    [],
    parts.map(([k, v]) => [k, lit(v)] as const),
  );
}
