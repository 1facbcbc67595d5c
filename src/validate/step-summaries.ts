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
