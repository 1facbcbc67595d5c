import { STEP_KINDS } from './index';
import { airflowClassesOf } from './types';

/**
 * Every operator class a step kind emits for its step, as `module.Class`, sorted: the classes whose template_fields
 * src/base/airflow-templates.generated.ts holds (scripts/gen-airflow-templates.ts).
 */
export function emittedClasses(): string[] {
  const names = new Set<string>();
  for (const kind of STEP_KINDS) for (const c of airflowClassesOf(kind)) names.add(`${c.module}.${c.name}`);
  return [...names].sort();
}
