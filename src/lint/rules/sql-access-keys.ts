import { pipelineRule } from '../types';
import { topWords, verb } from '../sql';

/**
 * COPY and UNLOAD authenticate with IAM_ROLE; access keys are long-lived credentials someone must rotate and keep
 * out of logs (Redshift Database Developer Guide, "Authorization parameters": role-based access control is
 * recommended; IAM best practices: temporary credentials).
 */
export const sqlAccessKeys = pipelineRule({
  meta: {
    code: 'DS456',
    name: 'sql-access-keys',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 7,
    description: 'A COPY or UNLOAD authenticates with ACCESS_KEY_ID/SECRET_ACCESS_KEY or CREDENTIALS access keys instead of IAM_ROLE.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const step of ctx.pipeline.steps) {
      const sql = ctx.sql(step);
      if (!sql) continue;
      for (const st of sql.statements) {
        const v = verb(st);
        if (v !== 'COPY' && v !== 'UNLOAD') continue;
        const key = topWords(st, 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'CREDENTIALS').find((t) => {
          if (t.value !== 'CREDENTIALS') return true;
          const arg = st.tokens[st.tokens.indexOf(t) + 1];
          return !(arg?.type === 'string' && /^\s*aws_iam_role=/i.test(arg.value));
        });
        if (!key) continue;
        ctx.reportSql(
          sql,
          st,
          key.start,
          key.end,
          `step '${step.id}' runs a ${v} authenticated with access keys (${key.value}) instead of an IAM role`,
          {
            hint: "authenticate with IAM_ROLE 'arn:aws:iam::<account>:role/<role>' (chain roles for another account's bucket)",
          },
        );
      }
    }
  },
});
