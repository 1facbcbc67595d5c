import { pipelineRule } from '../types';

export const pipelineDescription = pipelineRule({
  meta: {
    code: 'DS432',
    name: 'pipeline-description',
    defaultSeverity: 'warning',
    description: 'A pipeline has no description: the Airflow UI and on-call engineers get no hint of what it feeds.',
  },
  defaultOptions: {},
  check(ctx) {
    const d = ctx.pipeline.description;
    if (d !== null && d.trim() !== '') return;
    ctx.report(d === null ? ['id'] : ['description'], `pipeline '${ctx.pipeline.id}' has no description`, {
      at: d === null ? 'key' : 'value',
      hint: "say what it loads, from where, and what consumes it, in 'description'",
    });
  },
});
