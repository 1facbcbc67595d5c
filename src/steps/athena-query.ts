import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { s3UriError } from '../base/s3-uri';
import type { AthenaQueryStep } from '../spec/types.generated';
import type { Resolved } from '../spec/scalars';
import { checkSqlSource, sqlSourceProperties, sqlStatements, type SqlSource } from './sql-source';
import { ATHENA, notATemplatePath } from './sql-text';
import { ALWAYS, NEVER, onKill } from './on-kill';
import { checkAwsName } from './kind-helpers';
import { defineStepKind } from './types';

const NAMES = { inline: 'query', file: 'queryFile' } as const;

/** `athena.query` -> AthenaOperator: run one query (StartQueryExecution) and wait for it. */
export const athenaQuery = defineStepKind({
  kind: 'athena.query',
  description: 'Run an Amazon Athena query (AthenaOperator).',
  notes:
    'One statement (inline or `queryFile`); `workgroup` (`primary`) and `catalog` (`AwsDataCatalog`) are always written. ' +
    "A `forEach` may fan out over the first column of the query's rows: a fixed task reads them through AthenaHook.",
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.athena', name: 'AthenaOperator' },
  required: ['database', 'outputLocation'],
  fileFields: ['queryFile'],
  supportsDeferrable: true,
  listOutput: {
    read: 'athena-rows',
    items: "the first column of the query's rows (read with the provider's AthenaHook after the query; a NULL value fails)",
  },
  onKill: onKill(
    "The operator's on_kill stops the query (StopQueryExecution) when the task is killed on a worker; a deferred query goes on (the trigger does not stop it).",
    ALWAYS,
    NEVER,
  ),
  properties: {
    ...sqlSourceProperties(NAMES, { allowList: false, what: 'query (one SQL statement)' }),
    database: S.nonEmptyString('Database the query runs in.'),
    outputLocation: S.string('S3 URI where Athena writes the query results, e.g. s3://bucket/athena-results/.', {
      tsType: 'S3Uri',
    }),
    workgroup: S.nonEmptyString('Athena workgroup.', { default: 'primary' }),
    catalog: S.nonEmptyString('Data catalog.', { default: 'AwsDataCatalog' }),
  },
  check(step, ctx) {
    const statements = checkSqlSource(source(step), NAMES, ATHENA, ctx);
    if (statements && statements.length > 1) {
      const field = step.queryFile !== undefined ? NAMES.file : NAMES.inline;
      ctx.report(
        'DS355',
        [field],
        `Athena runs one statement per query and this holds ${statements.length}; use one athena.query step per statement`,
      );
    }
    const err = s3UriError(step.outputLocation);
    if (err) ctx.report('DS308', ['outputLocation'], err);
    checkAwsName('athenaDatabase', step.database, ['database'], ctx);
    checkAwsName('athenaWorkgroup', step.workgroup, ['workgroup'], ctx);
    checkAwsName('athenaCatalog', step.catalog, ['catalog'], ctx);
  },
  normalize(step, ctx): AthenaQueryFields {
    return {
      query: sqlStatements(source(step), ATHENA, ctx)[0]!,
      database: step.database,
      outputLocation: step.outputLocation,
      workgroup: step.workgroup ?? 'primary',
      catalog: step.catalog ?? 'AwsDataCatalog',
    };
  },
  emit(f) {
    return kwargs({
      query: lit(notATemplatePath(f.query)),
      database: lit(f.database),
      output_location: lit(f.outputLocation),
      workgroup: lit(f.workgroup),
      catalog: lit(f.catalog),
    });
  },
});

function source(step: Resolved<AthenaQueryStep>): SqlSource {
  return { inline: step.query, file: step.queryFile };
}

export interface AthenaQueryFields {
  /** The statement, without a trailing `;`. */
  readonly query: string;
  readonly database: string;
  readonly outputLocation: string;
  readonly workgroup: string;
  readonly catalog: string;
}
