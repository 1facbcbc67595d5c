import type { RuleMeta } from '../types';

/** The checks of suppression comments themselves, run by the engine (src/lint/suppress.ts), not over the IR. */
export const unusedSuppression: { readonly meta: RuleMeta } = {
  meta: {
    code: 'DS400',
    name: 'unused-suppression',
    defaultSeverity: 'warning',
    description: 'A dagsmith-disable-next-line comment names a rule that reports nothing on the next line: it would hide a future finding.',
  },
};

export const invalidSuppression: { readonly meta: RuleMeta } = {
  meta: {
    code: 'DS401',
    name: 'invalid-suppression',
    defaultSeverity: 'warning',
    description: 'A dagsmith-disable-next-line comment names no rule, names something that is not a lint rule, or gives no reason after --.',
  },
};
