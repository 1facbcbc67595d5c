import { stepsOfKind } from '../../ir/queries';
import { projectRule } from '../types';

export const sharedRedshiftTable = projectRule({
  meta: {
    code: 'DS441',
    name: 'shared-redshift-table',
    defaultSeverity: 'warning',
    description:
      'Two pipelines COPY into the same Redshift table: concurrent loads serialize on its lock, and a replace in one wipes the rows of the other.',
  },
  defaultOptions: {},
  check(pipelines, ctx) {
    const loads = pipelines.flatMap((p) =>
      stepsOfKind(p, 'redshift.copy').map(({ step, fields }) => ({
        pipeline: p,
        step,
        key: [fields.cluster ?? `workgroup:${fields.workgroup}`, fields.database, fields.schema, fields.table].join('\0').toLowerCase(),
        table: `${fields.schema}.${fields.table}`,
      })),
    );
    for (const a of loads) {
      const others = loads.filter((b) => b.key === a.key && b.pipeline !== a.pipeline);
      if (others.length === 0) continue;
      const names = [...new Set(others.map((o) => `'${o.pipeline.id}' (${o.pipeline.source.file})`))].join(', ');
      ctx.report({ pipeline: a.pipeline, path: [...a.step.origin.path, 'table'] }, `table ${a.table} is also loaded by ${names}`, {
        hint: 'let one pipeline own each table; others depend on it through an asset schedule',
      });
    }
  },
});
