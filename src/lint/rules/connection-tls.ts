import { specField, stringsIn } from '../../ir/queries';
import { pipelineRule } from '../types';

/** JDBC drivers and the URL settings that turn TLS on. */
const JDBC_TLS =
  /[?;&](ssl|sslmode|encrypt|usessl|requiressl|ssl_?mode|trustservercertificate)=(true|require|verify-ca|verify-full|required|verify_identity)\b/i;

export function plaintextConnection(text: string): string | undefined {
  const jdbc = /\bjdbc:([a-z0-9]+):[^\s'"]*/i.exec(text);
  if (jdbc && !JDBC_TLS.test(jdbc[0])) return `JDBC URL (${jdbc[1]}) without an SSL/TLS setting`;
  const http = /\bhttp:\/\/([^\s/'"]+)/i.exec(text);
  if (http && !/^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(http[1]!)) return `plain http:// URL (${http[1]})`;
  return undefined;
}

export const connectionTls = pipelineRule({
  meta: {
    code: 'DS407',
    name: 'connection-tls',
    defaultSeverity: 'warning',
    description: 'A step passes a JDBC URL without SSL/TLS settings or a plain http:// URL: data would travel unencrypted.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const step of ctx.pipeline.steps) {
      for (const s of stringsIn(step.fields)) {
        const why = plaintextConnection(s.text);
        if (why)
          ctx.reportStep(step, specField(ctx.has, ctx.pipeline, step, s.path), `step '${step.id}' passes a ${why}`, {
            hint: 'encrypt data in transit: ssl=true / sslmode=verify-full for JDBC, https:// for HTTP',
          });
      }
    }
  },
});
