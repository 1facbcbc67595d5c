import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import type { Duration } from '../base/durations';
import type { StepIRBase } from '../base/ir-base';
import { providerAtLeast, type AirflowTarget } from '../targets';
import { bucketError } from '../base/s3-uri';
import { timedeltaExpr } from '../base/python-expr';
import { checkDuration, durationOrNull } from './durations';
import { checkKeysNotUris, deferrableArg, stringOrList } from './kind-helpers';
import { defineStepKind } from './types';

const MODES = ['poke', 'reschedule', 'deferrable'] as const;
export type S3WaitMode = (typeof MODES)[number];

/** The S3 operators and sensors take `region_name` from the provider where they extend the AWS base classes. */
export function s3TakesRegion(target: AirflowTarget): boolean {
  return providerAtLeast(target, '9.12.0');
}

/** `s3.wait` -> S3KeySensor: wait until every key (or wildcard pattern) exists in the bucket. */
export const s3Wait = defineStepKind({
  kind: 's3.wait',
  description: 'Wait for one or more S3 keys to exist (S3KeySensor).',
  notes:
    "`mode` defaults to `deferrable` when the step's `deferrable` setting is true, else `poke`; `poke`/`reschedule` pass `deferrable=False` explicitly. `key` may be a list.",
  airflowClass: { module: 'airflow.providers.amazon.aws.sensors.s3', name: 'S3KeySensor' },
  required: ['bucket', 'key'],
  supportsDeferrable: true,
  takesRegion: s3TakesRegion,
  properties: {
    bucket: S.nonEmptyString('Bucket name (without s3://).'),
    key: stringOrList('Key, or list of keys, that must all exist; Unix wildcards when wildcard is true.'),
    wildcard: S.boolean("Read the keys as Unix wildcard patterns ('*', '?', '[...]').", { default: false }),
    timeout: S.string("Fail when the keys do not exist after this long, e.g. '6h'; default: Airflow's sensors.default_timeout (7 days).", {
      tsType: 'Duration',
    }),
    pokeInterval: S.string("Time between checks, e.g. '5m'; default: Airflow's, 60 seconds.", { tsType: 'Duration' }),
    mode: S.enum(
      'poke: hold a worker slot between checks; reschedule: free it between checks; deferrable: wait in the triggerer. Default: deferrable when the step is deferrable, else poke.',
      MODES,
    ),
  },
  check(step, ctx) {
    const err = bucketError(step.bucket);
    if (err) ctx.report('DS308', ['bucket'], err);
    checkKeysNotUris(step.key, 'key', ctx);
    checkDuration(step.timeout, 'timeout', ctx);
    checkDuration(step.pokeInterval, 'pokeInterval', ctx);
    if (step.mode === 'deferrable' && step.deferrable === false) {
      ctx.report('DS363', ['mode'], "mode 'deferrable' contradicts deferrable: false on this step");
    } else if (step.mode !== undefined && step.mode !== 'deferrable' && step.deferrable === true) {
      ctx.report('DS363', ['mode'], `mode '${step.mode}' contradicts deferrable: true on this step; use mode: deferrable`);
    }
  },
  normalize(step): S3WaitFields {
    return {
      bucket: step.bucket,
      key: step.key,
      wildcard: step.wildcard ?? false,
      timeout: durationOrNull(step.timeout),
      pokeInterval: durationOrNull(step.pokeInterval),
      mode: step.mode ?? null,
    };
  },
  emit(f, step) {
    const mode = waitMode(f, step);
    return kwargs({
      bucket_name: lit(f.bucket),
      bucket_key: lit(f.key),
      wildcard_match: lit(f.wildcard),
      timeout: f.timeout ? timedeltaExpr(f.timeout) : undefined,
      poke_interval: f.pokeInterval ? timedeltaExpr(f.pokeInterval) : undefined,
      // Deferrable mode is `deferrable=True` with the default mode; the other modes must say deferrable=False,
      // or a deferrable from default_args would win over them.
      mode: mode === 'deferrable' ? undefined : lit(mode),
      deferrable: deferrableArg(step, mode === 'deferrable'),
    });
  },
});

/** The mode the sensor runs in: as written, else from the step's effective `deferrable` setting. */
export function waitMode(f: S3WaitFields, step: StepIRBase): S3WaitMode {
  return f.mode ?? (step.settings.deferrable ? 'deferrable' : 'poke');
}

export interface S3WaitFields {
  readonly bucket: string;
  readonly key: string | readonly string[];
  readonly wildcard: boolean;
  readonly timeout: Duration | null;
  readonly pokeInterval: Duration | null;
  /** null: decided by the step's effective `deferrable` (see waitMode), which normalize() cannot see. */
  readonly mode: S3WaitMode | null;
}
