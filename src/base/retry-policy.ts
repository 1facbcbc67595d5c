/**
 * Declarative retry policies (`retryPolicy` in `defaults` or on a step): Airflow's `ExceptionRetryPolicy` from 3.3
 * (`airflow.sdk.definitions.retry_policy`, AIP-105). The worker evaluates the policy on the exception a failed try
 * raised: the first rule whose exception class matches (`isinstance`, so subclasses too) decides: `fail` ends the
 * task at once, `retry` retries it (within the task's `retries`, optionally after its own delay); no match applies
 * the policy's default.
 *
 * The exception classes are an allow-list, not dotted paths: `RetryRule` imports a dotted path when the DAG file is
 * parsed (`import_string` in `__post_init__`), and a pipeline is untrusted input that must not make a DAG import an
 * arbitrary module. Each entry's module and superclasses were checked in the 3.3.1 virtualenv
 * (test/airflow/retry-policy.test.ts keeps them checked).
 */
import { S, type JsonSchema } from './json-schema';
import { duration, type Duration } from './durations';
import type { StepDefaults } from '../spec/types.generated';
import { call, kwargs, list, lit, name, timedeltaExpr, type PyExpr } from './python-expr';

export interface RetryException {
  /** The Python module the DAG file imports the class from. */
  readonly module: string;
  /** The allow-listed classes it is a subclass of (a rule on one of them matches it too). */
  readonly parents: readonly RetryExceptionName[];
  /** What raises it, in a pipeline's tasks (the schema's hover text and docs). */
  readonly raisedWhen: string;
}

const BOTOCORE = 'botocore.exceptions';
const SDK_EXCEPTIONS = 'airflow.sdk.exceptions';

/** The exception classes a retry rule may name, in the order of the docs' table. */
export const RETRY_EXCEPTION_NAMES = [
  'ClientError',
  'BotoCoreError',
  'NoCredentialsError',
  'CredentialRetrievalError',
  'NoRegionError',
  'ParamValidationError',
  'EndpointConnectionError',
  'ConnectTimeoutError',
  'ReadTimeoutError',
  'ConnectionClosedError',
  'AirflowException',
  'TaskDeferralError',
  'AirflowTaskTimeout',
] as const;
export type RetryExceptionName = (typeof RETRY_EXCEPTION_NAMES)[number];

export const RETRY_EXCEPTIONS: Readonly<Record<RetryExceptionName, RetryException>> = {
  ClientError: {
    module: BOTOCORE,
    parents: [],
    raisedWhen: 'an AWS API answered with an error, whatever its code (AccessDenied, NoSuchKey, ThrottlingException, ...)',
  },
  BotoCoreError: { module: BOTOCORE, parents: [], raisedWhen: 'the AWS SDK failed before an answer: every botocore error below' },
  NoCredentialsError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'no AWS credentials were found' },
  CredentialRetrievalError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'a credential provider (a role, SSO) failed' },
  NoRegionError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'no AWS region was set' },
  ParamValidationError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'a request parameter was refused before it was sent' },
  EndpointConnectionError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'the AWS endpoint could not be reached' },
  ConnectTimeoutError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'connecting to the AWS endpoint timed out' },
  ReadTimeoutError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'the AWS endpoint did not answer in time' },
  ConnectionClosedError: { module: BOTOCORE, parents: ['BotoCoreError'], raisedWhen: 'the AWS endpoint closed the connection' },
  AirflowException: {
    module: SDK_EXCEPTIONS,
    parents: [],
    raisedWhen: 'an Amazon operator saw the AWS work it started fail (a Glue job or Athena query FAILED, an EMR step failed, ...)',
  },
  TaskDeferralError: { module: SDK_EXCEPTIONS, parents: ['AirflowException'], raisedWhen: "a deferred task's trigger failed" },
  AirflowTaskTimeout: { module: SDK_EXCEPTIONS, parents: [], raisedWhen: 'a try ran longer than executionTimeout' },
};

export const RETRY_ACTIONS = ['retry', 'fail'] as const;
export type RetryActionName = (typeof RETRY_ACTIONS)[number];

const exceptionName = S.enum('An exception class (one of the allow-listed AWS SDK and Airflow exceptions).', RETRY_EXCEPTION_NAMES);
const exceptionUnion = RETRY_EXCEPTION_NAMES.map((n) => `'${n}'`).join(' | ');

export const RETRY_POLICY_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    "Decide on the exception a failed try raised whether to retry it or fail at once (Airflow 3.3's ExceptionRetryPolicy): the first rule whose exception matches decides; `retries` still caps the tries.",
  properties: {
    rules: {
      type: 'array',
      description: 'Rules in order; the first whose exception matches the error (the class or a subclass) decides.',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          exception: {
            description: 'The exception class the rule matches (subclasses too), or a list of them.',
            oneOf: [exceptionName, { type: 'array', items: exceptionName, minItems: 1, uniqueItems: true }],
            tsType: `${exceptionUnion} | Array<${exceptionUnion}>`,
          },
          action: S.enum("'retry' (within the task's retries) or 'fail' (at once, whatever retries are left).", RETRY_ACTIONS),
          retryDelay: S.string("Wait before the retry this rule grants, in place of the task's retryDelay, e.g. '1m'.", { tsType: 'Duration' }),
          reason: S.nonEmptyString("Why, written to the task's log with the decision.", { maxLength: 500 }),
        },
        required: ['exception', 'action'],
        additionalProperties: false,
      },
    },
    default: S.enum("What an error no rule matches does: 'retry' (the task's retries, as without a policy) or 'fail' (at once).", RETRY_ACTIONS, {
      default: 'retry',
    }),
  },
  required: ['rules'],
  additionalProperties: false,
};

/** The spec's `retryPolicy`, as the schema takes it (variables resolved). */
export type RetryPolicySpec = NonNullable<StepDefaults['retryPolicy']>;

export interface RetryRuleIR {
  readonly exceptions: readonly RetryExceptionName[];
  readonly action: RetryActionName;
  readonly retryDelay: Duration | null;
  readonly reason: string | null;
}

export interface RetryPolicyIR {
  readonly rules: readonly RetryRuleIR[];
  readonly default: RetryActionName;
}

/** The IR of a validated `retryPolicy`. */
export function retryPolicyToIr(spec: RetryPolicySpec): RetryPolicyIR {
  return {
    rules: spec.rules.map((r) => ({
      exceptions: typeof r.exception === 'string' ? [r.exception] : [...r.exception],
      action: r.action as RetryActionName,
      retryDelay: r.retryDelay === undefined ? null : duration(r.retryDelay),
      reason: r.reason ?? null,
    })),
    default: (spec.default ?? 'retry') as RetryActionName,
  };
}

/** The classes of the policy module the DAG file imports (from `airflow.sdk`), before any other of the file's names. */
export const RETRY_POLICY_CLASSES = ['ExceptionRetryPolicy', 'RetryAction', 'RetryRule'] as const;

/** The exception classes a policy names, for the DAG file's imports. */
export function retryPolicyExceptions(policy: RetryPolicyIR): RetryExceptionName[] {
  return [...new Set(policy.rules.flatMap((r) => r.exceptions))];
}

const ACTION_MEMBER: Readonly<Record<RetryActionName, string>> = { retry: 'RETRY', fail: 'FAIL' };

/**
 * `ExceptionRetryPolicy(rules=[RetryRule(exception=ClientError, action=RetryAction.FAIL, ...)], ...)`. The names are
 * the plain class names: the DAG emitter imports them first, so no other import takes them. A default of 'retry' is
 * Airflow's own (RetryAction.DEFAULT, the task's retries as without a policy) and is left out.
 */
export function retryPolicyExpr(policy: RetryPolicyIR): PyExpr {
  const rules = policy.rules.map((r) =>
    call(
      'RetryRule',
      [],
      kwargs({
        exception: r.exceptions.length === 1 ? name(r.exceptions[0]!) : list(r.exceptions.map((e) => name(e))),
        action: name(`RetryAction.${ACTION_MEMBER[r.action]}`),
        retry_delay: r.retryDelay ? timedeltaExpr(r.retryDelay) : undefined,
        reason: r.reason === null ? undefined : lit(r.reason),
      }),
    ),
  );
  return call('ExceptionRetryPolicy', [], kwargs({ rules: list(rules), default: policy.default === 'fail' ? name('RetryAction.FAIL') : undefined }));
}
