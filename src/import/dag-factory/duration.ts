import { isRecord } from '../../util/is-record';

/** Seconds (a number), or a datetime.timedelta mapping, as a dagsmith duration ('1h30m'); undefined otherwise. */
export function durationOf(value: unknown): string | undefined {
  let seconds: number | undefined;
  if (typeof value === 'number') seconds = value;
  else if (isRecord(value) && value.__type__ === 'datetime.timedelta') {
    const n = (k: string) => (typeof value[k] === 'number' ? value[k] : 0);
    seconds = n('weeks') * 604800 + n('days') * 86400 + n('hours') * 3600 + n('minutes') * 60 + n('seconds');
  }
  if (seconds === undefined || !Number.isInteger(seconds) || seconds < 0) return undefined;
  if (seconds === 0) return '0s';
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
