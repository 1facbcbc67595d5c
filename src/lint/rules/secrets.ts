import { isTemplated, type SqlToken } from '../sql';
import { knownSecrets } from '../secrets/detect';
import { pipelineRule } from '../types';

/** SQL options whose string argument is a credential: `PASSWORD '...'` (CREATE/ALTER USER), COPY/UNLOAD keys. */
const SQL_SECRET_OPTIONS = new Set(['PASSWORD', 'CREDENTIALS', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY', 'SESSION_TOKEN', 'MASTER_SYMMETRIC_KEY']);

const HINT = 'keep secrets in AWS Secrets Manager and reference them ({{ conn... }}, {{ var.value... }}, secretArn, IAM_ROLE)';

export const noSecrets = pipelineRule({
  meta: {
    code: 'DS403',
    name: 'no-secrets',
    defaultSeverity: 'error',
    category: 'security',
    precision: 'high',
    securitySeverity: 9,
    description:
      'A pipeline or the SQL it runs spells out a secret of a known format (AWS keys, private keys, Slack, GitHub, GitLab, Google, Stripe tokens, JWTs, a password in a URL, PASSWORD or CREDENTIALS literals in SQL).',
  },
  defaultOptions: {},
  check(ctx) {
    const sqlLines = new Map<string, Set<number>>();
    for (const step of ctx.pipeline.steps) {
      const sql = ctx.sql(step);
      if (!sql) continue;
      for (const st of sql.statements) {
        st.tokens.forEach((t: SqlToken, i) => {
          if (t.type !== 'word' || !SQL_SECRET_OPTIONS.has(t.value)) return;
          let arg = st.tokens[i + 1];
          if (arg?.type === 'word' && arg.value === 'AS') arg = st.tokens[i + 2];
          if (arg?.type !== 'string' || isTemplated(arg.value) || arg.value === '') return;
          if (t.value === 'PASSWORD' && /^(disable|md5|sha256)/i.test(arg.value) && arg.value.length < 8) return;
          ctx.reportSql(sql, st, t.start, t.end, `step '${step.id}' runs SQL with a ${t.value} literal`, { hint: HINT });
          const lines = sqlLines.get(sql.file) ?? new Set<number>();
          lines.add(sql.locate(st, t.start, t.end).line);
          sqlLines.set(sql.file, lines);
        });
      }
    }
    for (const src of ctx.texts()) {
      for (const hit of knownSecrets(src.index.text)) {
        if (sqlLines.get(src.file)?.has(src.index.position(hit.start).line)) continue;
        ctx.reportText(src, hit.start, hit.end, `${hit.what} is written in ${src.kind === 'sql' ? 'this SQL file' : 'the pipeline'}`, { hint: HINT });
      }
    }
  },
});
