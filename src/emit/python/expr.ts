import type { Duration } from '../../ir/types';
import { pyLiteral } from './literal';

/**
 * A tiny Python expression tree. Spec values only enter through `lit` (rendered by pyLiteral); names and callees
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
  return Object.entries(entries).filter((e): e is [string, PyExpr] => e[1] !== undefined);
}

/** `lit(v)` when v is defined, else undefined (for use with `kwargs`). */
export function optLit(value: unknown): PyExpr | undefined {
  return value === undefined ? undefined : lit(value);
}

/** `timedelta(hours=1, minutes=30)`: the units as the spec wrote them, so the DAG reads like the pipeline. */
export function timedeltaExpr(d: Duration): PyExpr {
  const parts = Object.entries(d.parts).filter(([, v]) => v !== undefined && v !== 0);
  if (parts.length === 0) return call('timedelta', [], [['seconds', lit(0)]]);
  return call('timedelta', [], parts.map(([k, v]) => [k, lit(v)] as const));
}

const STEP = '    ';
const WIDTH = 100;

/** Renders an expression starting at `indent`; short expressions stay on one line, long ones put one item a line. */
export function render(expr: PyExpr, indent = ''): string {
  switch (expr.t) {
    case 'lit':
      return pyLiteral(expr.value, { indent });
    case 'name':
      return expr.name;
    case 'list':
      return group('[', ']', expr.items.map((i) => (ind: string) => render(i, ind)), indent);
    case 'dict':
      return group(
        '{',
        '}',
        expr.entries.map(([k, v]) => (ind: string) => `${pyLiteral(k)}: ${render(v, ind)}`),
        indent,
      );
    case 'call': {
      const parts = [
        ...expr.args.map((a) => (ind: string) => render(a, ind)),
        ...expr.kwargs.map(([k, v]) => (ind: string) => `${k}=${render(v, ind)}`),
      ];
      return group(`${expr.callee}(`, ')', parts, indent);
    }
  }
}

function group(
  open: string,
  close: string,
  parts: ((indent: string) => string)[],
  indent: string,
): string {
  if (parts.length === 0) return `${open}${close}`;
  const inline = `${open}${parts.map((p) => p(indent)).join(', ')}${close}`;
  if (!inline.includes('\n') && indent.length + inline.length <= WIDTH) return inline;
  const inner = indent + STEP;
  return `${open}\n${parts.map((p) => `${inner}${p(inner)},`).join('\n')}\n${indent}${close}`;
}
