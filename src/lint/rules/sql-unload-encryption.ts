import { pipelineRule } from '../types';
import { topWords, verb } from '../sql';

/**
 * Without KMS_KEY_ID (or MASTER_SYMMETRIC_KEY) UNLOAD writes its files with SSE-S3 (Redshift Database Developer
 * Guide, UNLOAD: "ENCRYPTED ... KMS_KEY_ID"; "Unloading encrypted data files"); Data Analytics Lens, best practice
 * 3.6 "Implement encryption policies".
 */
export const sqlUnloadEncryption = pipelineRule({
  meta: {
    code: 'DS455',
    name: 'sql-unload-encryption',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 5,
    description: 'An UNLOAD has no KMS_KEY_ID (with ENCRYPTED): the files it writes to S3 are encrypted with SSE-S3 at best, not a KMS key.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const step of ctx.pipeline.steps) {
      const sql = ctx.sql(step);
      if (!sql) continue;
      for (const st of sql.statements) {
        if (verb(st) !== 'UNLOAD') continue;
        if (topWords(st, 'KMS_KEY_ID', 'MASTER_SYMMETRIC_KEY').length > 0) continue;
        const t = st.tokens[0]!;
        ctx.reportSql(sql, st, t.start, t.end, `step '${step.id}' unloads without KMS_KEY_ID: the files are not encrypted with a KMS key`, {
          hint: "add KMS_KEY_ID '<key arn>' ENCRYPTED to the UNLOAD",
        });
      }
    }
  },
});
