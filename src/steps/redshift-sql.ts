import { S } from '../base/json-schema';
import { dict, kwargs, list, lit } from '../base/python-expr';
import type { RedshiftSqlStep } from '../spec/types.generated';
import type { Resolved } from '../spec/scalars';
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
import { checkSqlSource, sqlSourceProperties, sqlStatements, type SqlSource } from './sql-source';
import { notATemplatePath, REDSHIFT } from './sql-text';
import { defineStepKind } from './types';

const NAMES = { inline: 'sql', file: 'sqlFile' } as const;
/** BatchExecuteStatement's limit. */
const MAX_STATEMENTS = 40;

/**
 * `redshift.sql` -> RedshiftDataOperator. The SQL is split into statements when dagsmith compiles: one statement
 * runs with ExecuteStatement (which takes parameters), several with BatchExecuteStatement, as one transaction.
 */
export const redshiftSql = defineStepKind({
  kind: 'redshift.sql',
  description: 'Run SQL on Amazon Redshift through the Redshift Data API (RedshiftDataOperator).',
  notes:
    'SQL (inline or `sqlFile`, inlined at compile time) is split into statements: one runs with ExecuteStatement (which takes `parameters`), several run as one BatchExecuteStatement transaction (at most 40). Statements Redshift refuses inside a transaction (`VACUUM`, ...) belong in a step of their own.',
  airflowClass: REDSHIFT_DATA_OPERATOR,
  required: ['database'],
  fileFields: ['sqlFile'],
  supportsDeferrable: true,
  onKill: REDSHIFT_ON_KILL,
  properties: {
    ...sqlSourceProperties(NAMES, { allowList: true, what: 'SQL to run' }),
    parameters: S.stringMap('Values of named parameters (:name) of a single-statement SQL, sent as Data API parameters.', {
      tsType: 'Record<string, string>',
      minProperties: 1,
      propertyNames: { pattern: '^[0-9A-Za-z_]+$' },
      additionalProperties: { type: 'string', minLength: 1 },
    }),
    ...REDSHIFT_CONNECTION_PROPERTIES,
  },
  check(step, ctx) {
    checkRedshiftConnection(step, ctx);
    const statements = checkSqlSource(source(step), NAMES, REDSHIFT, ctx);
    if (!statements) return;
    const field = step.sqlFile !== undefined ? NAMES.file : NAMES.inline;
    if (statements.length > MAX_STATEMENTS) {
      ctx.report('DS361', [field], `${statements.length} SQL statements; the Redshift Data API runs at most ${MAX_STATEMENTS} in one batch`, {
        hint: 'split them over several redshift.sql steps',
      });
    }
    if (statements.length > 1 && step.parameters !== undefined) {
      ctx.report(
        'DS362',
        ['parameters'],
        `'parameters' need a single SQL statement: the Data API takes none for a batch of ${statements.length} statements`,
      );
    }
  },
  normalize(step, ctx): RedshiftSqlFields {
    return {
      statements: sqlStatements(source(step), REDSHIFT, ctx),
      parameters: Object.entries(step.parameters ?? {}).map(([name, value]) => ({ name, value })),
      ...normalizeRedshiftConnection(step),
    };
  },
  emit(f, _step, ctx) {
    const sql = f.statements.map(notATemplatePath);
    // The connection's arguments between the others, each list made by kwargs: an object literal with a spread
    // inside defines each later key through the runtime (DS345 emits every step of every pipeline it checks).
    const args = kwargs({ sql: sql.length === 1 ? lit(sql[0]) : lit(sql) });
    args.push(...kwargs(redshiftConnectionArgs(f)));
    return args.concat(
      kwargs({
        parameters:
          f.parameters.length > 0
            ? list(
                f.parameters.map((p) =>
                  dict([
                    ['name', lit(p.name)],
                    ['value', lit(p.value)],
                  ]),
                ),
              )
            : undefined,
        wait_for_completion: lit(f.waitForCompletion),
        cancel_on_kill: redshiftCancelOnKillArg(ctx.target),
      }),
    );
  },
});

function source(step: Resolved<RedshiftSqlStep>): SqlSource {
  return { inline: step.sql, file: step.sqlFile };
}

export interface RedshiftSqlFields extends RedshiftConnection {
  /** One or more statements, without their `;`. */
  readonly statements: readonly string[];
  readonly parameters: readonly { readonly name: string; readonly value: string }[];
}
