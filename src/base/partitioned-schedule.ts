/**
 * Partitioned schedules (Airflow 3.2 and later; 3.3.1 among the MWAA targets), as found in the installed 3.3.1
 * (docs/airflow3-features.md):
 *
 * - a producer: `schedule: { cron, partitioned: { keyFormat?, runOffset? } }` -> `airflow.sdk.CronPartitionTimetable(
 *   cron, timezone=..., key_format=..., run_offset=...)`: one run per cron tick, keyed by the partition date formatted
 *   with `key_format` (a trigger timetable: no data interval). Its runs' asset events carry the run's partition key
 *   (airflow/models/taskinstance.py: an outlet event without its own key takes `dag_run.partition_key`).
 * - a consumer: `schedule: { assets, partitioned: { mapper?, inputFormat?, outputFormat? } }` ->
 *   `airflow.sdk.PartitionedAssetTimetable(assets=..., default_partition_mapper=...)`: one run per (mapped)
 *   partition key. The scheduler drops events without a key for such a consumer ("missing partition key") and does
 *   not queue a plain asset-scheduled consumer for events with one (airflow/assets/manager.py `_queue_dagruns`).
 * - tasks of either see the key as `{{ partition_key }}` and its date as `{{ partition_date }}` (the 3.3.1 task
 *   context, sdk/execution_time/task_runner.py), also `{{ dag_run.partition_key }}`.
 */
import { S, type JsonSchema } from './json-schema';

/** The mappers a consumer may name: identity, and the temporal ones of `airflow.sdk` (3.3.1), by spec name. */
export const PARTITION_MAPPERS = {
  identity: { cls: 'IdentityMapper', temporal: false, output: null },
  startOfHour: { cls: 'StartOfHourMapper', temporal: true, output: '%Y-%m-%dT%H' },
  startOfDay: { cls: 'StartOfDayMapper', temporal: true, output: '%Y-%m-%d' },
  startOfWeek: { cls: 'StartOfWeekMapper', temporal: true, output: '%Y-%m-%d (W%V)' },
  startOfMonth: { cls: 'StartOfMonthMapper', temporal: true, output: '%Y-%m' },
  startOfQuarter: { cls: 'StartOfQuarterMapper', temporal: true, output: '%Y-Q{quarter}' },
  startOfYear: { cls: 'StartOfYearMapper', temporal: true, output: '%Y' },
} as const;
export type PartitionMapperName = keyof typeof PARTITION_MAPPERS;
export const PARTITION_MAPPER_NAMES = Object.keys(PARTITION_MAPPERS) as PartitionMapperName[];

/** CronPartitionTimetable's default key format, and the temporal mappers' default input format: the same text. */
export const DEFAULT_KEY_FORMAT = '%Y-%m-%dT%H:%M:%S';

/** The fields of `partitioned` each side takes (the other side's are refused: DS241). */
export const PRODUCER_FIELDS = ['keyFormat', 'runOffset'] as const;
export const CONSUMER_FIELDS = ['mapper', 'inputFormat', 'outputFormat'] as const;

export const PARTITIONED_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    "Partitioned runs (Airflow 3.2+; MWAA 3.3.1): with cron, one run per partition keyed by keyFormat (CronPartitionTimetable); with assets, one run per partition key of the assets' events (PartitionedAssetTimetable), mapped by mapper. Tasks see the key as {{ partition_key }}.",
  properties: {
    keyFormat: S.string(`With cron: the strftime format of each run's partition key, e.g. '%Y-%m-%d' (default '${DEFAULT_KEY_FORMAT}').`),
    // The scheduler steps the cron expression |runOffset| times for every run (timetables/trigger.py
    // _get_partition_date): a huge offset would stall it.
    runOffset: S.integer('With cron: key each run by the partition this many cron intervals away (-1: the previous one), at most 1000 either way.', {
      minimum: -1000,
      maximum: 1000,
    }),
    mapper: S.enum(
      "With assets: how an event's partition key becomes this pipeline's, e.g. 'startOfDay' (default 'identity').",
      PARTITION_MAPPER_NAMES,
    ),
    inputFormat: S.string(`With a temporal mapper: the strptime format of the producers' keys (default '${DEFAULT_KEY_FORMAT}').`),
    outputFormat: S.string("With a temporal mapper: the strftime format of this pipeline's key (default: the mapper's own)."),
  },
  additionalProperties: false,
};

/** A partitioned producer's keys (its cron expression is the schedule's). */
export interface CronPartitionIR {
  readonly keyFormat: string;
  readonly runOffset: number | null;
}

/** A partitioned consumer's mapper. */
export interface AssetPartitionIR {
  readonly mapper: PartitionMapperName;
  /** Temporal mappers only (null for identity): the formats passed to Airflow, defaults filled in. */
  readonly inputFormat: string | null;
  readonly outputFormat: string | null;
}

export function normalizeAssetPartition(p: { mapper?: PartitionMapperName; inputFormat?: string; outputFormat?: string }): AssetPartitionIR {
  const mapper = p.mapper ?? 'identity';
  const m = PARTITION_MAPPERS[mapper];
  return m.temporal
    ? { mapper, inputFormat: p.inputFormat ?? DEFAULT_KEY_FORMAT, outputFormat: p.outputFormat ?? m.output }
    : { mapper, inputFormat: null, outputFormat: null };
}

/**
 * The directives Python's `datetime.strptime` knows (3.11, `_strptime`; a key written with others cannot be read back),
 * each with the longest text strftime writes for it (C locale; %Z a zone abbreviation or offset, %z with seconds).
 */
const DIRECTIVE_WIDTH: ReadonlyMap<string, number> = new Map(
  Object.entries({
    a: 3,
    A: 9,
    b: 3,
    B: 9,
    c: 24,
    d: 2,
    f: 6,
    G: 4,
    H: 2,
    I: 2,
    j: 3,
    m: 2,
    M: 2,
    p: 2,
    S: 2,
    u: 1,
    U: 2,
    V: 2,
    w: 1,
    W: 2,
    x: 8,
    X: 8,
    y: 2,
    Y: 4,
    z: 7,
    Z: 10,
    '%': 1,
  }),
);
/** Airflow stores partition keys in StringID columns (dag_run, asset_event: 250 characters). */
const KEY_COLUMN = 250;

/**
 * Why a partition key format is unusable, or undefined. Airflow formats each key with strftime and the temporal
 * mappers read keys back with strptime, checking neither when the DAG file is imported: a directive strptime does not
 * know turns up only when the scheduler maps a key. A format without a date directive keys every run alike, so all
 * runs would be one partition. Keys are stored in 250-character columns (StringID): the longest key a format can
 * write must fit.
 */
export function partitionFormatError(format: string, what: string, allowQuarter = false): string | undefined {
  if (format.length === 0) return `${what} is empty`;
  const bad = /[^\x20-\x7e]/.exec(format);
  if (bad) {
    const c = bad[0].codePointAt(0)!;
    return `${what} ${JSON.stringify(format)} contains U+${c.toString(16).toUpperCase().padStart(4, '0')}; partition keys are printable ASCII`;
  }
  let dated = false;
  let width = 0;
  for (let i = 0; i < format.length; i++) {
    if (format[i] === '{' && allowQuarter && format.startsWith('{quarter}', i)) {
      dated = true;
      width += 1;
      i += '{quarter}'.length - 1;
      continue;
    }
    if (format[i] !== '%') {
      width++;
      continue;
    }
    const d = format[i + 1];
    if (d === undefined) return `${what} ${JSON.stringify(format)} ends with a lone '%'; write '%%' for a percent sign`;
    const w = DIRECTIVE_WIDTH.get(d);
    if (w === undefined) {
      return `${what} ${JSON.stringify(format)} has '%${d}', which Python's strptime does not know, so the key cannot be read back as a date`;
    }
    width += w;
    if (d !== '%') dated = true;
    i++;
  }
  if (!dated) return `${what} ${JSON.stringify(format)} has no date directive (such as %Y-%m-%d): every run would get the same key`;
  if (width > KEY_COLUMN) return `${what} makes keys of up to ${width} characters; Airflow stores partition keys in ${KEY_COLUMN}`;
  return undefined;
}

/** How summaries show a partitioning: `key %Y-%m-%d`, `mapper startOfDay %Y-%m-%d -> %Y-%m-%d`. */
export function partitionText(p: CronPartitionIR | AssetPartitionIR): string {
  if ('keyFormat' in p) return `key ${p.keyFormat}${p.runOffset !== null ? `, offset ${p.runOffset}` : ''}`;
  return p.inputFormat === null ? `mapper ${p.mapper}` : `mapper ${p.mapper} ${p.inputFormat} -> ${p.outputFormat}`;
}
