import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { hasJinja } from '../base/values';
import { checkAwsName, checkOneOf } from './kind-helpers';
import { checkJinjaInJson, jsonText } from './json-field';
import { NEVER, onKill } from './on-kill';
import { defineStepKind, type StepCheckContext } from './types';
import type { JsonValue } from '../spec/scalars';

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun'] as const;
type InvocationType = (typeof INVOCATION_TYPES)[number];

/**
 * Lambda's FunctionName: a name, a partial ARN (ACCOUNT:function:NAME) or a full ARN, each optionally ending in
 * `:QUALIFIER` (Invoke's API reference).
 */
const FUNCTION =
  /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\d:)?(?:\d{12}:)?(?:function:)?([a-zA-Z0-9_-]{1,64})(?::(\$LATEST|[a-zA-Z0-9_-]{1,128}))?$/;
const QUALIFIER = /^(?:\$LATEST|[a-zA-Z0-9_-]{1,128})$/;

/** `lambda.invoke` -> LambdaInvokeFunctionOperator: invoke a function with a JSON payload. */
export const lambdaInvoke = defineStepKind({
  kind: 'lambda.invoke',
  description: 'Invoke an AWS Lambda function with a JSON payload (LambdaInvokeFunctionOperator).',
  notes:
    '`payload` is JSON-encoded at compile time (Jinja in its strings is rendered at run time). `invocation_type` is always written. ' +
    'A function error (`FunctionError` in the response) fails the task on every MWAA provider (9.0.0 to 9.34.0 raise on it); ' +
    'with `Event` the task only learns that Lambda queued the event. ' +
    'A `forEach` may fan out over the payload when it is a JSON list of strings (a fixed task parses it; anything else fails that task).',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.lambda_function', name: 'LambdaInvokeFunctionOperator' },
  required: ['function'],
  supportsDeferrable: false,
  listOutput: {
    read: 'json',
    items: 'the strings of the JSON list its function returns (the payload), checked when the task runs',
    noList: (step) =>
      step.invocationType === 'Event' || step.invocationType === 'DryRun'
        ? `an ${String(step.invocationType)} invocation returns no payload, so there is no list (invocationType RequestResponse waits for it)`
        : undefined,
  },
  onKill: onKill('Lambda has no API to stop an invocation: a running function finishes (at most its own timeout, 15 minutes).', NEVER, NEVER),
  properties: {
    function: S.nonEmptyString('Function name, partial ARN or ARN; may end in :VERSION or :ALIAS.'),
    payload: S.anyMap('Event passed to the function, sent as JSON. Jinja in its strings is rendered by Airflow.'),
    invocationType: S.enum(
      'RequestResponse: wait for the result (a function error fails the task); Event: queue the event and return; DryRun: only check permissions.',
      INVOCATION_TYPES,
      { default: 'RequestResponse' },
    ),
    qualifier: S.nonEmptyString('Version or alias to invoke (instead of a :QUALIFIER suffix on function).'),
    tailLogs: S.boolean("Copy the last 4 KB of the function's log into the task log (RequestResponse only).", { default: false }),
  },
  check(step, ctx) {
    const qualifiedName = checkFunction(step.function, ctx);
    if (step.qualifier !== undefined && !hasJinja(step.qualifier) && !QUALIFIER.test(step.qualifier)) {
      ctx.report('DS380', ['qualifier'], `'${step.qualifier}' is not a Lambda version or alias (letters, digits, '-', '_', or $LATEST)`);
    } else {
      checkAwsName('lambdaQualifier', step.qualifier, ['qualifier'], ctx, 'DS380');
    }
    if (qualifiedName) checkOneOf('function', true, 'qualifier', step.qualifier !== undefined, ctx, { required: false });
    if (step.tailLogs === true && (step.invocationType ?? 'RequestResponse') !== 'RequestResponse') {
      ctx.report('DS389', ['tailLogs'], `tailLogs needs invocationType RequestResponse; an ${step.invocationType} invocation returns no log`);
    }
    if (step.payload !== undefined) checkJinjaInJson(step.payload, 'payload', ctx);
  },
  normalize(step) {
    return {
      function: step.function,
      payload: step.payload ?? null,
      invocationType: step.invocationType ?? 'RequestResponse',
      qualifier: step.qualifier ?? null,
      tailLogs: step.tailLogs ?? false,
    } satisfies LambdaInvokeFields;
  },
  emit(f) {
    return kwargs({
      function_name: lit(f.function),
      payload: f.payload === null ? undefined : lit(jsonText(f.payload)),
      invocation_type: lit(f.invocationType),
      qualifier: f.qualifier === null ? undefined : lit(f.qualifier),
      log_type: f.tailLogs ? lit('Tail') : undefined,
    });
  },
});

/** DS380 when the function is not a Lambda function name or ARN; returns whether it carries a :QUALIFIER. */
function checkFunction(fn: string, ctx: StepCheckContext): boolean {
  if (hasJinja(fn)) return false;
  const m = FUNCTION.exec(fn);
  // Lambda's own model bounds the whole name or ARN too (the form above comes from Invoke's reference).
  if (m && checkAwsName('lambdaFunction', fn, ['function'], ctx, 'DS380')) return false;
  if (!m) {
    ctx.report(
      'DS380',
      ['function'],
      `'${fn}' is not a Lambda function name or ARN (1-64 letters, digits, '-' or '_', optionally :VERSION or :ALIAS)`,
    );
    return false;
  }
  return m[2] !== undefined;
}

export interface LambdaInvokeFields {
  readonly function: string;
  readonly payload: Readonly<Record<string, JsonValue>> | null;
  readonly invocationType: InvocationType;
  readonly qualifier: string | null;
  readonly tailLogs: boolean;
}
