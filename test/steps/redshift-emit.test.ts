import { expect } from 'chai';
import { kwargs, dict, list, lit, type PyKwarg } from '../../src/base/python-expr';
import { redshiftCancelOnKillArg, redshiftConnectionArgs, type RedshiftConnection } from '../../src/steps/redshift-common';
import { buildCopyStatements, redshiftCopy, type RedshiftCopyFields } from '../../src/steps/redshift-copy';
import { redshiftSql, type RedshiftSqlFields } from '../../src/steps/redshift-sql';
import { notATemplatePath } from '../../src/steps/sql-text';
import type { StepIR } from '../../src/ir/types';
import { resolveTarget, TARGET_VERSIONS } from '../../src/targets';

/** The connections to emit with: every field set or not. */
function connections(): RedshiftConnection[] {
  const out: RedshiftConnection[] = [];
  for (const cluster of [null, 'c1'])
    for (const workgroup of [null, 'wg'])
      for (const secretArn of [null, 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:s'])
        for (const dbUser of [null, 'admin'])
          for (const waitForCompletion of [true, false]) out.push({ database: 'db', cluster, workgroup, secretArn, dbUser, waitForCompletion });
  return out;
}

/** The emitters' arguments as one object literal with the connection spread into it (what they wrote before). */
function referenceSql(f: RedshiftSqlFields, target: ReturnType<typeof resolveTarget>): PyKwarg[] {
  const sql = f.statements.map(notATemplatePath);
  return kwargs({
    sql: sql.length === 1 ? lit(sql[0]) : lit(sql),
    ...redshiftConnectionArgs(f),
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
    cancel_on_kill: redshiftCancelOnKillArg(target),
  });
}

function referenceCopy(f: RedshiftCopyFields, target: ReturnType<typeof resolveTarget>): PyKwarg[] {
  return kwargs({
    sql: lit(buildCopyStatements(f).map(notATemplatePath)),
    ...redshiftConnectionArgs(f),
    wait_for_completion: lit(f.waitForCompletion),
    cancel_on_kill: redshiftCancelOnKillArg(target),
  });
}

describe('redshift emitters without an object spread', () => {
  const step = {} as StepIR;
  it('redshift.sql emits the arguments, in the order, of the spread literal', () => {
    for (const version of TARGET_VERSIONS) {
      const target = resolveTarget(version);
      const ctx = { target, taskIdOf: (id: string) => id };
      for (const c of connections()) {
        for (const statements of [['SELECT 1'], ['DELETE FROM t', "INSERT INTO t SELECT '{{ ds }}'"]]) {
          for (const parameters of [[], [{ name: 'a', value: '1' }]]) {
            const f: RedshiftSqlFields = { ...c, statements, parameters };
            expect(redshiftSql.emit(f, step, ctx)).to.deep.equal(referenceSql(f, target));
          }
        }
      }
    }
  });

  it('redshift.copy emits the arguments, in the order, of the spread literal', () => {
    for (const version of TARGET_VERSIONS) {
      const target = resolveTarget(version);
      const ctx = { target, taskIdOf: (id: string) => id };
      for (const c of connections()) {
        const f: RedshiftCopyFields = {
          ...c,
          schema: 's',
          table: 't',
          columns: [],
          from: 's3://b/k',
          iamRole: 'arn:aws:iam::123456789012:role/r',
          format: null,
          compression: null,
          options: [],
          method: 'append',
          upsertKeys: [],
          replaceWhere: null,
        };
        expect(redshiftCopy.emit(f, step, ctx)).to.deep.equal(referenceCopy(f, target));
      }
    }
  });
});
