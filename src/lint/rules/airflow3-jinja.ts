import { REMOVED_IN_AIRFLOW_3, removedContextVariables } from '../../validate/portability';
import { specField } from '../../ir/queries';
import type { StepIR } from '../../ir/types';
import { eachString, type StringVisitor } from '../strings';
import { pipelineRule } from '../types';

/** Every name Airflow 3 removed from the context, as text to search for (they are lower-case words and `_`). */
const ANY_REMOVED_NAME = new RegExp(Object.keys(REMOVED_IN_AIRFLOW_3).join('|'));

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
    // The step walked now, read by one visitor made once: a closure per step (and a context for the step it
    // captured) is an allocation per step of every pipeline, for a rule that reports on very few.
    let step!: StepIR;
    // Every string of the step's fields, walked without a path made for each: one is made for a report only.
    const visit: StringVisitor = (text, _key, irPath) => {
      // Cheap test first: a string that holds none of the names (most) uses none.
      if (!ANY_REMOVED_NAME.test(text)) return;
      const names = removedContextVariables(text);
      // The spec path is made only for a string that uses a removed name (few do).
      if (names.length === 0) return;
      const path = specField(ctx.has, ctx.pipeline, step, [...irPath]);
      const at = JSON.stringify([...step.origin.path, ...path]);
      for (const name of names) {
        const k = `${at}\0${name}`;
        if (seen.has(k)) continue;
        seen.add(k);
        ctx.reportStep(step, path, `'${name}' is gone from the template context in Airflow 3`, { hint: `use ${REMOVED_IN_AIRFLOW_3[name]}` });
      }
    };
    for (const s of ctx.pipeline.steps) {
      step = s;
      eachString(step.fields, visit);
    }
  },
});
