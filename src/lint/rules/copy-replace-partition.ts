import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

/** Jinja that names one run's slice of the data: `{{ ds }}`, `{{ ds_nodash }}`, `{{ data_interval_start ... }}`, ... */
const RUN_SLICE =
  /\{\{[^}]*\b(ds|ds_nodash|ts|ts_nodash|logical_date|execution_date|data_interval_start|data_interval_end|macros\.ds_add)\b[^}]*\}\}/;

/**
 * `method: replace` without `replaceWhere` empties the whole table before the COPY: loading one run's partition that way deletes every
 * other day (Redshift Database Developer Guide, "Updating and inserting new data": stage, then delete and insert the
 * matching rows).
 */
export const copyReplacePartition = pipelineRule({
  meta: {
    code: 'DS458',
    name: 'copy-replace-partition',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      "A redshift.copy with method: replace and no replaceWhere loads one run's slice (its from names {{ ds }} or similar) into the whole table, deleting every other slice.",
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'redshift.copy')) {
      if (fields.method !== 'replace' || fields.replaceWhere || !RUN_SLICE.test(fields.from)) continue;
      ctx.reportStep(
        step,
        ['method'],
        `method: replace empties ${fields.schema}.${fields.table} and then loads only this run's files (${fields.from}): every other day of the table is deleted`,
        {
          hint: "add replaceWhere with the run's slice, e.g. replaceWhere: \"dt = '{{ ds }}'\", to delete only those rows in the COPY's transaction (or use method: upsert with upsertKeys)",
        },
      );
    }
  },
});
