import type { StepSummary } from '../steps/types';

/** The steps of a pipeline as written, for kind checks that refer to other steps (ids that are strings only). */
export function stepSummaries(steps: unknown): readonly StepSummary[] {
  if (!Array.isArray(steps)) return [];
  const out: StepSummary[] = [];
  for (const s of steps) {
    if (typeof s !== 'object' || s === null) continue;
    const id: unknown = Object.getOwnPropertyDescriptor(s, 'id')?.value;
    const kind: unknown = Object.getOwnPropertyDescriptor(s, 'kind')?.value;
    const deps: unknown = Object.getOwnPropertyDescriptor(s, 'dependsOn')?.value;
    const group: unknown = Object.getOwnPropertyDescriptor(s, 'group')?.value;
    const rule: unknown = Object.getOwnPropertyDescriptor(s, 'triggerRule')?.value;
    if (typeof id !== 'string') continue;
    out.push({
      id,
      kind: typeof kind === 'string' ? kind : '',
      dependsOn: Array.isArray(deps) ? deps.filter((d): d is string => typeof d === 'string') : [],
      group: typeof group === 'string' ? group : null,
      triggerRule: typeof rule === 'string' ? rule : null,
    });
  }
  return out;
}

/**
 * DS330 when the task a kind adds for a step (its id + `suffix`, in the step's group) has the Airflow task id of
 * another step.
 */
export function checkExtraTaskId(
  step: { readonly id: string; readonly group?: string },
  suffix: string,
  what: string,
  ctx: { steps(): readonly StepSummary[]; report(code: 'DS330', path: (string | number)[], message: string): void },
): void {
  const taskId = (s: { readonly id: string; readonly group?: string | null }) => (s.group ? `${s.group}.${s.id}` : s.id);
  const extra = taskId({ id: `${step.id}${suffix}`, group: step.group ?? null });
  const other = ctx.steps().find((s) => taskId(s) === extra);
  if (other) ctx.report('DS330', ['id'], `the ${what} of this step has the Airflow task id '${extra}', which step '${other.id}' has too; rename one of them`);
}
