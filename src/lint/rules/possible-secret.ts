import type { JsonPath } from '../../diagnostics/types';
import { assignedSecret, isReference, knownSecrets, suspiciousValue } from '../secrets/detect';
import { specField } from '../../ir/queries';
import type { StepIR } from '../../ir/types';
import { pipelineRule } from '../types';

/** Step fields that hold SQL: read as statements by DS403, never as `key=value` text. */
const SQL_FIELDS = new Set(['statements', 'query']);

/** A value met in the walk of `named`: its parent and its key or index there, so a path is made only when asked. */
interface Node {
  readonly v: unknown;
  readonly parent: Node | undefined;
  readonly seg: string | number;
  /** The name the value is given: its property key, or the `--flag` before it in an argument list. */
  readonly key: string | null;
}

/** An argument that is a flag (`--db-password`): it names the value after it. */
const FLAG = /^--?[A-Za-z][\w.-]*$/;

/** The path of a node of `named`'s walk, below `base`. */
export function pathOf(base: JsonPath, node: Node): JsonPath {
  const segs: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) segs.push(n.seg);
  return [...base, ...segs.reverse()];
}

/**
 * Every string in a value with the name it is given, iteratively: array items in order, object properties last
 * first. Each is a node of the walk: `pathOf` makes its path, which only findings need.
 */
export function named(value: unknown, valueKey: string | null = null): (Node & { readonly v: string })[] {
  const out: (Node & { readonly v: string })[] = [];
  const stack: Node[] = [{ v: value, parent: undefined, seg: 0, key: valueKey }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { v, key } = node;
    if (typeof v === 'string') out.push(node as Node & { readonly v: string });
    else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const prev: unknown = v[i - 1];
        // ['--db-password', 'x']: the flag names the value after it.
        const flag = typeof prev === 'string' && FLAG.test(prev) ? prev : key;
        stack.push({ v: v[i], parent: node, seg: i, key: flag });
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], parent: node, seg: k, key: k });
    }
  }
  return out;
}

/** A string `eachNamed` found: its text, the name it is given, and the walk's path to it below the value. */
type NamedVisitor = (text: string, key: string | null, path: JsonPath) => void;

/** Nesting the recursive walk of `eachNamed` handles; deeper values (validation rejects them, DS148) go to `named`. */
const RECURSION_LIMIT = 512;

/**
 * The strings of `named(value)`, in its order (array items in order, object properties last first), given to `visit`
 * without a node made for every value met: `path` is the walk's own stack, valid only during the call (`[...path]`
 * keeps it). The walk of every step's fields made some 12 MB of nodes in a lint of 1,000 pipelines, for the very few
 * strings reported. test/lint/fast-paths.test.ts checks it against `named`.
 */
export function eachNamed(value: unknown, visit: NamedVisitor): void {
  namedWalk(value, null, [], 0, visit);
}

function namedWalk(v: unknown, key: string | null, path: (string | number)[], depth: number, visit: NamedVisitor): void {
  if (typeof v === 'string') visit(v, key, path);
  else if (depth >= RECURSION_LIMIT) {
    // Very deep: `named`'s explicit stack from here, its paths put after this one.
    if (typeof v === 'object' && v !== null)
      for (const s of named(v, key)) {
        const below = pathOf([], s);
        for (const seg of below) path.push(seg);
        visit(s.v, s.key, path);
        path.length -= below.length;
      }
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const prev: unknown = v[i - 1];
      // ['--db-password', 'x']: the flag names the value after it.
      const flag = typeof prev === 'string' && FLAG.test(prev) ? prev : key;
      path.push(i);
      namedWalk(v[i], flag, path, depth + 1, visit);
      path.pop();
    }
  } else if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      path.push(k);
      namedWalk((v as Record<string, unknown>)[k], k, path, depth + 1, visit);
      path.pop();
    }
  }
}

export const possibleSecret = pipelineRule({
  meta: {
    code: 'DS447',
    name: 'possible-secret',
    defaultSeverity: 'warning',
    category: 'security',
    precision: 'medium',
    securitySeverity: 6,
    description:
      'A value under a secret-like name (password, token, api_key, ...) is a literal: random-looking, or any literal password; or a string sets password=... .',
  },
  defaultOptions: {},
  check(ctx) {
    const hint = 'reference the secret instead ({{ conn.x.password }}, {{ var.value.x }}, a Secrets Manager name or ARN)';
    /** Why a string under `key` is reported, or undefined. */
    const why = (text: string, key: string | null): string | undefined => {
      if (isReference(text) && !text.includes('=')) return undefined;
      const found = (key !== null ? suspiciousValue(key, text) : undefined) ?? assignedSecret(text)?.what;
      // A secret of a known format is DS403's (an error): not reported twice.
      return found && knownSecrets(text).length === 0 ? found : undefined;
    };
    for (const p of ctx.pipeline.params) {
      eachNamed(p.default, (text, key, path) => {
        const w = why(text, key ?? p.name);
        if (w) ctx.report([...p.origin.path, 'default', ...path], `param '${p.name}' holds ${w}`, { hint });
      });
    }
    // The step, field and value walked now, read by one visitor made once: a closure per field (and the loop
    // variables each would capture) made some 8 MB in a lint of 1,000 pipelines.
    let step!: StepIR;
    let field = '';
    let value: unknown;
    const visitField = (text: string, key: string | null, path: JsonPath) => {
      // redshift.sql parameters are [{name, value}]: the parameter's name names the value.
      const param = field === 'parameters' && path[1] === 'value' ? (value as { name: string }[])[path[0] as number]?.name : undefined;
      const w = why(text, param ?? key ?? field);
      if (w) ctx.reportStep(step, specField(ctx.has, ctx.pipeline, step, [field, ...path]), `step '${step.id}' holds ${w}`, { hint });
    };
    for (const s of ctx.pipeline.steps) {
      step = s;
      const fields = step.fields as Readonly<Record<string, unknown>>;
      for (const f of Object.keys(fields)) {
        if (SQL_FIELDS.has(f)) continue;
        field = f;
        value = fields[f];
        // Most fields are a string or a scalar: no walk for them (a string field's value is named by the field).
        if (typeof value === 'string') {
          const w = why(value, field);
          if (w) ctx.reportStep(step, specField(ctx.has, ctx.pipeline, step, [field]), `step '${step.id}' holds ${w}`, { hint });
          continue;
        }
        if (typeof value !== 'object' || value === null) continue;
        eachNamed(value, visitField);
      }
    }
  },
});
