import { specField, stringsIn } from '../../ir/queries';
import { pipelineRule } from '../types';

const ACCESS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
/** `password=...`, `secret: ...`, `aws_secret_access_key=...` in arguments, SQL and connection strings. */
const ASSIGNED = /\b(password|passwd|pwd|secret|secret_access_key|aws_secret_access_key|secret_key|api_?key|token)\s*[=:]\s*(['"]?)([^\s'"&;,)]+)\2/i;
/** SQL: `PASSWORD 'x'` (CREATE/ALTER USER), `SECRET_ACCESS_KEY 'x'` (COPY credentials). */
const SQL_SECRET = /\b(password|secret_access_key|session_token|master_symmetric_key)\s+'([^']+)'/i;
/** `scheme://user:password@host`. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;
const SECRET_KEY_NAME = /(password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)/i;

/** A value that is looked up at run time (Airflow Jinja, a Secrets Manager or SSM reference) is not a secret. */
function isReference(value: string): boolean {
  return /^\{\{.*\}\}$/s.test(value.trim()) || value.startsWith('arn:') || value.startsWith('{{') || value.startsWith('$');
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

/** Why `text` (under `key`) holds a secret, or undefined. The secret itself is never repeated. */
export function secretIn(text: string, key: string | null): string | undefined {
  const ak = ACCESS_KEY.exec(text);
  if (ak) return `an AWS access key id (${ak[1]}…)`;
  // An ARN names a secret (Secrets Manager, SSM); it is not one.
  if (text.startsWith('arn:')) return undefined;
  const sql = SQL_SECRET.exec(text);
  if (sql && !isReference(sql[2]!)) return `a ${sql[1]!.toUpperCase()} literal`;
  const url = URL_CREDENTIALS.exec(text);
  if (url && !isReference(url[1]!)) return 'a password in a connection URL';
  const assigned = ASSIGNED.exec(text);
  if (assigned && !isReference(assigned[3]!) && assigned[3]!.length >= 4) return `a ${assigned[1]!.toLowerCase()}= value`;
  if (key !== null && SECRET_KEY_NAME.test(key) && !isReference(text) && text.length >= 16 && !/\s/.test(text) && entropy(text) >= 3.5) {
    return `a random-looking value under '${key}'`;
  }
  return undefined;
}

export const noSecrets = pipelineRule({
  meta: {
    code: 'DS403',
    name: 'no-secrets',
    defaultSeverity: 'error',
    description: 'A pipeline spells out a secret (AWS access key, password, token): it would be committed and compiled into the DAG file.',
  },
  defaultOptions: {},
  check(ctx) {
    const hint = 'keep secrets in AWS Secrets Manager and reference them ({{ conn... }}, {{ var.value... }}, secretArn)';
    for (const p of ctx.pipeline.params) {
      for (const s of stringsIn(p.default)) {
        const why = secretIn(s.text, s.key ?? p.name);
        if (why) ctx.report([...p.origin.path, 'default', ...s.path], `param '${p.name}' holds ${why}`, { hint });
      }
    }
    for (const step of ctx.pipeline.steps) {
      const reported = new Set<string>();
      for (const s of stringsIn(step.fields)) {
        const why = secretIn(s.text, s.key);
        if (!why) continue;
        const path = specField(ctx.has, ctx.pipeline, step, s.path);
        const k = JSON.stringify(path);
        if (reported.has(k)) continue;
        reported.add(k);
        ctx.reportStep(step, path, `step '${step.id}' holds ${why}`, { hint });
      }
    }
  },
});
