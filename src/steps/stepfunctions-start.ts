import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import type { Duration } from '../base/durations';
import { arnError, hasJinja } from '../base/values';
import type { JsonValue } from '../spec/scalars';
import { checkDuration, durationOrNull } from './durations';
import { checkAwsName, deferrableArg } from './kind-helpers';
import { NEVER, onKill } from './on-kill';
import { defineStepKind } from './types';

/** Step Functions execution names: 1-80 characters without whitespace, brackets, wildcards or punctuation. */
// eslint-disable-next-line no-control-regex -- the name may hold no control characters: the class lists them to exclude them
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;
const STATE_MACHINE_ARN = /^arn:aws[a-zA-Z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]{1,80}$/;

const DEFAULT_POLL = '60s';
const DEFAULT_TIMEOUT = '7d';

/**
 * `stepfunctions.start` -> StepFunctionStartExecutionOperator. In every MWAA provider (9.0.0 to 9.34.0) the operator
 * waits for the execution only in deferrable mode (it has no wait_for_completion), so a waiting step runs deferrable:
 * the triggerer polls DescribeExecution and a failed, timed-out or aborted execution fails the task.
 */
export const stepfunctionsStart = defineStepKind({
  kind: 'stepfunctions.start',
  description: 'Start an AWS Step Functions execution and wait for it (StepFunctionStartExecutionOperator).',
  notes:
    'Waiting (`waitForCompletion`, default true) runs the operator deferrable, the only way it waits, with `waiter_delay`/`waiter_max_attempts` from ' +
    '`pollInterval`/`timeout`; not waiting passes `deferrable=False`. `input` is passed as a map, rendered by Airflow and JSON-encoded by the hook.',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.step_function', name: 'StepFunctionStartExecutionOperator' },
  required: ['stateMachine'],
  supportsDeferrable: true,
  onKill: onKill(
    'Nothing stops the execution: StepFunctionStartExecutionOperator has no on_kill in any provider version (StopExecution is not called).',
    NEVER,
    NEVER,
  ),
  properties: {
    stateMachine: S.nonEmptyString('State machine ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME).'),
    input: S.anyMap('Execution input (a JSON object). Jinja in its strings is rendered by Airflow.'),
    name: S.nonEmptyString("Execution name, unique per state machine for 90 days, e.g. 'export-{{ ds_nodash }}'; default: generated."),
    waitForCompletion: S.boolean('Wait until the execution succeeds; a failed, timed-out or aborted execution fails the task.', {
      default: true,
    }),
    pollInterval: S.string("Time between status checks while waiting, e.g. '30s'.", { default: DEFAULT_POLL, tsType: 'Duration' }),
    timeout: S.string("Fail the task when the execution has not finished after this long, e.g. '4h'.", {
      default: DEFAULT_TIMEOUT,
      tsType: 'Duration',
    }),
  },
  check(step, ctx) {
    if (!hasJinja(step.stateMachine)) {
      const err = arnError(step.stateMachine, 'any');
      if (err || !STATE_MACHINE_ARN.test(step.stateMachine)) {
        ctx.report(
          'DS309',
          ['stateMachine'],
          `'${step.stateMachine}' is not a state machine ARN (arn:aws:states:REGION:123456789012:stateMachine:NAME)`,
        );
      } else {
        checkAwsName('stateMachineArn', step.stateMachine, ['stateMachine'], ctx, 'DS309');
      }
    }
    if (step.name !== undefined && !hasJinja(step.name) && !EXECUTION_NAME.test(step.name)) {
      ctx.report(
        'DS388',
        ['name'],
        `'${step.name}' is not a Step Functions execution name (1-80 characters; no spaces, brackets, wildcards or punctuation such as : / , ; $)`,
      );
    }
    checkDuration(step.pollInterval, 'pollInterval', ctx);
    checkDuration(step.timeout, 'timeout', ctx);
    const wait = step.waitForCompletion ?? true;
    if (wait && step.deferrable === false) {
      ctx.report(
        'DS393',
        ['deferrable'],
        'StepFunctionStartExecutionOperator waits for the execution only in deferrable mode; deferrable: false cannot wait',
        {
          hint: 'drop deferrable: false, or set waitForCompletion: false and wait with a StepFunctionExecutionSensor (airflow.operator)',
        },
      );
    } else if (!wait && step.deferrable === true) {
      ctx.report(
        'DS357',
        ['deferrable'],
        'deferrable: true makes StepFunctionStartExecutionOperator wait for the execution, which contradicts waitForCompletion: false',
      );
    }
  },
  normalize(step) {
    return {
      stateMachine: step.stateMachine,
      input: step.input ?? null,
      name: step.name ?? null,
      waitForCompletion: step.waitForCompletion ?? true,
      pollInterval: durationOrNull(step.pollInterval ?? DEFAULT_POLL)!,
      timeout: durationOrNull(step.timeout ?? DEFAULT_TIMEOUT)!,
    } satisfies StepfunctionsStartFields;
  },
  emit(f, step) {
    const delay = Math.max(1, f.pollInterval.seconds);
    return kwargs({
      state_machine_arn: lit(f.stateMachine),
      name: f.name === null ? undefined : lit(f.name),
      state_machine_input: f.input === null ? undefined : lit(f.input),
      deferrable: deferrableArg(step, f.waitForCompletion),
      waiter_delay: f.waitForCompletion ? lit(delay) : undefined,
      waiter_max_attempts: f.waitForCompletion ? lit(Math.max(1, Math.ceil(f.timeout.seconds / delay))) : undefined,
    });
  },
});

export interface StepfunctionsStartFields {
  readonly stateMachine: string;
  readonly input: Readonly<Record<string, JsonValue>> | null;
  readonly name: string | null;
  readonly waitForCompletion: boolean;
  readonly pollInterval: Duration;
  readonly timeout: Duration;
}
