import { S, type JsonSchema } from '../base/json-schema';
import { lit, optLit, type PyExpr } from '../base/python-expr';
import { arnError } from '../base/values';
import { checkAwsName, checkOneOf } from './kind-helpers';
import { ALWAYS, fromProvider, onKill } from './on-kill';
import type { StepCheckContext } from './types';
import type { AirflowTarget } from '../targets';

/** Where and as whom the Redshift Data API runs statements: shared by `redshift.sql` and `redshift.copy`. */
export const REDSHIFT_CONNECTION_PROPERTIES: Readonly<Record<string, JsonSchema>> = {
  database: S.nonEmptyString('Database to run the statements in.'),
  cluster: S.nonEmptyString("Identifier of the provisioned Redshift cluster; exactly one of 'cluster' and 'workgroup'."),
  workgroup: S.nonEmptyString("Redshift Serverless workgroup name; exactly one of 'cluster' and 'workgroup'."),
  secretArn: S.string(
    'ARN of the Secrets Manager secret holding the database credentials; default: temporary credentials from the IAM identity of the AWS connection.',
    { tsType: 'SecretArn' },
  ),
  dbUser: S.nonEmptyString('Database user to get temporary credentials for (provisioned clusters only; not with secretArn).'),
  waitForCompletion: S.boolean('Wait for the statements to finish (and fail the task when they fail).', { default: true }),
};

export interface RedshiftConnectionSpec {
  readonly database: string;
  readonly cluster?: string;
  readonly workgroup?: string;
  readonly secretArn?: string;
  readonly dbUser?: string;
  readonly waitForCompletion?: boolean;
}

export interface RedshiftConnection {
  readonly database: string;
  readonly cluster: string | null;
  readonly workgroup: string | null;
  readonly secretArn: string | null;
  readonly dbUser: string | null;
  readonly waitForCompletion: boolean;
}

/** The Data API's authorization combinations: secret, or temporary credentials (IAM identity, or dbUser on a cluster). */
export function checkRedshiftConnection(step: RedshiftConnectionSpec, ctx: StepCheckContext): void {
  checkOneOf('cluster', step.cluster !== undefined, 'workgroup', step.workgroup !== undefined, ctx, { required: true });
  checkAwsName('redshiftCluster', step.cluster, ['cluster'], ctx);
  checkAwsName('redshiftWorkgroup', step.workgroup, ['workgroup'], ctx);
  if (step.secretArn !== undefined) {
    const err = arnError(step.secretArn, 'secretsmanager');
    if (err) ctx.report('DS309', ['secretArn'], err);
  }
  if (step.dbUser !== undefined && step.secretArn !== undefined) {
    ctx.report('DS315', ['dbUser'], "'secretArn' and 'dbUser' exclude each other: the secret names the database user");
  } else if (step.dbUser !== undefined && step.workgroup !== undefined) {
    ctx.report(
      'DS358',
      ['dbUser'],
      "'dbUser' applies to provisioned clusters; Redshift Serverless derives the database user from the IAM identity (or use 'secretArn')",
    );
  }
}

export function normalizeRedshiftConnection(step: RedshiftConnectionSpec): RedshiftConnection {
  return {
    database: step.database,
    cluster: step.cluster ?? null,
    workgroup: step.workgroup ?? null,
    secretArn: step.secretArn ?? null,
    dbUser: step.dbUser ?? null,
    waitForCompletion: step.waitForCompletion ?? true,
  };
}

/** RedshiftDataOperator's connection arguments (region and AWS connection come from the DAG emitter). */
export function redshiftConnectionArgs(c: RedshiftConnection): Record<string, PyExpr | undefined> {
  return {
    database: lit(c.database),
    cluster_identifier: optLit(c.cluster ?? undefined),
    workgroup_name: optLit(c.workgroup ?? undefined),
    db_user: optLit(c.dbUser ?? undefined),
    secret_arn: optLit(c.secretArn ?? undefined),
  };
}

export const REDSHIFT_DATA_OPERATOR = {
  module: 'airflow.providers.amazon.aws.operators.redshift_data',
  name: 'RedshiftDataOperator',
} as const;

/** RedshiftDataOperator takes `cancel_on_kill` (default True; it also makes the trigger cancel) from amazon provider 9.34.0. */
const takesCancelOnKill = fromProvider('9.34.0');

/** What stops a Redshift Data API statement when its task is killed (shared by `redshift.sql` and `redshift.copy`). */
export const REDSHIFT_ON_KILL = onKill(
  "The operator's on_kill cancels the statement (CancelStatement) when the task is killed on a worker. From amazon provider 9.34.0 (Airflow 3.3.1) dagsmith passes `cancel_on_kill=True` and the trigger cancels a deferred statement too; before, a deferred statement goes on.",
  ALWAYS,
  takesCancelOnKill,
);

/** `cancel_on_kill=True` where the operator takes it (it is the operator's default there; written so a reviewer sees it). */
export function redshiftCancelOnKillArg(target: AirflowTarget): PyExpr | undefined {
  return takesCancelOnKill(target) ? lit(true) : undefined;
}
