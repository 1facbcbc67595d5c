import { S } from '../schema/json-schema';
import { dict, kwargs, list, lit, type PyExpr } from '../emit/python/expr';
import { arnError, s3UriError } from '../validate/values';
import type { GlueCrawlerStep } from '../spec/types.generated';
import { deferrableArg } from './kind-helpers';
import type { StepKind } from './types';

/**
 * `glue.crawler` -> GlueCrawlerOperator. Its `config` is the CreateCrawler/UpdateCrawler request: with only a
 * name the operator starts the existing crawler; with more, it updates the crawler when the settings differ and
 * creates it when it does not exist, which Glue allows only with a role and targets.
 */
export const glueCrawler: StepKind<GlueCrawlerStep, GlueCrawlerFields> = {
  kind: 'glue.crawler',
  description: 'Run an AWS Glue crawler, creating or updating it when role and s3Targets are given (GlueCrawlerOperator).',
  required: ['crawler'],
  supportsDeferrable: true,
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
        'DS317',
        [],
        `a glue.crawler that sets role, database or s3Targets is created when it does not exist, and Glue needs 'role' and 's3Targets' for that; add ${missing.map((m) => `'${m}'`).join(' and ')}`,
        { hint: "to only start an existing crawler, give just 'crawler'" },
      );
    }
    if (step.deferrable === true && step.waitForCompletion === false) {
      ctx.report('DS317', ['waitForCompletion'], 'a deferrable crawler run always waits for the crawl to finish; set deferrable: false to start it and move on');
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
  emit(crawler, step) {
    const config: [string, PyExpr][] = [['Name', lit(crawler.crawler)]];
    if (crawler.role !== null) config.push(['Role', lit(crawler.role)]);
    if (crawler.database !== null) config.push(['DatabaseName', lit(crawler.database)]);
    if (crawler.s3Targets.length > 0) {
      const targets = list(crawler.s3Targets.map((path) => dict([['Path', lit(path)]])));
      config.push(['Targets', dict([['S3Targets', targets]])]);
    }
    // GlueCrawlerOperator defers whenever `deferrable` is set, ignoring wait_for_completion: when the step does not
    // wait, turn off a deferrable inherited from defaults so that it really moves on.
    const noWait = !crawler.waitForCompletion && step.settings.deferrable;
    return {
      module: 'airflow.providers.amazon.aws.operators.glue_crawler',
      name: 'GlueCrawlerOperator',
      kwargs: kwargs({
        config: dict(config),
        wait_for_completion: lit(crawler.waitForCompletion),
        deferrable: noWait ? deferrableArg(step, false) : undefined,
      }),
    };
  },
};

export interface GlueCrawlerFields {
  readonly crawler: string;
  readonly role: string | null;
  readonly database: string | null;
  readonly s3Targets: readonly string[];
  readonly waitForCompletion: boolean;
}
