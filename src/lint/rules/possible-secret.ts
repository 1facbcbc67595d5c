import type { JsonPath } from '../../diagnostics/types';
import { assignedSecret, isReference, knownSecrets, suspiciousValue } from '../secrets/detect';
import { specField } from '../../ir/queries';
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

/** The path of a node of `named`'s walk, below `base`. */
function pathOf(base: JsonPath, node: Node): JsonPath {
  const segs: (string | number)[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) segs.push(n.seg);
  return [...base, ...segs.reverse()];
}

/**
 * Every string in a value with the name it is given, iteratively: array items in order, object properties last
 * first. Each is a node of the walk: `pathOf` makes its path, which only findings need.
 */
function named(value: unknown): (Node & { readonly v: string })[] {
  const out: (Node & { readonly v: string })[] = [];
  const stack: Node[] = [{ v: value, parent: undefined, seg: 0, key: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { v, key } = node;
    if (typeof v === 'string') out.push(node as Node & { readonly v: string });
    else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const prev: unknown = v[i - 1];
        // ['--db-password', 'x']: the flag names the value after it.
        const flag = typeof prev === 'string' && /^--?[A-Za-z][\w.-]*$/.test(prev) ? prev : key;
        stack.push({ v: v[i], parent: node, seg: i, key: flag });
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], parent: node, seg: k, key: k });
    }
  }
  return out;
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
      for (const s of named(p.default)) {
        const w = why(s.v, s.key ?? p.name);
        if (w) ctx.report([...p.origin.path, 'default', ...pathOf([], s)], `param '${p.name}' holds ${w}`, { hint });
      }
    }
    for (const step of ctx.pipeline.steps) {
      const fields = step.fields as Readonly<Record<string, unknown>>;
      for (const field of Object.keys(fields)) {
        if (SQL_FIELDS.has(field)) continue;
        const value = fields[field];
        // Most fields are a string or a scalar: no walk for them (a string field's value is named by the field).
        if (typeof value === 'string') {
          const w = why(value, field);
          if (w) ctx.reportStep(step, specField(ctx.has, ctx.pipeline, step, [field]), `step '${step.id}' holds ${w}`, { hint });
          continue;
        }
        if (typeof value !== 'object' || value === null) continue;
        for (const s of named(value)) {
          // redshift.sql parameters are [{name, value}]: the parameter's name names the value.
          const at = field === 'parameters' ? pathOf([field], s) : undefined;
          const param = at && at[2] === 'value' ? (value as { name: string }[])[at[1] as number]?.name : undefined;
          const w = why(s.v, param ?? s.key ?? field);
          if (w) ctx.reportStep(step, specField(ctx.has, ctx.pipeline, step, pathOf([field], s)), `step '${step.id}' holds ${w}`, { hint });
        }
      }
    }
  },
});
