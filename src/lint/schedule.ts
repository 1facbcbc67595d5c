import { PRESET_CRON, type LocalDateTime, type PipelineIR, type Schedule } from '../ir/types';
import { cronParserAgrees } from '../base/cron';

/** A schedule that fires at times dagsmith can compute: cron (and presets) or a fixed interval. */
export type TimeSchedule = { readonly cron: string } | { readonly everySeconds: number };

export function timeSchedule(s: Schedule): TimeSchedule | undefined {
  // cron-parser computes the fire times: only for expressions it reads as Airflow's croniter does (cronParserAgrees
  // remembers its answer per expression: several rules ask it of each pipeline's schedule).
  if (s.type === 'cron') return cronParserAgrees(s.expression) ? { cron: s.expression } : undefined;
  if (s.type === 'preset') return PRESET_CRON[s.preset] !== undefined ? { cron: PRESET_CRON[s.preset]! } : undefined;
  if (s.type === 'interval') return { everySeconds: s.every.seconds };
  return undefined;
}

/**
 * Up to `limit` fire times (epoch ms) in [from, until), in the pipeline's timezone. Bounded by `limit`, so a
 * minutely schedule over ten years costs no more than `limit` steps.
 */
export function fireTimes(ts: TimeSchedule, timezone: string, from: number, until: number, limit: number): number[] {
  const out: number[] = [];
  if ('everySeconds' in ts) {
    const step = ts.everySeconds * 1000;
    if (step <= 0) return out;
    for (let t = from; t < until && out.length < limit; t += step) out.push(t);
    return out;
  }
  // cron-parser (and luxon) load when a rule first needs fire times, not with every command that reads the config.
  const { CronExpressionParser } = require('cron-parser') as typeof import('cron-parser');
  let it: ReturnType<typeof CronExpressionParser.parse>;
  try {
    it = CronExpressionParser.parse(ts.cron, { currentDate: new Date(from - 1), endDate: new Date(until), tz: timezone, strict: false });
  } catch {
    // An expression croniter accepts and cron-parser refuses (`0 0 31 2 *`, which never fires): no fire times.
    return out;
  }
  while (out.length < limit) {
    // next() alone: hasNext() runs the same search and throws its result away (twice the work per fire time).
    let t: number;
    try {
      t = it.next().getTime();
    } catch {
      break; // past endDate (or cron-parser's loop limit): what hasNext() reports as false
    }
    if (t >= until) break;
    if (t >= from) out.push(t);
  }
  return out;
}

/**
 * The shortest gap of a cron that fires on every day (`M H * * *` with plain minute and hour fields) in UTC, where no
 * clock change moves a fire time: its fire times repeat each day, so the gap is found in the day's minutes, without
 * sampling. Undefined for anything else (sampled as before).
 */
export function dailyGap(cron: string): number | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 || fields[2] !== '*' || fields[3] !== '*' || fields[4] !== '*') return undefined;
  const minutes = fieldValues(fields[0]!, 59);
  const hours = fieldValues(fields[1]!, 23);
  if (!minutes || !hours) return undefined;
  const day: number[] = [];
  for (const h of hours) for (const m of minutes) day.push(h * 60 + m);
  day.sort((a, b) => a - b);
  let min = day[0]! + 1440 - day[day.length - 1]!;
  for (let i = 1; i < day.length; i++) min = Math.min(min, day[i]! - day[i - 1]!);
  return min * 60;
}

/** The values of a minute or hour field written as `*`, `*\/s`, `a`, `a-b` or `a-b/s` (comma lists of them); else undefined. */
function fieldValues(field: string, max: number): number[] | undefined {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(?:(\*)|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/.exec(part);
    if (!m) return undefined;
    const [, star, a, b, s] = m;
    // `a/s` means "from a to the end" to croniter; left to the sampler.
    if (s !== undefined && star === undefined && b === undefined) return undefined;
    const from = star ? 0 : Number(a);
    const to = star ? max : b !== undefined ? Number(b) : from;
    const step = s !== undefined ? Number(s) : 1;
    if (from > to || to > max || step < 1) return undefined;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values.size > 0 ? [...values] : undefined;
}

/** A fixed Monday to sample schedules from, so results do not depend on when dagsmith runs. */
const SAMPLE_FROM = Date.UTC(2026, 0, 5);
const WEEK_MS = 7 * 86_400_000;

/** The shortest time between two runs, in seconds, over a sampled fortnight (enough for any 5-field cron's pattern within a day). */
export function shortestGapSeconds(ts: TimeSchedule, timezone: string): number | undefined {
  if ('everySeconds' in ts) return ts.everySeconds;
  // Projects repeat a handful of schedules: each (cron, timezone) is sampled once per process.
  const key = `${ts.cron}\0${timezone}`;
  if (gapCache.has(key)) return gapCache.get(key);
  const gap = sampledGap(ts, timezone);
  gapCache.set(key, gap);
  return gap;
}

const gapCache = new Map<string, number | undefined>();
const weekCache = new Map<string, readonly number[]>();

function sampledGap(ts: { readonly cron: string }, timezone: string): number | undefined {
  const daily = timezone === 'UTC' ? dailyGap(ts.cron) : undefined;
  if (daily !== undefined) return daily;
  // 1,500 fires cover two weeks of anything hourly or slower, and a day of a minutely schedule (whose gap is found
  // at once: nothing is shorter than a minute).
  const times = fireTimes(ts, timezone, SAMPLE_FROM, SAMPLE_FROM + 2 * WEEK_MS, 1500);
  let min: number | undefined;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i]! - times[i - 1]!) / 1000;
    if (min === undefined || gap < min) min = gap;
    if (min === 60) break;
  }
  return min;
}

/** Fire times over one sampled week, for comparing two pipelines' schedules. */
export function sampleWeek(ts: TimeSchedule, timezone: string, limit = 2_100): readonly number[] {
  const key = `${'cron' in ts ? ts.cron : `every ${ts.everySeconds}`}\0${timezone}\0${limit}`;
  let times = weekCache.get(key);
  if (!times) weekCache.set(key, (times = fireTimes(ts, timezone, SAMPLE_FROM, SAMPLE_FROM + WEEK_MS, limit)));
  return times;
}

/** The epoch ms of a wall-clock time in an IANA timezone. */
export function localToEpoch(t: LocalDateTime, timezone: string): number {
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // Two rounds settle the offset, also across a DST change.
  let epoch = guess;
  for (let i = 0; i < 2; i++) epoch = guess - offsetMs(epoch, timezone);
  return epoch;
}

function offsetMs(epoch: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - (epoch - (epoch % 1000));
}

/**
 * How many runs catchup would create from the start date to `now`: counted exactly up to `exactUpTo` fire times,
 * estimated past that from the mean interval of those (`exact: false`), so years of a minutely schedule cost no
 * more than a few thousand steps.
 */
export function catchupRuns(pipeline: PipelineIR, now: number, exactUpTo = 2_000): { runs: number; exact: boolean } | undefined {
  const ts = timeSchedule(pipeline.schedule);
  if (!ts || !pipeline.startDate) return undefined;
  const start = localToEpoch(pipeline.startDate, pipeline.timezone);
  if (start >= now) return { runs: 0, exact: true };
  const times = fireTimes(ts, pipeline.timezone, start, now, exactUpTo + 1);
  // Airflow runs an interval once it has ended: every fire time but the last one before now starts a run.
  if (times.length <= exactUpTo) return { runs: Math.max(0, times.length - 1), exact: true };
  const meanGap = (times[times.length - 1]! - times[0]!) / (times.length - 1);
  return { runs: Math.ceil((now - times[0]!) / meanGap) - 1, exact: false };
}
