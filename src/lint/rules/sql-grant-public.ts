import { pipelineRule } from '../types';
import { verb } from '../sql';

/**
 * PUBLIC is every database user, present and future (Redshift Database Developer Guide, GRANT: "PUBLIC ... all
 * users, including users created later"); Data Analytics Lens, best practice 5.2, least privilege.
 */
export const sqlGrantPublic = pipelineRule({
  meta: {
    code: 'DS454',
    name: 'sql-grant-public',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 6,
    description: 'SQL a step runs grants privileges TO PUBLIC: every database user, including users created later, gets them.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const step of ctx.pipeline.steps) {
      const sql = ctx.sql(step);
      if (!sql) continue;
      for (const st of sql.statements) {
        if (verb(st) !== 'GRANT') continue;
        const to = st.tokens.findIndex((t) => t.depth === 0 && t.type === 'word' && t.value === 'TO');
        if (to < 0) continue;
        const publicToken = st.tokens.slice(to + 1).find((t) => t.type === 'word' && t.value === 'PUBLIC');
        if (!publicToken) continue;
        ctx.reportSql(
          sql,
          st,
          st.tokens[0]!.start,
          st.tokens[0]!.end,
          `step '${step.id}' grants to PUBLIC: every database user gets these privileges`,
          {
            hint: 'grant to the group or role that needs them: GRANT SELECT ON t TO GROUP readers',
          },
        );
      }
    }
  },
});
