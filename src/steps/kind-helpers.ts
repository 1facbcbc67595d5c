import type { JsonSchema } from '../base/json-schema';
import { lit, type PyExpr } from '../base/python-expr';
import type { Duration } from '../base/durations';
import type { StepIRBase } from '../base/ir-base';
import { awsNameError, type AwsNameKind } from '../base/aws-names';
import { hasJinja } from '../base/values';
import type { Code } from '../diagnostics/codes';
import type { JsonPath } from '../diagnostics/types';
import type { StepCheckContext } from './types';

/** A field that takes one string or a non-empty list of them (operators such as S3KeySensor accept both). */
export function stringOrList(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
  return {
    type: ['string', 'array'],
    minLength: 1,
    items: { type: 'string', minLength: 1 },
    minItems: 1,
    description,
    ...extra,
  };
}

export function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

/**
 * DS315 for two fields that exclude each other: reported at `b` when both are set, at the step when neither is
 * (and one is required). Returns whether exactly one is set.
 */
export function checkOneOf(a: string, hasA: boolean, b: string, hasB: boolean, ctx: StepCheckContext, opts: { readonly required: boolean }): boolean {
  if (hasA && hasB) {
    ctx.report('DS315', [b], `'${a}' and '${b}' exclude each other; set only one of them`);
    return false;
  }
  if (!hasA && !hasB && opts.required) {
    ctx.report('DS315', [], `set exactly one of '${a}' or '${b}'`);
    return false;
  }
  return hasA || hasB;
}

/**
 * A `deferrable=` argument that overrides default_args for this task, or undefined when the step sets
 * `deferrable` itself: the DAG emitter writes that one, and the kind's check() has made sure it agrees.
 */
export function deferrableArg(step: StepIRBase, deferrable: boolean): PyExpr | undefined {
  return step.overrides.includes('deferrable') ? undefined : lit(deferrable);
}

/** Keys given as `s3://...` where an operator wants a key inside `bucket` fail only at run time; say so now. */
export function checkKeysNotUris(value: string | readonly string[], field: string, ctx: StepCheckContext): void {
  const many = typeof value !== 'string';
  asList(value).forEach((key, i) => {
    if (key.startsWith('s3://')) {
      ctx.report('DS308', many ? [field, i] : [field], `'${key}' is an S3 URI; '${field}' takes keys inside 'bucket' (without s3://bucket/)`);
    }
  });
}

/**
 * The `maxWait` field of kinds whose operator polls with a boto waiter. Their built-in limits are short (EMR
 * Serverless 25 minutes, DataBrew 30 minutes, a new EMR cluster 1 hour), shorter than many real runs.
 */
export function maxWaitSchema(operatorDefault: string): JsonSchema {
  return {
    type: 'string',
    tsType: 'Duration',
    description: `How long the task waits before it fails, e.g. '6h'. Default: the step's executionTimeout when set, else the operator's own limit (${operatorDefault}).`,
  };
}

/**
 * waiter_max_attempts for an operator that polls every `delaySeconds`: enough for `maxWait`, else for the step's
 * executionTimeout; undefined (the operator's default) when neither is set.
 */
export function waiterAttempts(maxWait: Duration | null, step: StepIRBase, delaySeconds: number): PyExpr | undefined {
  const d = maxWait ?? step.settings.executionTimeout;
  return d ? lit(Math.max(1, Math.ceil(d.seconds / delaySeconds))) : undefined;
}

/** DS323 for a `maxWait` on a step that does not wait. */
export function checkMaxWaitUsed(step: { maxWait?: string }, waits: boolean, ctx: StepCheckContext): void {
  if (step.maxWait !== undefined && !waits) ctx.report('DS323', ['maxWait'], 'maxWait has no effect: this step does not wait');
}

/**
 * DS310 when the task a kind adds for a step (its id + `suffix`, in the step's group) has a task id longer than
 * Airflow's 250 characters; DS330 when it has the Airflow task id of another step.
 */
export function checkExtraTaskId(
  step: { readonly id: string; readonly group?: string },
  suffix: string,
  what: string,
  ctx: Pick<StepCheckContext, 'steps' | 'report'>,
): void {
  const taskId = (s: { readonly id: string; readonly group?: string | null }) => (s.group ? `${s.group}.${s.id}` : s.id);
  const extra = taskId({ id: `${step.id}${suffix}`, group: step.group ?? null });
  if (extra.length > 250) {
    ctx.report(
      'DS310',
      ['id'],
      `the ${what} of this step has the Airflow task id '${extra}', longer than Airflow's 250 characters; shorten the step id`,
    );
    return;
  }
  const other = ctx.steps().find((s) => taskId(s) === extra);
  if (other)
    ctx.report('DS330', ['id'], `the ${what} of this step has the Airflow task id '${extra}', which step '${other.id}' has too; rename one of them`);
}

/**
 * DS375 (or the kind's own code) when AWS's API would refuse `value` as this kind of name (the rule from the
 * service model is in the message). Values with Jinja are not judged. Returns whether it reported.
 */
export function checkAwsName(
  kind: AwsNameKind,
  value: string | undefined,
  path: JsonPath,
  ctx: Pick<StepCheckContext, 'report'>,
  code: Code = 'DS375',
): boolean {
  if (value === undefined || hasJinja(value)) return false;
  const err = awsNameError(kind, value);
  if (err) ctx.report(code, path, err);
  return err !== undefined;
}
