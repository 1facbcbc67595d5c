/**
 * The typed SDK: write a pipeline in TypeScript and get exactly the spec object a YAML file would give.
 *
 * ```ts
 * import { definePipeline, glue, s3 } from 'dagsmith';
 *
 * const wait = s3.wait({ id: 'wait_raw', bucket: '${rawBucket}', key: 'events/{{ ds }}/_SUCCESS' });
 * export default definePipeline({
 *   id: 'nightly',
 *   steps: [wait, glue.job({ id: 'clean', job: 'clean-events', dependsOn: [wait] })],
 * });
 * ```
 *
 * The step builders are derived from the step registry (through the generated `StepKindMap`), so a new step
 * kind gets its builder and its typed, documented fields by regenerating src/spec/types.generated.ts.
 */
import { STEP_KIND_NAMES, type PipelineSpec, type Step, type StepKindMap, type StepNamespaces } from '../spec/types.generated';
import { captureCaller, markPipeline, recordCallSite, callSiteOf } from './provenance';

export type * from '../spec/types.generated';
export { defineTest } from './test';
export type * from './test';
// Duration and Schedule are also IR type names in dagsmith's public API: the SDK's are named for the spec.
export type {
  JsonValue,
  S3Uri,
  IamRoleArn,
  SnsTopicArn,
  SecretArn,
  AwsRegion,
  StepRef,
  ListStepRef,
  ForEach,
  AssetCondition,
  AssetRef,
} from '../spec/scalars';
export type { Duration as SpecDuration, Schedule as SpecSchedule } from '../spec/scalars';

/** What a step builder takes: the step's fields without `kind` (the builder sets it). `id` is required. */
export type StepInput<S extends Step> = Omit<S, 'kind'>;

/** Builds one step of kind `S['kind']`; the result may be used in `steps` and in another step's `dependsOn`. */
export type StepBuilder<S extends Step> = (step: StepInput<S>) => S;

/** The builders of one namespace: `glue` has `job` for `glue.job`, `crawler` for `glue.crawler`, ... */
export type StepNamespace<N extends string> = N extends keyof StepNamespaces
  ? { readonly [M in keyof StepNamespaces[N]]: StepNamespaces[N][M] extends Step ? StepBuilder<StepNamespaces[N][M]> : never }
  : Record<never, never>; // no kind of this namespace is registered (yet)

/** What `definePipeline` takes: a pipeline spec; `version` may be left out (it is always 1). */
export interface PipelineInput extends Omit<PipelineSpec, 'version'> {
  /**
   * Spec version; always 1.
   * @default 1
   */
  version?: 1;
}

/**
 * Defines a pipeline; `export default` it from `pipelines/<name>.ts`. Returns the plain spec object (what the
 * same pipeline in YAML loads to): step references in `dependsOn` become step ids, and properties set to
 * `undefined` are left out. dagsmith then validates and compiles it exactly as it does a YAML file.
 */
export function definePipeline(pipeline: PipelineInput): PipelineSpec {
  const frames = captureCaller(definePipeline);
  const { version, steps, ...rest } = pipeline as PipelineInput & { steps: unknown };
  const spec = { version: version ?? 1, ...(plainData(rest) as object) } as PipelineSpec;
  if (steps !== undefined) spec.steps = (Array.isArray(steps) ? steps.map(specStep) : plainData(steps)) as PipelineSpec['steps'];
  recordCallSite(spec, frames);
  markPipeline(spec);
  return spec;
}

function specStep(step: unknown): unknown {
  const out = plainData(step);
  if (isPlainObject(out) && Array.isArray(out.dependsOn)) {
    out.dependsOn = out.dependsOn.map((d: unknown) => (isPlainObject(d) && typeof d.id === 'string' ? d.id : d));
  }
  // forEach.items, like dependsOn, may name the upstream step by reference.
  if (isPlainObject(out) && isPlainObject(out.forEach) && isPlainObject(out.forEach.items) && typeof out.forEach.items.id === 'string') {
    out.forEach.items = out.forEach.items.id;
  }
  const frames = callSiteOf(step);
  if (frames && out !== null && typeof out === 'object') recordCallSite(out, frames);
  return out;
}

/**
 * A deep copy made of what YAML can hold: plain objects (without `undefined` properties), arrays and
 * primitives. Anything else (a Date, a function, a class instance) is kept as it is, for the schema to report.
 */
function plainData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainData);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      // References in dependsOn are plain objects too; copying them keeps their `id`.
      out[k] = plainData(v);
    }
    return out;
  }
  return value;
}

/** An object literal's value (not an array, class instance or function): what the SDK copies field by field. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function stepBuilder<K extends keyof StepKindMap>(kind: K): StepBuilder<StepKindMap[K]> {
  const build = (input: StepInput<StepKindMap[K]>): StepKindMap[K] => {
    const { id, kind: _ignored, ...fields } = (input ?? {}) as { id?: unknown; kind?: unknown };
    // Same key order as a YAML step (id, kind, fields...), so anything that lists keys lists them alike.
    const step = { id, kind, ...fields } as StepKindMap[K];
    recordCallSite(step, captureCaller(build));
    return step;
  };
  return build;
}

function namespace<N extends string>(name: N): StepNamespace<N> {
  const builders: Record<string, unknown> = {};
  for (const kind of STEP_KIND_NAMES) {
    if (kind.startsWith(`${name}.`)) builders[kind.slice(name.length + 1)] = stepBuilder(kind);
  }
  return Object.freeze(builders) as StepNamespace<N>;
}

// One export per namespace of the registry, generated by `npm run gen` from src/steps/index.ts.
// kinds:sdk-namespaces:begin (generated by npm run gen from src/steps/index.ts; do not edit)
/** Step builders: `glue.job`, `glue.crawler`, `glue.databrew`. */
export const glue = namespace('glue');
/** Step builders: `redshift.sql`, `redshift.copy`. */
export const redshift = namespace('redshift');
/** Step builders: `s3.wait`, `s3.copy`, `s3.delete`, `s3.put`, `s3.list`. */
export const s3 = namespace('s3');
/** Step builders: `athena.query`. */
export const athena = namespace('athena');
/** Step builders: `emr.cluster`, `emr.steps`, `emr.serverless`. */
export const emr = namespace('emr');
/** Step builders: `flink.start`. */
export const flink = namespace('flink');
/** Step builders: `lambda.invoke`. */
export const lambda = namespace('lambda');
/** Step builders: `stepfunctions.start`. */
export const stepfunctions = namespace('stepfunctions');
/** Step builders: `eventbridge.put`. */
export const eventbridge = namespace('eventbridge');
/** Step builders: `airflow.operator`. */
export const airflow = namespace('airflow');
// kinds:sdk-namespaces:end
