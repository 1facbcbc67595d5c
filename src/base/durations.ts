import { boundedMemo } from '../util/bounded-memo';

/** A parsed duration (`1h30m`): the units as written, and the total in seconds. */
export interface Duration {
  readonly text: string;
  readonly seconds: number;
  readonly parts: Readonly<Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>>;
}

/** `1d2h30m15s`: units in descending order, each optional (an empty text matches: callers refuse it). */
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * Parses `30s`, `5m`, `2h`, `1d` and combinations in descending order (`1d2h`, `1h30m`). Each text is parsed once per
 * process (pipelines repeat a few durations on every step): the result is frozen and shared.
 */
export const parseDuration: (text: string) => Duration | undefined = boundedMemo(10_000, parseDurationText);

function parseDurationText(text: string): Duration | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const [, d, h, min, s] = m;
  const parts: Record<string, number> = {};
  if (d !== undefined) parts.days = Number(d);
  if (h !== undefined) parts.hours = Number(h);
  if (min !== undefined) parts.minutes = Number(min);
  if (s !== undefined) parts.seconds = Number(s);
  const seconds = (parts.days ?? 0) * 86400 + (parts.hours ?? 0) * 3600 + (parts.minutes ?? 0) * 60 + (parts.seconds ?? 0);
  if (!Number.isSafeInteger(seconds) || seconds > MAX_DURATION_SECONDS) return undefined;
  return Object.freeze({ text, seconds, parts: Object.freeze(parts) });
}

/** Python's timedelta stops at 999999999 days. */
const MAX_DURATION_SECONDS = 999_999_999 * 86_400;

export const DURATION_HELP = "a duration is written like '30s', '5m', '2h', '1d' or '1h30m'";

/** Why `text` is not a usable duration for `field`, or undefined. Zero is refused unless `allowZero`. */
export function durationError(field: string, text: string, opts: { allowZero?: boolean } = {}): { message: string; hint?: string } | undefined {
  const d = parseDuration(text);
  if (!d) {
    if (DURATION.test(text) && text !== '') return { message: `${field}: '${text}' is longer than Python's timedelta allows (999999999 days)` };
    return { message: `${field}: '${text}' is not a duration`, hint: DURATION_HELP };
  }
  if (d.seconds === 0 && !opts.allowZero) return { message: `${field}: a duration of zero makes no sense here; use a positive duration` };
  return undefined;
}

/** A duration that passed validation. */
export function duration(text: string): Duration {
  const d = parseDuration(text);
  if (!d) throw new Error(`internal error: duration '${text}' passed validation but does not parse`);
  return d;
}
