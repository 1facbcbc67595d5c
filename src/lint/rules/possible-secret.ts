import type { JsonPath } from '../../diagnostics/types';
import { assignedSecret, isReference, knownSecrets, suspiciousValue } from '../secrets/detect';
import { specField } from '../../ir/queries';
import { pipelineRule } from '../types';

/** Step fields that hold SQL: read as statements by DS403, never as `key=value` text. */
const SQL_FIELDS = new Set(['statements', 'query']);

interface Found {
  readonly path: JsonPath;
  readonly text: string;
  /** The name the value is given: its property key, or the `--flag` before it in an argument list. */
  readonly key: string | null;
}

/** Every string in a value with the name it is given, iteratively. */
function named(value: unknown, path: JsonPath = []): Found[] {
  const out: Found[] = [];
  const stack: { v: unknown; path: JsonPath; key: string | null }[] = [{ v: value, path, key: null }];
  while (stack.length > 0) {
    const { v, path: p, key } = stack.pop()!;
    if (typeof v === 'string') out.push({ path: p, text: v, key });
    else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const prev: unknown = v[i - 1];
        // ['--db-password', 'x']: the flag names the value after it.
        const flag = typeof prev === 'string' && /^--?[A-Za-z][\w.-]*$/.test(prev) ? prev : key;
        stack.push({ v: v[i], path: [...p, i], key: flag });
      }
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...p, k], key: k });
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
    const check = (s: Found, report: (why: string) => void) => {
      if (isReference(s.text) && !s.text.includes('=')) return;
      const why = (s.key !== null ? suspiciousValue(s.key, s.text) : undefined) ?? assignedSecret(s.text)?.what;
      // A secret of a known format is DS403's (an error): not reported twice.
      if (why && knownSecrets(s.text).length === 0) report(why);
    };
    for (const p of ctx.pipeline.params) {
      for (const s of named(p.default)) {
        check({ ...s, key: s.key ?? p.name }, (why) =>
          ctx.report([...p.origin.path, 'default', ...s.path], `param '${p.name}' holds ${why}`, { hint }),
        );
      }
    }
    for (const step of ctx.pipeline.steps) {
      for (const [field, value] of Object.entries(step.fields)) {
        if (SQL_FIELDS.has(field)) continue;
        for (const s of named(value, [field])) {
          // redshift.sql parameters are [{name, value}]: the parameter's name names the value.
          const param = field === 'parameters' && s.path[2] === 'value' ? (value as { name: string }[])[s.path[1] as number]?.name : undefined;
          const key = param ?? s.key ?? field;
          check({ ...s, key }, (why) =>
            ctx.reportStep(step, specField(ctx.has, ctx.pipeline, step, s.path), `step '${step.id}' holds ${why}`, { hint }),
          );
        }
      }
    }
  },
});
