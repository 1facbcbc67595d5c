import { S } from '../base/json-schema';
import { kwargs, lit } from '../base/python-expr';
import { arnError, SQL_IDENTIFIER } from '../base/values';
import { s3UriError } from '../base/s3-uri';
import {
  checkRedshiftConnection,
  normalizeRedshiftConnection,
  REDSHIFT_CONNECTION_PROPERTIES,
  REDSHIFT_DATA_OPERATOR,
  REDSHIFT_ON_KILL,
  redshiftCancelOnKillArg,
  redshiftConnectionArgs,
  type RedshiftConnection,
} from './redshift-common';
import { notATemplatePath, REDSHIFT, splitSqlStatements, sqlStringLiteral } from './sql-text';
import { defineStepKind } from './types';
import type { StepCheckContext } from './types';

const FORMATS = ['CSV', 'JSON', 'PARQUET', 'AVRO', 'ORC'] as const;
const COMPRESSIONS = ['GZIP', 'BZIP2', 'ZSTD', 'LZOP', 'NONE'] as const;
const METHODS = ['append', 'replace', 'upsert'] as const;
type CopyFormat = (typeof FORMATS)[number];
type Compression = Exclude<(typeof COMPRESSIONS)[number], 'NONE'>;

const FORMAT_CLAUSE: Readonly<Record<CopyFormat, string>> = {
  CSV: 'FORMAT AS CSV',
  JSON: "FORMAT AS JSON 'auto'",
  PARQUET: 'FORMAT AS PARQUET',
  AVRO: "FORMAT AS AVRO 'auto'",
  ORC: 'FORMAT AS ORC',
};

/**
 * `redshift.copy` -> RedshiftDataOperator running a COPY built here, authenticated by IAM_ROLE (never by access
 * keys, unlike S3ToRedshiftOperator). Its statements go as one batch, which the Data API runs as one transaction.
 */
export const redshiftCopy = defineStepKind({
  kind: 'redshift.copy',
  description: 'Load S3 data into a Redshift table with COPY, authenticated by an IAM role (RedshiftDataOperator).',
  notes:
    "The COPY is built at compile time and authenticates with `IAM_ROLE`, never access keys. `append` is one COPY; `replace` is `DELETE` + COPY, and with `replaceWhere` (e.g. `dt = '{{ ds }}'`) deletes only the rows of that condition, so one run reloads its own slice; `upsert` COPYs into a temp table `(LIKE target)`, deletes matching keys and inserts, all in one transaction. Without `format`, Redshift's default (pipe-delimited text) applies; JSON and AVRO use `'auto'`; compression with PARQUET or ORC is an error. Identifiers must be plain SQL identifiers.",
  airflowClass: REDSHIFT_DATA_OPERATOR,
  required: ['from', 'schema', 'table', 'iamRole', 'database'],
  supportsDeferrable: true,
  onKill: REDSHIFT_ON_KILL,
  properties: {
    from: S.string('S3 URI of the data: a prefix, an object, or a manifest (with options: [MANIFEST]).', { tsType: 'S3Uri' }),
    schema: S.nonEmptyString('Schema of the target table.'),
    table: S.nonEmptyString('Target table.'),
    columns: S.stringList('Target columns in the order of the fields in the data; default: all columns, in table order.', {
      minItems: 1,
      uniqueItems: true,
    }),
    iamRole: S.string('ARN of the IAM role Redshift assumes to read the data (COPY ... IAM_ROLE).', { tsType: 'IamRoleArn' }),
    format: S.enum("Data format; omitted: Redshift's default, pipe-delimited text. JSON and AVRO map fields by name ('auto').", FORMATS),
    compression: S.enum('Compression of the files; not allowed with PARQUET or ORC (Redshift reads their own compression).', COMPRESSIONS, {
      default: 'NONE',
    }),
    options: S.stringList("More COPY parameters, appended verbatim, e.g. 'IGNOREHEADER 1' or \"TIMEFORMAT 'auto'\"."),
    method: S.enum(
      'append: add the rows; replace: delete all rows first (or only those of replaceWhere); upsert: replace the rows whose upsertKeys match, add the rest. Always one transaction.',
      METHODS,
      { default: 'append' },
    ),
    replaceWhere: S.nonEmptyString(
      "For method 'replace': a SQL condition on the target table, e.g. \"dt = '{{ ds }}'\"; only the rows it matches are deleted before the COPY, in the same transaction. Jinja is rendered by Airflow.",
    ),
    upsertKeys: S.stringList("Columns that identify a row, for method 'upsert'.", { minItems: 1, uniqueItems: true }),
    ...REDSHIFT_CONNECTION_PROPERTIES,
  },
  check(step, ctx) {
    checkRedshiftConnection(step, ctx);
    const fromErr = s3UriError(step.from);
    if (fromErr) ctx.report('DS308', ['from'], fromErr);
    else if (step.from.includes('\\'))
      ctx.report('DS308', ['from'], `'${step.from}' contains a backslash, which a Redshift string literal would read as an escape`);
    const roleErr = arnError(step.iamRole, 'iam-role');
    if (roleErr) ctx.report('DS309', ['iamRole'], roleErr);
    identifier(step.schema, ['schema'], ctx);
    identifier(step.table, ['table'], ctx);
    step.columns?.forEach((c, i) => identifier(c, ['columns', i], ctx));
    step.upsertKeys?.forEach((k, i) => identifier(k, ['upsertKeys', i], ctx));
    checkReplaceWhere(step.replaceWhere, step.method, ctx);
    if ((step.format === 'PARQUET' || step.format === 'ORC') && step.compression && step.compression !== 'NONE') {
      ctx.report(
        'DS365',
        ['compression'],
        `COPY from ${step.format} takes no compression parameter (Redshift reads the files' own compression); remove 'compression'`,
      );
    }
    if (step.method === 'upsert' && step.upsertKeys === undefined) {
      ctx.report('DS366', ['method'], "method 'upsert' needs 'upsertKeys': the columns that identify a row");
    } else if (step.method !== 'upsert' && step.upsertKeys !== undefined) {
      ctx.report('DS367', ['upsertKeys'], "'upsertKeys' only applies to method: upsert");
    } else if (step.columns && step.upsertKeys) {
      const cols = new Set(step.columns.map((c) => c.toLowerCase()));
      step.upsertKeys.forEach((k, i) => {
        if (!cols.has(k.toLowerCase())) ctx.report('DS368', ['upsertKeys', i], `upsert key '${k}' is not among 'columns', so COPY would not load it`);
      });
    }
  },
  normalize(step): RedshiftCopyFields {
    return {
      schema: step.schema,
      table: step.table,
      columns: step.columns ?? [],
      from: step.from,
      iamRole: step.iamRole,
      format: step.format ?? null,
      compression: step.compression === undefined || step.compression === 'NONE' ? null : step.compression,
      options: step.options ?? [],
      method: step.method ?? 'append',
      upsertKeys: step.upsertKeys ?? [],
      replaceWhere: step.replaceWhere ?? null,
      ...normalizeRedshiftConnection(step),
    };
  },
  emit(f, _step, ctx) {
    // As redshift.sql's: the connection's arguments between the others without an object spread.
    const args = kwargs({ sql: lit(buildCopyStatements(f).map(notATemplatePath)) });
    args.push(...kwargs(redshiftConnectionArgs(f)));
    return args.concat(kwargs({ wait_for_completion: lit(f.waitForCompletion), cancel_on_kill: redshiftCancelOnKillArg(ctx.target) }));
  },
});

/** DS328: replaceWhere only with method replace; DS329: it must be one SQL condition, not more statements. */
function checkReplaceWhere(where: string | undefined, method: string | undefined, ctx: StepCheckContext): void {
  if (where === undefined) return;
  if (method !== 'replace') {
    ctx.report('DS328', ['replaceWhere'], `'replaceWhere' only applies to method: replace (this step's method is ${method ?? 'append'})`, {
      hint: 'set method: replace to delete the matching rows before the COPY, or remove replaceWhere',
    });
    return;
  }
  const statements = splitSqlStatements(where, REDSHIFT);
  if (statements.length !== 1 || statements[0] !== where.trim()) {
    ctx.report(
      'DS329',
      ['replaceWhere'],
      statements.length === 0
        ? "'replaceWhere' has no SQL condition (only comments or Jinja comments)"
        : "'replaceWhere' has a ';' outside quotes: it must be one SQL condition, which dagsmith writes after DELETE ... WHERE",
    );
  }
}

function identifier(name: string, path: (string | number)[], ctx: StepCheckContext): void {
  if (!SQL_IDENTIFIER.test(name)) {
    ctx.report(
      'DS319',
      path,
      `'${name}' is not an identifier dagsmith writes into SQL: use letters, digits, '_' and '$', starting with a letter or '_' (at most 127)`,
    );
  }
}

export interface CopyPlan {
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly from: string;
  readonly iamRole: string;
  readonly format: CopyFormat | null;
  readonly compression: Compression | null;
  readonly options: readonly string[];
  readonly method: (typeof METHODS)[number];
  readonly upsertKeys: readonly string[];
  /** For `replace`: the condition of the rows to delete, or null for all rows. */
  readonly replaceWhere?: string | null;
}

export interface RedshiftCopyFields extends CopyPlan, RedshiftConnection {}

const STAGE = 'dagsmith_stage';

/**
 * The statements of a `redshift.copy`, run as one transaction. `replace` deletes rather than truncates (TRUNCATE
 * commits at once); `upsert` is Redshift's staging-table merge: the stage is `LIKE` the target so it shares its
 * distribution key, and is a temporary table, which the batch's session sees until it ends.
 */
export function buildCopyStatements(c: CopyPlan): string[] {
  const target = `${c.schema}.${c.table}`;
  const cols = c.columns.length > 0 ? ` (${c.columns.join(', ')})` : '';
  const copyInto = (table: string) =>
    [
      `COPY ${table}${cols}`,
      `FROM ${sqlStringLiteral(c.from)}`,
      `IAM_ROLE ${sqlStringLiteral(c.iamRole)}`,
      ...(c.format ? [FORMAT_CLAUSE[c.format]] : []),
      ...(c.compression ? [c.compression] : []),
      ...c.options,
    ].join(' ');
  switch (c.method) {
    case 'append':
      return [copyInto(target)];
    case 'replace':
      return [c.replaceWhere ? `DELETE FROM ${target} WHERE ${c.replaceWhere.trim()}` : `DELETE FROM ${target}`, copyInto(target)];
    case 'upsert': {
      const stage = c.table.toLowerCase() === STAGE ? `${STAGE}_1` : STAGE;
      const match = c.upsertKeys.map((k) => `${c.table}.${k} = ${stage}.${k}`).join(' AND ');
      return [
        `CREATE TEMP TABLE ${stage} (LIKE ${target})`,
        copyInto(stage),
        `DELETE FROM ${target} USING ${stage} WHERE ${match}`,
        `INSERT INTO ${target}${cols} SELECT ${c.columns.length > 0 ? c.columns.join(', ') : '*'} FROM ${stage}`,
        `DROP TABLE ${stage}`,
      ];
    }
  }
}
