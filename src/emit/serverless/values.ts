/**
 * Values of a workflow definition (the YAML document dag-factory reads), and the translation of the kinds' operator
 * arguments (Python expression trees, src/base/python-expr.ts) into them. Mappings are `Map`s: their keys are data
 * (a spec's argument names, a payload's keys), never object properties.
 */
import type { PyExpr } from '../../base/python-expr';

export type YamlValue = null | boolean | number | string | readonly YamlValue[] | YamlMap;
export type YamlMap = ReadonlyMap<string, YamlValue>;

export function isYamlMap(v: YamlValue): v is YamlMap {
  return v instanceof Map;
}

/**
 * Mapping keys that dag-factory 1.0.1 does not read as data: a mapping with `__type__` becomes a call of the named
 * Python callable with the other keys (and `__args__`) as arguments (dagfactory/utils.py cast_with_type), and
 * `__and__` / `__or__` / `__join__` are folded into expressions (dagfactory/_yaml.py). dagsmith writes `__type__`
 * itself for timedeltas; in a spec's data these keys would run code on the worker, so they are refused.
 */
export const DAG_FACTORY_KEYS: ReadonlySet<string> = new Set(['__type__', '__args__', '__and__', '__or__', '__join__']);

/** A timedelta as dag-factory builds one: `datetime.timedelta(**parts)`. */
export function timedeltaValue(parts: readonly (readonly [string, number])[]): YamlMap {
  return new Map<string, YamlValue>([['__type__', 'datetime.timedelta'], ...parts]);
}

/** Why an argument has no form in a workflow definition. */
export interface NoForm {
  readonly reason: string;
  /** The mapping key that dag-factory would read as code, when that is the reason. */
  readonly key?: string;
}

export type Translated = { readonly ok: true; readonly value: YamlValue } | ({ readonly ok: false } & NoForm);

const MAX_DEPTH = 200;

/**
 * The definition value of an operator argument: literals as they are, lists and dicts, `timedelta(...)` as the
 * mapping dag-factory turns into one. Anything else the Python target writes (a call, a name) has no form.
 */
export function translate(expr: PyExpr): Translated {
  try {
    return { ok: true, value: fromExpr(expr, 0) };
  } catch (err) {
    if (err instanceof NoFormError) return { ok: false, reason: err.message, ...(err.key !== undefined ? { key: err.key } : {}) };
    throw err;
  }
}

class NoFormError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

function fromExpr(e: PyExpr, depth: number): YamlValue {
  if (depth > MAX_DEPTH) throw new NoFormError('it is nested too deeply');
  switch (e.t) {
    case 'lit':
      return fromLiteral(e.value, depth);
    case 'list':
      return e.items.map((i) => fromExpr(i, depth + 1));
    case 'dict':
      return mapOf(e.entries.map(([k, v]) => [k, fromExpr(v, depth + 1)] as const));
    case 'call':
      if (e.callee === 'timedelta' && e.args.length === 0) {
        return timedeltaValue(
          e.kwargs.map(([k, v]) => {
            if (v.t !== 'lit' || typeof v.value !== 'number') throw new NoFormError('a duration whose parts are not numbers');
            return [k, v.value] as const;
          }),
        );
      }
      throw new NoFormError(`the Python target writes it as a call of ${e.callee}(...), which a workflow definition cannot hold`);
    case 'name':
      throw new NoFormError(`the Python target writes it as the name ${e.name}, which a workflow definition cannot hold`);
  }
}

function fromLiteral(v: unknown, depth: number): YamlValue {
  if (depth > MAX_DEPTH) throw new NoFormError('it is nested too deeply');
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new NoFormError('NaN');
    return v;
  }
  if (Array.isArray(v)) return v.map((x: unknown) => fromLiteral(x, depth + 1));
  if (typeof v === 'object') {
    return mapOf(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromLiteral(x, depth + 1)] as const));
  }
  throw new NoFormError(`a ${typeof v} value`);
}

function mapOf(entries: readonly (readonly [string, YamlValue])[]): YamlMap {
  for (const [k] of entries) {
    if (DAG_FACTORY_KEYS.has(k)) {
      throw new NoFormError(`the key '${k}' makes dag-factory call Python code instead of reading the mapping as data`, k);
    }
  }
  return new Map(entries);
}
