import type { Step } from '../spec/types.generated';
import type { Resolved } from '../spec/scalars';
import { airflowClassesOf, type AirflowClass, type StepCheckContext, type StepKindDef } from './types';
import { glueJob } from './glue-job';
import { glueCrawler } from './glue-crawler';
import { redshiftSql } from './redshift-sql';
import { redshiftCopy } from './redshift-copy';
import { s3Wait } from './s3-wait';
import { s3Copy } from './s3-copy';
import { s3Delete } from './s3-delete';
import { athenaQuery } from './athena-query';
import { glueDatabrew } from './glue-databrew';
import { emrCluster } from './emr-cluster';
import { emrSteps } from './emr-steps';
import { emrServerless } from './emr-serverless';
import { flinkStart } from './flink-start';
import { lambdaInvoke } from './lambda-invoke';
import { stepfunctionsStart } from './stepfunctions-start';
import { eventbridgePut } from './eventbridge-put';
import { s3Put } from './s3-put';
import { s3List } from './s3-list';
import { airflowOperator } from './airflow-operator';

/**
 * The explicit registry of step kinds: one line per kind. Everything else that lists kinds (the IR's step union,
 * the schema, the SDK types, the docs' tables) is derived from this tuple. See docs/step-kinds.md, "Adding a kind".
 */
export const STEP_KINDS = [
  glueJob,
  glueCrawler,
  redshiftSql,
  redshiftCopy,
  s3Wait,
  s3Copy,
  s3Delete,
  athenaQuery,
  glueDatabrew,
  emrCluster,
  emrSteps,
  emrServerless,
  flinkStart,
  lambdaInvoke,
  stepfunctionsStart,
  eventbridgePut,
  s3Put,
  s3List,
  airflowOperator,
] as const;

type Registered = (typeof STEP_KINDS)[number];

/** The name of a registered kind. */
export type KindName = Registered['kind'];

/** The IR fields of kind `K` (what its `normalize` returns). */
export type FieldsOf<K extends KindName> = K extends KindName
  ? Extract<Registered, { readonly kind: K }> extends StepKindDef<K, infer F>
    ? F
    : never
  : never;

/** Any registered kind, with its own types. */
export type AnyStepKind = { [K in KindName]: StepKindDef<K, FieldsOf<K>> }[KindName];

/** Every step kind of spec v1 (docs/pipeline-spec.md), compiled or not. */
export const SPEC_V1_KINDS: readonly string[] = [
  'glue.job',
  'glue.crawler',
  'glue.databrew',
  'redshift.sql',
  'redshift.copy',
  's3.wait',
  's3.copy',
  's3.delete',
  'athena.query',
  'emr.steps',
  'emr.cluster',
  'emr.serverless',
  'lambda.invoke',
  'stepfunctions.start',
  'eventbridge.put',
  'flink.start',
  's3.put',
  'airflow.operator',
];

const byKind: ReadonlyMap<string, AnyStepKind> = new Map(STEP_KINDS.map((k) => [k.kind, k]));

/** Kinds of spec v1 that this version does not compile yet: named so the error says so instead of "unknown". */
export const PLANNED_KINDS: readonly string[] = SPEC_V1_KINDS.filter((k) => !byKind.has(k));

/** The kind named by a (user-written) string, if registered. */
export function stepKind(kind: string): AnyStepKind | undefined {
  return byKind.get(kind);
}

/**
 * The kind of a step whose kind is known to be registered, typed for it. The one assertion of the registry: the
 * map holds, for each name, the kind of that name (built from the same tuple).
 */
export function kindOf<K extends KindName>(kind: K): StepKindDef<K, FieldsOf<K>> {
  const def = byKind.get(kind);
  if (!def) throw new Error(`internal error: step kind '${kind}' is not registered`);
  return def as StepKindDef<K, FieldsOf<K>>;
}

/** The kind's own checks of a step that passed the schema of its kind. */
export function checkStep(step: Resolved<Step>, ctx: StepCheckContext): void {
  kindOf(step.kind).check?.(step, ctx);
}

/**
 * Narrows a step to its spec type. Only for a step that passed the schema (no schema error inside it): the schema
 * checked the rest, this checks that its kind is registered.
 */
export function isCheckedStep(raw: unknown): raw is Resolved<Step> {
  if (typeof raw !== 'object' || raw === null || !('kind' in raw)) return false;
  return typeof raw.kind === 'string' && byKind.has(raw.kind);
}

/** The registered kind that emits this class (on some target), if any. */
export function kindEmittingClass(cls: AirflowClass): string | undefined {
  return STEP_KINDS.find((k) => airflowClassesOf(k).some((c) => c.module === cls.module && c.name === cls.name))?.kind;
}
