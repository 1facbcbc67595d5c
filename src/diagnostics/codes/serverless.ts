import type { CodeInfo } from '../code-info';

/**
 * DS530-DS559, emit: what the MWAA Serverless target (`--target mwaa-serverless`) cannot write, or writes with a
 * different effect, found when validating for it (src/emit/serverless/). See docs/serverless.md.
 */
export const SERVERLESS_EMIT_CODES = {
  DS530: {
    severity: 'error',
    title: 'operator not on the MWAA Serverless allowlist',
    why: 'MWAA Serverless runs only the operators of its allowlist (AWS\u2019s validator schema); CreateWorkflow refuses a definition with any other.',
    fix: 'Use an allowlisted operator (most of apache-airflow-providers-amazon is), or deploy a code package that provides the operator (`serverless.code` in dagsmith.config.yaml).',
  },
  DS531: {
    severity: 'warning',
    title: 'operator outside the allowlist runs only from the code package',
    why: 'The environment deploys a code package, with which MWAA Serverless accepts operators outside its allowlist; dagsmith cannot check that the package provides this one.',
    fix: 'Make sure the code package provides the class; prefer an allowlisted operator where there is one.',
  },
  DS532: {
    severity: 'error',
    title: 'allowlisted operator does not exist in the amazon provider MWAA Serverless runs',
    why: 'AWS\u2019s allowlist names a class that apache-airflow-providers-amazon 9.30.0 does not have: the task would fail to load.',
    fix: 'Use another operator.',
  },
  DS533: {
    severity: 'error',
    title: 'argument is not a task key of the MWAA Serverless dialect',
    why: 'AWS\u2019s validator schema lists the keys a task may have and refuses any other, so the workflow would be refused at CreateWorkflow.',
    fix: 'Leave the argument out, or run the pipeline on an MWAA environment.',
  },
  DS534: {
    severity: 'error',
    title: 'operator takes no such argument on MWAA Serverless',
    why: 'The operator of apache-airflow-providers-amazon 9.30.0 (what MWAA Serverless runs) has no such keyword argument: the task would fail to load.',
    fix: 'Use the argument names of that provider version.',
  },
  DS535: {
    severity: 'error',
    title: 'value has no form in the workflow definition',
    why: 'A workflow definition holds YAML values, read by dag-factory: Python objects the Python target writes (calls, names), and values of another type than the dialect\u2019s key takes, cannot be written there.',
    fix: 'Use a plain value (string, number, boolean, list, mapping) of the type the dialect takes.',
  },
  DS536: {
    severity: 'error',
    title: 'mapping key that dag-factory runs as code',
    why: 'dag-factory turns a mapping with `__type__` into a call of the named Python callable (and folds `__and__`, `__or__`, `__join__`): data with such a key would run code on the worker instead of being passed on.',
    fix: 'Rename the key.',
  },
  DS537: {
    severity: 'error',
    title: 'schedule MWAA Serverless cannot run',
    why: 'A workflow is scheduled by a cron expression or not at all: fixed intervals, `@once` and asset (data-aware) schedules have no form in the dialect.',
    fix: 'Use a cron expression (presets such as @daily are written as their cron expression), or no schedule and start runs with `dagsmith sync --run` or StartWorkflowRun.',
  },
  DS538: {
    severity: 'error',
    title: 'timezone other than UTC on MWAA Serverless',
    why: 'The dialect has no timezone: dag-factory reads start_date in UTC and Airflow runs the cron expression in UTC, so the pipeline would run at other hours than it says.',
    fix: 'Write startDate and the schedule in UTC and set `timezone: UTC` (or leave it out).',
  },
  DS539: {
    severity: 'warning',
    title: 'scheduled runs on MWAA Serverless are dated when they run, not by the interval they cover',
    why: 'The dialect\u2019s cron schedule is a trigger timetable on Airflow 3: a run\u2019s logical date (`{{ ds }}`, `{{ data_interval_start }}`, ...) is the time it runs, one interval later than on the Python target, where dagsmith writes a data-interval timetable.',
    fix: 'Check the dates the templates compute (e.g. use `{{ macros.ds_add(ds, -1) }}` on a daily schedule), or silence the warning when the run time is what you mean.',
  },
  DS540: {
    severity: 'warning',
    title: 'setting has no effect on MWAA Serverless',
    why: 'The service ignores the setting (catchup, tags, dagrunTimeout, failure notifications) or has nothing it applies to (pools, asset outlets); it is not written into the workflow definition.',
    fix: 'Remove it from a pipeline that runs only on MWAA Serverless, or keep it for the MWAA target and ignore the warning.',
  },
  DS541: {
    severity: 'warning',
    title: 'task group written as plain tasks',
    why: 'The dialect has no task groups: the group\u2019s tasks are written with the ids Airflow gives them in the group (`group.step`), so task ids, dependencies and XCom references stay the same; only the grouping in the Airflow UI is lost.',
    fix: 'Nothing to do if the UI grouping does not matter; remove `group` to silence it.',
  },
  DS542: {
    severity: 'error',
    title: 'execution timeout beyond MWAA Serverless\u2019s 60-minute task limit',
    why: 'MWAA Serverless runs a task for at most 3600 seconds (its user guide); a longer execution timeout cannot take effect.',
    fix: 'Keep each task under an hour (hand long work to Glue, EMR or Step Functions and wait for it with a deferrable operator or sensor), or run the pipeline on an MWAA environment.',
  },
  DS543: {
    severity: 'error',
    title: 'more retries than MWAA Serverless allows',
    why: 'MWAA Serverless takes 0 to 3 retries per task (its user guide).',
    fix: 'Use at most 3 retries.',
  },
  DS544: {
    severity: 'error',
    title: 'retry delay beyond MWAA Serverless\u2019s 300 seconds',
    why: 'MWAA Serverless takes a retry delay of 0 to 300 seconds (its user guide).',
    fix: 'Use a retry delay of at most 5m.',
  },
  DS545: {
    severity: 'error',
    title: 'step\u2019s own retry delay or execution timeout has no form in the dialect',
    why: 'In the dialect a task\u2019s retry_delay is a string and its execution_timeout an integer, which Airflow refuses (it takes timedeltas); only default_args can carry them, as dag-factory timedelta objects.',
    fix: 'Set them in `defaults` for the whole pipeline, or leave the step\u2019s own value out.',
  },
  DS546: {
    severity: 'error',
    title: 'trigger rule the dialect does not take',
    why: 'AWS\u2019s validator schema allows only some trigger rules (all_success, all_failed, all_done, one_success, one_failed, none_failed, none_skipped and two older names).',
    fix: 'Use one of those trigger rules.',
  },
  DS547: {
    severity: 'error',
    title: 'teardown task on MWAA Serverless',
    why: 'The kind adds an Airflow teardown task, which the dialect cannot express: dag-factory has no setup and teardown tasks.',
    fix: 'Leave the teardown out (for flink.start, `stopAtEnd: false`).',
  },
  DS548: {
    severity: 'error',
    title: 'param that MWAA Serverless cannot hold',
    why: 'The dialect\u2019s params map names to strings: a param without a default, or with a default of another type, cannot be carried over.',
    fix: 'Give the param a string default.',
  },
  DS549: {
    severity: 'warning',
    title: 'param schema not checked on MWAA Serverless',
    why: 'Only the param\u2019s default is carried over; its JSON Schema keywords (enum, pattern, ...) are not, so a run can pass any string.',
    fix: 'Check the value where the task uses it, or accept that MWAA Serverless does not.',
  },
  DS550: {
    severity: 'error',
    title: 'name that dag-factory reads as something else',
    why: 'dag-factory reads the top-level keys `default` and `task_groups` of a definition as settings, not DAGs, and a mapping key such as `__type__` as a call of Python code: a pipeline, step or param of that name cannot be carried over.',
    fix: 'Rename the pipeline, step or param.',
  },
  DS551: {
    severity: 'warning',
    title: 'a failed DataBrew run does not fail its task on MWAA Serverless',
    why: 'The provider\u2019s DataBrew waiter takes FAILED, STOPPED and TIMEOUT as the end of a run, so GlueDataBrewStartJobOperator succeeds whatever the run did. On the MWAA targets dagsmith writes a subclass of it into the DAG file that fails the task unless the run ended SUCCEEDED; a workflow definition can only name the provider\u2019s class.',
    fix: 'Check what the job produced in a later step (a sensor or a query on its output), or run the pipeline on MWAA, where the task fails with the run.',
  },
} as const satisfies Record<string, CodeInfo>;

/** DS650-DS669, sync: deploying workflows to MWAA Serverless (`dagsmith sync --env E` for a Serverless environment). */
export const SERVERLESS_SYNC_CODES = {
  DS650: {
    severity: 'error',
    title: 'workflow name MWAA Serverless does not take',
    why: 'A workflow name starts with a letter or digit and holds letters, digits, `.`, `-` and `_`, at most 255 characters; the pipeline id (through `serverless.workflowName`) makes another.',
    fix: 'Rename the pipeline, or set `serverless.workflowName` (e.g. `ml-{id}`) in dagsmith.config.yaml.',
  },
  DS651: {
    severity: 'error',
    title: 'definition bucket has no versioning',
    why: 'A workflow names its definition by S3 object version, so that what runs is exactly what was uploaded; without versioning there is no version to name.',
    fix: 'Enable versioning on the bucket of `serverless.bucket`.',
  },
  DS652: {
    severity: 'warning',
    title: 'MWAA Serverless warned about the workflow',
    why: 'CreateWorkflow or UpdateWorkflow accepted the definition with a warning; the text is the service\u2019s.',
    fix: 'Read the warning; change the pipeline where it points if the warning matters.',
  },
  DS653: {
    severity: 'error',
    title: 'MWAA Serverless refused the workflow definition',
    why: 'CreateWorkflow or UpdateWorkflow answered ValidationException; each field it named is reported where the pipeline says it. Nothing was changed for this workflow.',
    fix: 'Change the pipeline where each error points, compile, and sync again.',
  },
  DS654: {
    severity: 'error',
    title: 'the workflow changed under the sync',
    why: 'MWAA Serverless answered ConflictException: another change to the workflow is in progress, or a workflow of that name appeared since the sync looked.',
    fix: 'Wait for the other change to finish and sync again.',
  },
  DS655: {
    severity: 'warning',
    title: 'KMS key of an existing workflow cannot change',
    why: 'A workflow\u2019s encryption is set when it is created; UpdateWorkflow has no encryption setting, so `serverless.kmsKey` does not apply to a workflow that exists.',
    fix: 'Delete and recreate the workflow to change its key, or set `serverless.kmsKey` to the key it has.',
  },
  DS656: {
    severity: 'error',
    title: 'workflow run failed',
    why: '`sync --run` started a run of the workflow and it ended in a state other than SUCCESS.',
    fix: 'Look at the failed tasks\u2019 logs (CloudWatch, the workflow\u2019s log group), fix, and run again.',
  },
  DS657: {
    severity: 'error',
    title: 'workflow run did not finish in time',
    why: '`sync --run` followed the run until `--run-timeout` and it was still going; the run was left running.',
    fix: 'Follow it in the console or with GetWorkflowRun, or raise `--run-timeout`.',
  },
} as const satisfies Record<string, CodeInfo>;
