import { pipelineRule } from '../types';

export const pipelineOwner = pipelineRule({
  meta: {
    code: 'DS431',
    name: 'pipeline-owner',
    defaultSeverity: 'warning',
    description: "A pipeline has no owner (Airflow shows 'airflow'): nobody to page when it fails.",
  },
  defaultOptions: {},
  check(ctx) {
    if (ctx.has(ctx.pipeline, ['owner']) && ctx.pipeline.owner !== 'airflow') return;
    const written = ctx.has(ctx.pipeline, ['owner']);
    ctx.report(
      written ? ['owner'] : ['id'],
      `pipeline '${ctx.pipeline.id}' has no owning team${written ? " ('airflow' is Airflow's placeholder)" : ''}`,
      {
        at: written ? 'value' : 'key',
        hint: "set 'owner' to the team that answers for it",
      },
    );
  },
});
