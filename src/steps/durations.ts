import type { Duration } from '../base/durations';
import { durationError, parseDuration } from '../base/durations';
import type { StepCheckContext } from './types';

/** Reports DS306 for a kind-specific duration field (the settings' durations are checked by the semantic pass). */
export function checkDuration(value: string | undefined, field: string, ctx: StepCheckContext): void {
  const err = value === undefined ? undefined : durationError(field, value);
  if (err) ctx.report('DS306', [field], err.message, err.hint ? { hint: err.hint } : {});
}

/** The parsed duration of a field that passed `checkDuration`, or null when it is unset. */
export function durationOrNull(value: string | undefined): Duration | null {
  if (value === undefined) return null;
  const d = parseDuration(value);
  if (!d) throw new Error(`internal error: duration '${value}' passed validation but does not parse`);
  return d;
}
