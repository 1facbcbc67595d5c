import { S } from '../base/json-schema';
import { dict, kwargs, lit, type PyExpr } from '../base/python-expr';
import { checkDuration, durationOrNull } from './durations';
import { checkAwsName, checkExtraTaskId, checkMaxWaitUsed, deferrableArg, maxWaitSchema, waiterAttempts } from './kind-helpers';
import type { Duration } from '../base/durations';
import { NEVER, onKill } from './on-kill';
import { defineStepKind } from './types';

const RESTORE_TYPES = ['SKIP_RESTORE_FROM_SNAPSHOT', 'RESTORE_FROM_LATEST_SNAPSHOT', 'RESTORE_FROM_CUSTOM_SNAPSHOT'] as const;
type RestoreType = (typeof RESTORE_TYPES)[number];

const KINESIS_ANALYTICS = 'airflow.providers.amazon.aws.operators.kinesis_analytics';

/** Managed Service for Apache Flink application names (CreateApplication's ApplicationName). */

/**
 * `flink.start` -> KinesisAnalyticsV2StartApplicationOperator: start a Managed Service for Apache Flink application
 * (StartApplication with its RunConfiguration) and wait until it is RUNNING. Same constructor in amazon provider
 * 9.0.0, 9.12.0, 9.22.0 and 9.34.0 (application_name, run_configuration, wait_for_completion, waiter_delay,
 * waiter_max_attempts, deferrable; region_name from the AWS base operator). Like DataBrew, it defers whenever
 * `deferrable` is set, so a start that is not waited for is not deferrable.
 */
export const flinkStart = defineStepKind({
  kind: 'flink.start',
  description: 'Start a Managed Service for Apache Flink application (KinesisAnalyticsV2StartApplicationOperator).',
  notes:
    "`runConfiguration`: `applicationRestoreType`, `snapshotName` (with `RESTORE_FROM_CUSTOM_SNAPSHOT`), `allowNonRestoredState`. With `stopAtEnd`, a `KinesisAnalyticsV2StopApplicationOperator` teardown task `<id>_stop` stops the application gracefully after every other task, whether they failed or not (the start is its setup). A start that is not waited for is not deferrable. `maxWait` (default: the step's `executionTimeout`) replaces the operator's 20-minute limit.",
  airflowClass: { module: KINESIS_ANALYTICS, name: 'KinesisAnalyticsV2StartApplicationOperator' },
  required: ['application'],
  supportsDeferrable: true,
  onKill: onKill(
    'A killed start task leaves the application starting or running (it is meant to run on; no on_kill stops it): with `stopAtEnd` the teardown stops it.',
    NEVER,
    NEVER,
  ),
  properties: {
    application: S.nonEmptyString('Name of the Managed Service for Apache Flink application.', { tsType: 'FlinkApplicationName' }),
    runConfiguration: {
      type: 'object',
      additionalProperties: false,
      description: 'How the application starts: from which snapshot it restores its state (StartApplication RunConfiguration).',
      properties: {
        applicationRestoreType: S.enum(
          'Restore no state (SKIP_RESTORE_FROM_SNAPSHOT), the latest snapshot (RESTORE_FROM_LATEST_SNAPSHOT) or snapshotName (RESTORE_FROM_CUSTOM_SNAPSHOT). Default: the application\u2019s own setting.',
          RESTORE_TYPES,
        ),
        snapshotName: S.nonEmptyString('Snapshot to restore from, with RESTORE_FROM_CUSTOM_SNAPSHOT.', { maxLength: 256 }),
        allowNonRestoredState: S.boolean(
          'Start even when the snapshot holds state that the new program cannot map to an operator (Flink --allowNonRestoredState).',
        ),
      },
    },
    waitForCompletion: S.boolean('Wait until the application is RUNNING.', { default: true }),
    maxWait: maxWaitSchema('20 minutes: 20 polls a minute apart'),
    stopAtEnd: S.boolean(
      'Stop the application when the rest of the DAG run is done, failed or not (a KinesisAnalyticsV2StopApplicationOperator teardown task `<id>_stop`; the start becomes its setup).',
      { default: false },
    ),
  },
  check(step, ctx) {
    checkDuration(step.maxWait, 'maxWait', ctx);
    checkMaxWaitUsed(step, step.waitForCompletion ?? true, ctx);
    checkAwsName('flinkApplication', step.application, ['application'], ctx);
    checkAwsName('flinkSnapshot', step.runConfiguration?.snapshotName, ['runConfiguration', 'snapshotName'], ctx);
    const rc = step.runConfiguration;
    if (rc?.applicationRestoreType === 'RESTORE_FROM_CUSTOM_SNAPSHOT' && rc.snapshotName === undefined) {
      ctx.report('DS392', ['runConfiguration', 'applicationRestoreType'], 'RESTORE_FROM_CUSTOM_SNAPSHOT needs snapshotName');
    } else if (rc?.snapshotName !== undefined && rc.applicationRestoreType !== 'RESTORE_FROM_CUSTOM_SNAPSHOT') {
      ctx.report(
        'DS392',
        ['runConfiguration', 'snapshotName'],
        'snapshotName is used only with applicationRestoreType: RESTORE_FROM_CUSTOM_SNAPSHOT',
      );
    }
    if (step.stopAtEnd ?? false) {
      checkExtraTaskId(step, FLINK_STOP_SUFFIX, 'stop task', ctx);
      // The start becomes the stop's setup task, and Airflow refuses a DAG whose tasks right after a setup task run
      // on another trigger rule than all_success.
      for (const s of ctx.steps()) {
        if (s.dependsOn.includes(step.id) && s.triggerRule !== null && s.triggerRule !== 'all_success') {
          ctx.report(
            'DS376',
            ['stopAtEnd'],
            `with stopAtEnd the start is a setup task, and Airflow requires the steps right after it to run on all_success; step '${s.id}' has triggerRule '${s.triggerRule}'`,
            {
              hint: 'put a step with the default trigger rule in between, or stop the application with a step of its own',
            },
          );
        }
      }
    }
    if (step.deferrable === true && step.waitForCompletion === false) {
      ctx.report(
        'DS357',
        ['waitForCompletion'],
        'a deferrable start always waits for the application to run; set deferrable: false to start it and move on',
      );
    }
  },
  normalize(step): FlinkStartFields {
    const rc = step.runConfiguration ?? {};
    return {
      application: step.application,
      restoreType: rc.applicationRestoreType ?? null,
      snapshotName: rc.snapshotName ?? null,
      allowNonRestoredState: rc.allowNonRestoredState ?? null,
      waitForCompletion: step.waitForCompletion ?? true,
      stopAtEnd: step.stopAtEnd ?? false,
      maxWait: durationOrNull(step.maxWait),
    };
  },
  emit(f, step) {
    return kwargs({
      application_name: lit(f.application),
      run_configuration: runConfigurationExpr(f),
      wait_for_completion: lit(f.waitForCompletion),
      waiter_max_attempts: f.waitForCompletion ? waiterAttempts(f.maxWait, step, FLINK_POLL_SECONDS) : undefined,
      // A deferrable inherited from defaults would make the operator wait anyway: turn it off for this task.
      deferrable: !f.waitForCompletion && step.settings.deferrable ? deferrableArg(step, false) : undefined,
    });
  },
  extraTasks(f) {
    if (!f.stopAtEnd) return [];
    return [
      {
        suffix: FLINK_STOP_SUFFIX,
        placement: 'teardown',
        airflowClass: { module: KINESIS_ANALYTICS, name: 'KinesisAnalyticsV2StopApplicationOperator' },
        // A graceful stop (force=False): the application takes a snapshot first when it has snapshots enabled;
        // the task waits until it is READY.
        kwargs: kwargs({ application_name: lit(f.application) }),
      },
    ];
  },
});

/** The StartApplication RunConfiguration, or undefined (the operator's default, None, sends none). */
export function runConfigurationExpr(f: FlinkStartFields): PyExpr | undefined {
  const rc: [string, PyExpr][] = [];
  if (f.allowNonRestoredState !== null) rc.push(['FlinkRunConfiguration', dict([['AllowNonRestoredState', lit(f.allowNonRestoredState)]])]);
  if (f.restoreType !== null) {
    rc.push([
      'ApplicationRestoreConfiguration',
      dict([['ApplicationRestoreType', lit(f.restoreType)], ...(f.snapshotName !== null ? [['SnapshotName', lit(f.snapshotName)] as const] : [])]),
    ]);
  }
  return rc.length > 0 ? dict(rc) : undefined;
}

export interface FlinkStartFields {
  readonly application: string;
  readonly restoreType: RestoreType | null;
  readonly snapshotName: string | null;
  readonly allowNonRestoredState: boolean | null;
  readonly waitForCompletion: boolean;
  readonly stopAtEnd: boolean;
  readonly maxWait: Duration | null;
}

/** KinesisAnalyticsV2StartApplicationOperator's waiter_delay (all four provider versions). */
export const FLINK_POLL_SECONDS = 60;

/** The task id suffix of the teardown that stops the application. */
export const FLINK_STOP_SUFFIX = '_stop';
