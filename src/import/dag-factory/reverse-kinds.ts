/**
 * A dag-factory task's operator and arguments as a typed dagsmith step, where a kind compiles to that operator and
 * has a field for every argument the task passes (each kind then adds its checks and defaults). Otherwise the task
 * stays an `airflow.operator` step, and `why` says what kept it from its kind.
 */
import { isRecord } from '../../util/is-record';
import { durationOf } from './duration';

type Fields = Record<string, unknown>;

/** How the arguments of one operator become the fields of one kind; undefined when an argument has no field. */
interface Reverse {
  readonly kind: string;
  fields(args: Readonly<Record<string, unknown>>): Fields | undefined;
  /** The arguments it has fields for. */
  readonly takes?: readonly string[];
}

const str = (v: unknown): v is string => typeof v === 'string' && v !== '';
const strMap = (v: unknown): v is Record<string, string> => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
const strOrList = (v: unknown): v is string | string[] => str(v) || (Array.isArray(v) && v.length > 0 && v.every(str));

/** Only these arguments, each turned into a field by its function (undefined: the value does not fit). */
function fieldsFrom(
  args: Readonly<Record<string, unknown>>,
  map: Readonly<Record<string, (v: unknown) => Fields | undefined>>,
  required: readonly string[],
): Fields | undefined {
  const out: Fields = {};
  for (const [k, v] of Object.entries(args)) {
    const f = Object.hasOwn(map, k) ? map[k] : undefined;
    const fields = f?.(v);
    if (!fields) return undefined;
    Object.assign(out, fields);
  }
  return required.every((r) => Object.hasOwn(args, r)) ? out : undefined;
}

const to =
  (field: string, ok: (v: unknown) => boolean) =>
  (v: unknown): Fields | undefined =>
    ok(v) ? { [field]: v } : undefined;
const duration = (field: string) => (v: unknown) => {
  const d = durationOf(v);
  return d ? { [field]: d } : undefined;
};
const bool = (v: unknown) => typeof v === 'boolean';

const AWS = 'airflow.providers.amazon.aws';

/** A kind whose fields come one by one from arguments. */
function viaMap(kind: string, map: Readonly<Record<string, (v: unknown) => Fields | undefined>>, required: readonly string[]): Reverse {
  return { kind, takes: Object.keys(map), fields: (a) => fieldsFrom(a, map, required) };
}

const REVERSE: ReadonlyMap<string, Reverse> = new Map<string, Reverse>([
  [
    `${AWS}.operators.glue.GlueJobOperator`,
    viaMap(
      'glue.job',
      {
        job_name: to('job', str),
        script_args: to('arguments', strMap),
        script_location: to('scriptLocation', (v) => str(v) && v.startsWith('s3://')),
        iam_role_name: to('role', str),
        wait_for_completion: to('waitForCompletion', bool),
      },
      ['job_name'],
    ),
  ],
  [
    `${AWS}.operators.glue_crawler.GlueCrawlerOperator`,
    viaMap(
      'glue.crawler',
      {
        config: (v) => (isRecord(v) && Object.keys(v).length === 1 && str(v.Name) ? { crawler: v.Name } : undefined),
        wait_for_completion: to('waitForCompletion', bool),
      },
      ['config'],
    ),
  ],
  [
    `${AWS}.operators.glue_databrew.GlueDataBrewStartJobOperator`,
    viaMap('glue.databrew', { job_name: to('job', str), wait_for_completion: to('waitForCompletion', bool) }, ['job_name']),
  ],
  [
    `${AWS}.sensors.s3.S3KeySensor`,
    viaMap(
      's3.wait',
      {
        bucket_name: to('bucket', str),
        bucket_key: to('key', strOrList),
        wildcard_match: to('wildcard', bool),
        mode: to('mode', (v) => v === 'poke' || v === 'reschedule'),
        poke_interval: duration('pokeInterval'),
        timeout: duration('timeout'),
      },
      ['bucket_name', 'bucket_key'],
    ),
  ],
  [
    `${AWS}.operators.s3.S3CopyObjectOperator`,
    {
      kind: 's3.copy',
      takes: ['source_bucket_name', 'source_bucket_key', 'dest_bucket_name', 'dest_bucket_key'],
      fields: (a) => {
        const keys = ['source_bucket_name', 'source_bucket_key', 'dest_bucket_name', 'dest_bucket_key'];
        if (Object.keys(a).some((k) => !keys.includes(k)) || !keys.every((k) => str(a[k]))) return undefined;
        return {
          from: `s3://${String(a.source_bucket_name)}/${String(a.source_bucket_key)}`,
          to: `s3://${String(a.dest_bucket_name)}/${String(a.dest_bucket_key)}`,
        };
      },
    },
  ],
  [
    `${AWS}.operators.s3.S3DeleteObjectsOperator`,
    viaMap('s3.delete', { bucket: to('bucket', str), keys: to('keys', strOrList), prefix: to('prefix', str) }, ['bucket']),
  ],
  [
    `${AWS}.operators.athena.AthenaOperator`,
    viaMap(
      'athena.query',
      {
        query: to('query', str),
        database: to('database', str),
        output_location: to('outputLocation', (v) => str(v) && v.startsWith('s3://')),
        workgroup: to('workgroup', str),
      },
      ['query', 'database', 'output_location'],
    ),
  ],
  [
    `${AWS}.operators.lambda_function.LambdaInvokeFunctionOperator`,
    viaMap(
      'lambda.invoke',
      {
        function_name: to('function', str),
        payload: (v) => {
          if (typeof v !== 'string') return undefined;
          try {
            const parsed: unknown = JSON.parse(v);
            // The kind sends its payload as compact JSON: only a payload that is exactly that is the same bytes.
            return isRecord(parsed) && JSON.stringify(parsed) === v ? { payload: parsed } : undefined;
          } catch {
            return undefined;
          }
        },
        invocation_type: to('invocationType', (v) => v === 'RequestResponse' || v === 'Event' || v === 'DryRun'),
        qualifier: to('qualifier', str),
      },
      ['function_name'],
    ),
  ],
]);

export function typedStepFor(operator: string, args: Readonly<Record<string, unknown>>): { step?: Fields; why?: string } {
  const reverse = REVERSE.get(operator);
  if (!reverse) return {};
  const fields = reverse.fields(args);
  if (fields) return { step: { kind: reverse.kind, ...fields } };
  const known = new Set(reverse.takes ?? []);
  const other = Object.keys(args).filter((a) => !known.has(a));
  return {
    why: `kept as airflow.operator: kind ${reverse.kind} has no field for ${other.length > 0 ? `the argument${other.length === 1 ? '' : 's'} ${other.join(', ')}` : 'a value of this task'}`,
  };
}
