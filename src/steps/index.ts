import type { StepKind } from './types';
import { glueJob } from './glue-job';
import { glueCrawler } from './glue-crawler';
import { redshiftSql } from './redshift-sql';
import { redshiftCopy } from './redshift-copy';
import { s3Wait } from './s3-wait';
import { s3Copy } from './s3-copy';
import { s3Delete } from './s3-delete';
import { athenaQuery } from './athena-query';

/** The explicit registry of step kinds. Adding a kind: its file, one line here, a fixture and a doc line. */
export const STEP_KINDS: readonly StepKind[] = [
  glueJob,
  glueCrawler,
  redshiftSql,
  redshiftCopy,
  s3Wait,
  s3Copy,
  s3Delete,
  athenaQuery,
];

/** Kinds of spec v1 that this version does not compile yet: named so the error says so instead of "unknown". */
export const PLANNED_KINDS: readonly string[] = [
  'glue.databrew',
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

const byKind = new Map(STEP_KINDS.map((k) => [k.kind, k]));

export function stepKind(kind: string): StepKind | undefined {
  return byKind.get(kind);
}
