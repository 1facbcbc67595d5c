/**
 * Schedules people can read: EventBridge expressions recognised with the cron to write instead, schedules in words,
 * and the first data interval, held to Airflow's own timetables in every target's virtualenv.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { eventBridgeScheduleAdvice } from '../../src/base/eventbridge-schedule';
import { parseDuration } from '../../src/base/durations';
import type { Schedule } from '../../src/base/ir-base';
import { summarizeSchedule } from '../../src/base/schedule-summary';
import { parseLocalDateTime } from '../../src/base/values';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, parseHarnessJson, runProcess } from '../airflow/harness';

const local = (text: string) => {
  const t = parseLocalDateTime(text);
  if (typeof t === 'string') throw new Error(t);
  return t;
};

describe('EventBridge schedule expressions', () => {
  const cases: [string, RegExp][] = [
    ['cron(0 2 * * ? *)', /write the 5-field cron "0 2 \* \* \*"$/],
    ['cron(15 10 ? * 6 *)', /"15 10 \* \* 5" \(EventBridge counts weekdays 1-7 from Sunday, cron 0-6\)/],
    ['cron(0 8 ? * MON-FRI *)', /"0 8 \* \* MON-FRI"$/],
    ['cron(0/15 * * * ? *)', /"0\/15 \* \* \* \*"/],
    ['cron(0 18 ? * 2-6 *)', /"0 18 \* \* 1-5"/],
    ['cron(0 10 * * ? 2027)', /its year field \('2027'\) has no place in a 5-field cron/],
    ['cron(0 10 L * ? *)', /day-of-month field \('L'\) uses an EventBridge wildcard/],
    ['cron(0 10 ? * 6#3 *)', /day-of-week field \('6#3'\) uses an EventBridge wildcard/],
    ['cron(0 10 * * *)', /EventBridge's has 6 fields/],
    ['rate(5 minutes)', /write schedule: \{ every: 5m \}$/],
    ['rate(1 day)', /\{ every: 1d \}/],
    ['rate(2 Hours)', /\{ every: 2h \}/],
    ['rate(five minutes)', /looks like an EventBridge rate expression/],
  ];
  for (const [text, want] of cases) {
    it(`${text}`, () => expect(eventBridgeScheduleAdvice(text)).to.match(want));
  }
  it('says nothing about Airflow schedules', () => {
    for (const text of ['0 2 * * *', '@daily', 'crontab', '0 2 * * ? *']) expect(eventBridgeScheduleAdvice(text), text).to.equal(undefined);
  });
});

describe('schedules in words', () => {
  const words = (schedule: Schedule, tz = 'UTC') => summarizeSchedule(schedule, local('2026-01-01'), tz, true).words;
  it('names the time and the zone, so a swapped cron shows', () => {
    expect(words({ type: 'cron', expression: '0 2 * * *' })).to.equal('At 02:00, every day (UTC)');
    expect(words({ type: 'cron', expression: '2 0 * * *' })).to.equal('At 00:02, every day (UTC)');
    expect(words({ type: 'preset', preset: '@weekly' }, 'Europe/Berlin')).to.equal('At 00:00, only on Sunday (Europe/Berlin)');
    expect(words({ type: 'interval', every: parseDuration('1h30m')! })).to.equal('every 1 hour 30 minutes');
    expect(words({ type: 'none' })).to.equal('manual: runs only when triggered');
    const uri = (u: string) => ({ op: 'uri', uri: u }) as const;
    expect(words({ type: 'assets', condition: { op: 'all', items: [uri('s3://b/p/')] }, uris: ['s3://b/p/'], orCron: null })).to.equal(
      'when this asset is updated: s3://b/p/',
    );
    const nested = { op: 'all', items: [uri('s3://a/'), { op: 'any', items: [uri('s3://b/'), uri('s3://c/')] }] } as const;
    expect(words({ type: 'assets', condition: nested, uris: ['s3://a/', 's3://b/', 's3://c/'], orCron: '0 3 * * *' })).to.equal(
      'when assets are updated: s3://a/ & (s3://b/ | s3://c/); or on cron 0 3 * * *',
    );
    expect(words({ type: 'preset', preset: '@once' })).to.equal('once, for 2026-01-01 00:00 UTC');
  });
  it('has no first interval without a start date, or for manual and asset schedules', () => {
    expect(summarizeSchedule({ type: 'cron', expression: '0 2 * * *' }, null, 'UTC', true).firstInterval).to.equal(undefined);
    expect(summarizeSchedule({ type: 'none' }, local('2026-01-01'), 'UTC', true).firstInterval).to.equal(undefined);
  });
});

/** Schedules whose first interval is easy to get wrong: start off the cron, DST gaps and overlaps, months, weeks. */
const INTERVAL_CASES: { cron?: string; every?: string; start: string; timezone: string }[] = [
  { cron: '30 4 * * *', start: '2026-02-01', timezone: 'America/New_York' },
  { cron: '0 2 * * *', start: '2026-01-01T02:00', timezone: 'UTC' },
  { cron: '0 2 * * *', start: '2026-01-01T02:01', timezone: 'UTC' },
  { cron: '0 4 * * 1', start: '2026-01-01', timezone: 'UTC' },
  { cron: '0 0 1 * *', start: '2026-01-15', timezone: 'Asia/Kolkata' },
  { cron: '30 2 * * *', start: '2026-03-29', timezone: 'Europe/Berlin' },
  { cron: '30 2 * * *', start: '2026-10-24T12:00', timezone: 'Europe/Berlin' },
  { cron: '*/20 * * * *', start: '2026-06-01T10:05', timezone: 'UTC' },
  { every: '90m', start: '2026-03-29T00:30', timezone: 'Europe/Berlin' },
  { every: '6h', start: '2026-03-01', timezone: 'Europe/Berlin' },
  { every: '1d', start: '2026-11-01', timezone: 'America/New_York' },
];

describe('first data interval against Airflow @airflow', function () {
  this.timeout(180_000);
  for (const version of AIRFLOW_VERSIONS) {
    it(`is the interval Airflow ${version}'s timetables give`, async () => {
      const input = INTERVAL_CASES.map((c) => ({
        ...(c.cron ? { cron: c.cron } : { every_seconds: parseDuration(c.every!)!.seconds }),
        start: c.start.includes('T') ? `${c.start}:00` : `${c.start}T00:00:00`,
        timezone: c.timezone,
      }));
      const res = await runProcess(airflowPython(version), [join(HARNESS, 'first_intervals.py'), JSON.stringify(input)], { timeoutMs: 120_000 });
      const airflow = parseHarnessJson<[string, string][]>(`first_intervals.py (Airflow ${version})`, res);
      const ours = INTERVAL_CASES.map((c) => {
        const schedule: Schedule = c.cron ? { type: 'cron', expression: c.cron } : { type: 'interval', every: parseDuration(c.every!)! };
        const first = summarizeSchedule(schedule, local(c.start), c.timezone, true).firstInterval!;
        return [first.start, first.end];
      });
      expect(ours).to.deep.equal(airflow);
    });
  }
});
