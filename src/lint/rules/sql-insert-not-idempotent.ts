import { pipelineRule } from '../types';
import { qualifiedName, verb, type SqlStatement } from '../sql';

/** The table an INSERT INTO, DELETE FROM or TRUNCATE [TABLE] names. */
function tableOf(st: SqlStatement): string | undefined {
  const words = st.tokens;
  let i = 1;
  const v = verb(st);
  if (v === 'INSERT' || v === 'DELETE') {
    if (words[1]?.value !== (v === 'INSERT' ? 'INTO' : 'FROM')) return undefined;
    i = 2;
  } else if (v === 'TRUNCATE') {
    if (words[1]?.value === 'TABLE') i = 2;
  } else return undefined;
  return qualifiedName(st, i)?.name;
}

/**
 * A retried task runs its SQL again: an INSERT INTO that does not first remove what an earlier try wrote appends
 * the data twice (Airflow best practices:
 * "tasks should be idempotent").
 */
export const sqlInsertNotIdempotent = pipelineRule({
  meta: {
    code: 'DS457',
    name: 'sql-insert-not-idempotent',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      'A step with retries runs INSERT INTO without first deleting what it inserts (DELETE or TRUNCATE of the table in the same SQL): a retry inserts the rows twice.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const step of ctx.pipeline.steps) {
      if (step.settings.retries === 0) continue;
      const sql = ctx.sql(step);
      if (!sql) continue;
      const cleared = new Set<string>();
      for (const st of sql.statements) {
        const v = verb(st);
        const table = tableOf(st);
        if ((v === 'DELETE' || v === 'TRUNCATE') && table) cleared.add(table);
        if (v !== 'INSERT' || !table || cleared.has(table)) continue;
        // An anti-join inserts only what is not there yet.
        if (st.tokens.some((t, i) => t.value === 'NOT' && st.tokens[i + 1]?.value === 'EXISTS')) continue;
        const t = st.tokens[0]!;
        const athena = step.kind === 'athena.query';
        ctx.reportSql(
          sql,
          st,
          t.start,
          st.tokens[2]?.end ?? t.end,
          `step '${step.id}' inserts into ${table} with ${step.settings.retries} retries: a retry inserts the rows again`,
          {
            hint: athena
              ? 'write each run to its own partition location (CTAS or INSERT into a new partition after deleting its files), or MERGE into an Iceberg table'
              : `delete what this run inserts first, in the same SQL (DELETE FROM ${table} WHERE <run's partition>), or MERGE`,
          },
        );
      }
    }
  },
});
