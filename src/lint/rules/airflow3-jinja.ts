import { REMOVED_IN_AIRFLOW_3, removedContextVariables } from '../../validate/portability';
import { specField, stringsIn } from '../../ir/queries';
import { pipelineRule } from '../types';

export const airflow3Jinja = pipelineRule({
  meta: {
    code: 'DS434',
    name: 'airflow3-jinja',
    defaultSeverity: 'warning',
    description:
      'A template uses a context variable Airflow 3 removed ({{ execution_date }}, {{ next_ds }}, ...): the pipeline breaks on the upgrade.',
  },
  defaultOptions: {},
  check(ctx) {
    // On Airflow 3 targets validation already rejects these (DS326); this warns ahead of the upgrade.
    if (ctx.target.major >= 3) return;
    const seen = new Set<string>();
    const check = (text: string, path: readonly (string | number)[], report: (name: string) => void) => {
      for (const name of removedContextVariables(text)) {
        const k = `${JSON.stringify(path)}\0${name}`;
        if (seen.has(k)) continue;
        seen.add(k);
        report(name);
      }
    };
    for (const step of ctx.pipeline.steps) {
      for (const s of stringsIn(step.fields)) {
        const path = specField(ctx.has, ctx.pipeline, step, s.path);
        check(s.text, [...step.origin.path, ...path], (name) =>
          ctx.reportStep(step, path, `'${name}' is gone from the template context in Airflow 3`, { hint: `use ${REMOVED_IN_AIRFLOW_3[name]}` }),
        );
      }
    }
  },
});
