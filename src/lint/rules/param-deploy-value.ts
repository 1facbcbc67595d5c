import { pipelineRule } from '../types';

/** `${name}` references in a value as written (`$${` is a literal, not a reference), in order, each once. */
function references(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 64) return out;
  if (typeof value === 'string') {
    for (const m of value.matchAll(/(\$?)\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g)) if (!m[1] && !out.includes(m[2]!)) out.push(m[2]!);
  } else if (Array.isArray(value)) {
    for (const v of value) references(v, out, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) references(v, out, depth + 1);
  }
  return out;
}

export const paramDeployValue = pipelineRule({
  meta: {
    code: 'DS443',
    name: 'param-deploy-value',
    defaultSeverity: 'warning',
    description:
      "A runtime param's default is a deploy-time value (${name}): whoever triggers the DAG with a config can replace it, e.g. point a prod run at another bucket.",
  },
  defaultOptions: {},
  check(ctx) {
    for (const param of ctx.pipeline.params) {
      if (!param.hasDefault) continue;
      const names = references(ctx.written(ctx.pipeline, ['params', param.name, 'default']));
      if (names.length === 0) continue;
      const refs = names.map((n) => `\${${n}}`).join(', ');
      ctx.report(
        ['params', param.name, 'default'],
        `param '${param.name}' defaults to ${refs}, a deploy-time value: anyone who triggers the DAG with a config can override it at run time`,
        { hint: `write ${refs} where the value is used (SQL files take \${name} too) instead of {{ params.${param.name} }}` },
      );
    }
  },
});
