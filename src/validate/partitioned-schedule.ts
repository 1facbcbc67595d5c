/**
 * Partitioned schedules (src/base/partitioned-schedule.ts): `schedule: { cron, partitioned }` (a producer) and
 * `schedule: { assets, partitioned }` (a consumer).
 * - DS240: a target without them (Airflow before 3.2: every MWAA target but 3.3.1, and MWAA Serverless);
 * - DS241: the combination is malformed (cron without partitioned, partitioned with every/orSchedule, a producer's
 *   field on a consumer or the other way round, '@once');
 * - DS242: a key format Airflow would format or read back wrongly.
 * The cron expression itself is checked as any schedule's (DS305, DS334). These codes are numbered in the schema
 * block (DS240-DS249) because the semantics block of the range is full (test/diagnostics/catalog.test.ts).
 */
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath } from '../diagnostics/types';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { firstTargetWith, targetHas } from '../base/airflow3-features';
import { CONSUMER_FIELDS, PARTITION_MAPPERS, PRODUCER_FIELDS, partitionFormatError } from '../base/partitioned-schedule';

export function checkPartitionedSchedule(
  s: Record<string, unknown>,
  target: AirflowTarget,
  r: Reporter,
  checkTime: (text: string, path: JsonPath) => void,
): void {
  const partitioned = Object.hasOwn(s, 'partitioned');
  if (Object.hasOwn(s, 'cron')) {
    if (!partitioned) {
      r.report(
        'DS241',
        ['schedule', 'cron'],
        "'cron' in a schedule object is for partitioned runs: add 'partitioned', or write the cron expression as the schedule itself",
        {
          at: 'key',
          hint: "schedule: '0 3 * * *' for plain runs; schedule: { cron: '0 3 * * *', partitioned: { keyFormat: '%Y-%m-%d' } } for one partition per run",
        },
      );
    }
    for (const other of ['assets', 'every', 'orSchedule']) {
      if (Object.hasOwn(s, other)) {
        r.report('DS241', ['schedule', other], `a schedule is either { cron, partitioned } or has '${other}', not both`, { at: 'key' });
      }
    }
    if (typeof s.cron === 'string') {
      if (s.cron.trim() === '@once') {
        r.report(
          'DS241',
          ['schedule', 'cron'],
          "'@once' is not a recurring schedule: a partitioned pipeline runs once per partition of a cron expression or preset",
        );
      } else checkTime(s.cron, ['schedule', 'cron']);
    }
  }
  if (!partitioned) return;
  const producer = Object.hasOwn(s, 'cron');
  const consumer = Object.hasOwn(s, 'assets') && !producer;
  if (!producer && !consumer) {
    r.report(
      'DS241',
      ['schedule', 'partitioned'],
      "'partitioned' needs 'cron' (one run per partition of a time schedule) or 'assets' (one run per partition key of the assets' events)",
      { at: 'key' },
    );
  }
  for (const other of ['every', 'orSchedule']) {
    if (Object.hasOwn(s, other) && !producer) {
      r.report('DS241', ['schedule', other], `a partitioned schedule cannot have '${other}': Airflow's PartitionedAssetTimetable has no time part`, {
        at: 'key',
      });
    }
  }
  if (!targetHas(target, 'partitionedSchedule')) {
    r.report(
      'DS240',
      ['schedule', 'partitioned'],
      `partitioned schedules need Airflow ${firstTargetWith('partitionedSchedule')} or later; ${target.label} has no CronPartitionTimetable, PartitionedAssetTimetable or partition keys on runs and asset events`,
      { at: 'key', hint: `compile for Airflow ${firstTargetWith('partitionedSchedule')}, or schedule on time or on the assets without partitions` },
    );
  }
  const p = s.partitioned;
  if (!isRecord(p)) return; // the schema reports its type
  const base: JsonPath = ['schedule', 'partitioned'];
  if (producer || consumer) {
    const wrong = (producer ? CONSUMER_FIELDS : PRODUCER_FIELDS) as readonly string[];
    for (const k of Object.keys(p).filter((key) => wrong.includes(key))) {
      r.report(
        'DS241',
        [...base, k],
        producer
          ? `'${k}' belongs to a pipeline scheduled on partitioned assets; with cron, 'partitioned' takes keyFormat and runOffset`
          : `'${k}' belongs to a pipeline with a cron schedule that makes the partitions; with assets, 'partitioned' takes mapper, inputFormat and outputFormat`,
        { at: 'key' },
      );
    }
  }
  if (typeof p.keyFormat === 'string') formatAt(p.keyFormat, [...base, 'keyFormat'], 'keyFormat', false, r);
  const mapper =
    typeof p.mapper === 'string' && Object.hasOwn(PARTITION_MAPPERS, p.mapper)
      ? PARTITION_MAPPERS[p.mapper as keyof typeof PARTITION_MAPPERS]
      : undefined;
  for (const k of ['inputFormat', 'outputFormat'] as const) {
    if (typeof p[k] !== 'string') continue;
    if (consumer && !mapper?.temporal) {
      r.report(
        'DS241',
        [...base, k],
        `'${k}' is for a temporal mapper (startOfDay, startOfMonth, ...); the identity mapper passes keys through unchanged`,
        {
          at: 'key',
        },
      );
    } else formatAt(p[k], [...base, k], k, k === 'outputFormat' && p.mapper === 'startOfQuarter', r);
  }
}

function formatAt(format: string, path: JsonPath, what: string, allowQuarter: boolean, r: Reporter): void {
  const err = partitionFormatError(format, what, allowQuarter);
  if (err) r.report('DS242', path, err);
}
