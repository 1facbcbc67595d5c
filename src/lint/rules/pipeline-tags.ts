import { pipelineRule } from '../types';

export const pipelineTags = pipelineRule({
  meta: {
    code: 'DS433',
    name: 'pipeline-tags',
    defaultSeverity: 'warning',
    description: 'A pipeline has no tags: it cannot be filtered by team, domain or tier in the Airflow UI.',
  },
  defaultOptions: {},
  check(ctx) {
    if (ctx.pipeline.tags.length > 0) return;
    const written = ctx.has(ctx.pipeline, ['tags']);
    ctx.report(written ? ['tags'] : ['id'], `pipeline '${ctx.pipeline.id}' has no tags`, {
      at: written ? 'value' : 'key',
      hint: 'tag it with its domain and tier, e.g. tags: [features, nightly]',
    });
  },
});
