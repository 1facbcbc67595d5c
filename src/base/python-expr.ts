import { boundedMemo } from '../util/bounded-memo';
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
  if (!isDotted(identifier)) throw new Error(`internal error: '${identifier}' is not a Python name`);
  return { t: 'name', name: identifier };
}

export function call(callee: string, args: readonly PyExpr[] = [], kwargs: readonly PyKwarg[] = []): PyExpr {
  if (!isDotted(callee)) throw new Error(`internal error: '${callee}' is not a Python callee`);
  for (let i = 0; i < kwargs.length; i++) {
    const k = kwargs[i]![0];
    if (!isIdent(k)) throw new Error(`internal error: '${k}' is not a Python keyword argument`);
  }
  return { t: 'call', callee, args, kwargs };
}

/*
 * Names and callees are the compiler's own identifiers: a few dozen, checked on every call of every step. Each is
 * judged once (bounded, should a caller ever build names from data), so the regular expression runs once per name.
 */
const isDotted = boundedMemo(1_000, (text: string): boolean => DOTTED.test(text));
const isIdent = boundedMemo(1_000, (text: string): boolean => IDENT.test(text));

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
  // Durations are parsed once per text and frozen (src/base/durations.ts), and sensors and settings ask for the same
  // few on every step: the expression (read-only, like every PyExpr) is made once per frozen duration.
  const frozen = Object.isFrozen(d) && Object.isFrozen(d.parts);
  const known = frozen ? timedeltaOfDuration.get(d) : undefined;
  if (known) return known;
  const expr = timedeltaOf(d);
  if (frozen) timedeltaOfDuration.set(d, deepFreeze(expr));
  return expr;
}

const timedeltaOfDuration = new WeakMap<Duration, PyExpr>();

/** A shared expression is frozen through: a writer that changed it would change every DAG that holds it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function timedeltaOf(d: Duration): PyExpr {
  const parts: PyKwarg[] = [];
  // In the order of the duration's own keys (as Object.entries gives them): its units as written.
  for (const k in d.parts) {
    if (!Object.hasOwn(d.parts, k)) continue;
    const v = d.parts[k as keyof Duration['parts']];
    if (v !== undefined && v !== 0) parts.push([k, lit(v)]);
  }
  if (parts.length === 0) return call('timedelta', [], [['seconds', lit(0)]]);
  return call('timedelta', [], parts);
}
