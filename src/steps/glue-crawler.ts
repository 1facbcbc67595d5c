import { S } from '../base/json-schema';
import { dict, kwargs, list, lit, type PyExpr } from '../base/python-expr';
import { arnError } from '../base/values';
import { s3UriError } from '../base/s3-uri';
import { checkAwsName, deferrableArg } from './kind-helpers';
import { providerAtLeast, type AirflowTarget } from '../targets';
import { NEVER, onKill } from './on-kill';
import { defineStepKind, type AirflowClass } from './types';

/**
 * The amazon provider release that splits GlueCrawlerOperator into Create/Update/Run operators and deprecates it
 * (apache/airflow#69930); among MWAA's providers, 9.34.0 (Airflow 3.3.1) is the first.
 */
const CRAWLER_RUN_OPERATOR_SINCE = '9.34.0';
const hasRunOperator = (target: AirflowTarget): boolean => providerAtLeast(target, CRAWLER_RUN_OPERATOR_SINCE);

const CRAWLER_OPERATOR: AirflowClass = { module: 'airflow.providers.amazon.aws.operators.glue_crawler', name: 'GlueCrawlerOperator' };
const CRAWLER_RUN_OPERATOR: AirflowClass = { module: 'airflow.providers.amazon.aws.operators.glue_crawler', name: 'GlueCrawlerRunOperator' };

/** Only starts an existing crawler: nothing about its definition is in the step. */
const runOnly = (f: GlueCrawlerFields): boolean => f.role === null && f.database === null && f.s3Targets.length === 0;

/**
 * `glue.crawler` -> GlueCrawlerOperator. Its `config` is the CreateCrawler/UpdateCrawler request: with only a
 * name the operator starts the existing crawler; with more, it updates the crawler when the settings differ and
 * creates it when it does not exist, which Glue allows only with a role and targets.
 * From provider 9.34.0 on, a crawler that is only started compiles to GlueCrawlerRunOperator (which never touches
 * the crawler's definition); one that dagsmith creates or updates still needs the deprecated composite operator.
 */
export const glueCrawler = defineStepKind({
  kind: 'glue.crawler',
  description: 'Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator).',
  notes:
    'With only `crawler`, the existing crawler is started. With `role`, `database` or `s3Targets`, the crawler is created or updated from them, so `role` and `s3Targets` are then required. `waitForCompletion: false` also turns deferrable off (the 9.0.0 operator defers whenever `deferrable` is set).',
  airflowClass: {
    all: [CRAWLER_OPERATOR, CRAWLER_RUN_OPERATOR],
    choose: (f: GlueCrawlerFields, target: AirflowTarget) => (runOnly(f) && hasRunOperator(target) ? CRAWLER_RUN_OPERATOR : CRAWLER_OPERATOR),
  },
  required: ['crawler'],
  supportsDeferrable: true,
  onKill: onKill(
    'Nothing stops the crawl: no provider version has an on_kill for crawlers (StopCrawler is not called); it finishes on its own.',
    NEVER,
    NEVER,
  ),
  properties: {
    crawler: S.nonEmptyString('Name of the Glue crawler.'),
    role: S.nonEmptyString(
      'IAM role (name or ARN) the crawler runs as. With s3Targets, the crawler is created when it does not exist and updated when its settings differ.',
    ),
    database: S.nonEmptyString('Glue Data Catalog database the crawler writes its tables to.'),
    s3Targets: S.stringList('S3 URIs (s3://bucket/prefix/) the crawler crawls.', {
      minItems: 1,
      items: { type: 'string', tsType: 'S3Uri' },
    }),
    waitForCompletion: S.boolean('Wait for the crawl to finish.', { default: true }),
  },
  check(step, ctx) {
    checkAwsName('glueCrawler', step.crawler, ['crawler'], ctx);
    if (step.role?.startsWith('arn:')) {
      const err = arnError(step.role, 'iam-role');
      if (err) ctx.report('DS309', ['role'], err);
    }
    step.s3Targets?.forEach((uri, i) => {
      const err = s3UriError(uri);
      if (err) ctx.report('DS308', ['s3Targets', i], err);
    });
    const manages = step.role !== undefined || step.database !== undefined || step.s3Targets !== undefined;
    const missing = (['role', 's3Targets'] as const).filter((f) => step[f] === undefined);
    if (manages && missing.length > 0) {
      ctx.report(
        'DS356',
        [],
        `a glue.crawler that sets role, database or s3Targets is created when it does not exist, and Glue needs 'role' and 's3Targets' for that; add ${missing.map((m) => `'${m}'`).join(' and ')}`,
        { hint: "to only start an existing crawler, give just 'crawler'" },
      );
    }
    if (manages && hasRunOperator(ctx.target)) {
      ctx.report(
        'DS390',
        [],
        `GlueCrawlerOperator, the only operator that creates or updates a crawler and then runs it, is deprecated in apache-airflow-providers-amazon ${ctx.target.provider} (Airflow ${ctx.target.version}); the DAG still imports, with a deprecation warning`,
        {
          hint: "define the crawler outside the pipeline (CloudFormation, Terraform) and give just 'crawler': it then compiles to GlueCrawlerRunOperator",
        },
      );
    }
    if (step.deferrable === true && step.waitForCompletion === false) {
      ctx.report(
        'DS357',
        ['waitForCompletion'],
        'a deferrable crawler run always waits for the crawl to finish; set deferrable: false to start it and move on',
      );
    }
  },
  normalize(step): GlueCrawlerFields {
    return {
      crawler: step.crawler,
      role: step.role ?? null,
      database: step.database ?? null,
      s3Targets: step.s3Targets ?? [],
      waitForCompletion: step.waitForCompletion ?? true,
    };
  },
  emit(crawler, step, ctx) {
    // GlueCrawlerOperator defers whenever `deferrable` is set, ignoring wait_for_completion: when the step does not
    // wait, turn off a deferrable inherited from defaults so that it really moves on (GlueCrawlerRunOperator too).
    const noWait = !crawler.waitForCompletion && step.settings.deferrable;
    if (runOnly(crawler) && hasRunOperator(ctx.target)) {
      return kwargs({
        crawler_name: lit(crawler.crawler),
        wait_for_completion: lit(crawler.waitForCompletion),
        deferrable: noWait ? deferrableArg(step, false) : undefined,
      });
    }
    const config: [string, PyExpr][] = [['Name', lit(crawler.crawler)]];
    if (crawler.role !== null) config.push(['Role', lit(crawler.role)]);
    if (crawler.database !== null) config.push(['DatabaseName', lit(crawler.database)]);
    if (crawler.s3Targets.length > 0) {
      const targets = list(crawler.s3Targets.map((path) => dict([['Path', lit(path)]])));
      config.push(['Targets', dict([['S3Targets', targets]])]);
    }
    return kwargs({
      config: dict(config),
      wait_for_completion: lit(crawler.waitForCompletion),
      deferrable: noWait ? deferrableArg(step, false) : undefined,
    });
  },
});

export interface GlueCrawlerFields {
  readonly crawler: string;
  readonly role: string | null;
  readonly database: string | null;
  readonly s3Targets: readonly string[];
  readonly waitForCompletion: boolean;
}
