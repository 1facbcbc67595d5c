import type { JsonPath } from '../../diagnostics/types';
import { specField } from '../../ir/queries';
import type { StepIR } from '../../ir/types';
import { eachString, type StringVisitor } from '../strings';
import { pipelineRule } from '../types';

/** Step fields that hold SQL: a URL inside SQL is a string value or pattern (`LIKE 'http://%'`), not a connection. */
const SQL_FIELDS = new Set(['statements', 'query']);
/** Keys whose value is an identifier URI, never fetched: JSON Schema's `$schema`/`$id`, XML namespaces. */
const IDENTIFIER_KEYS = /^(\$schema|\$id|\$ref|xmlns(:\w+)?|namespace|schema_?uri|@context|@type)$/i;
/** Hosts whose http:// URIs are identifiers (schemas, namespaces), not endpoints. */
const IDENTIFIER_HOSTS = /^(json-schema\.org|www\.w3\.org|schemas\.xmlsoap\.org|purl\.org|xmlns\.com|schema\.org|ns\.adobe\.com)$/i;

/**
 * What each JDBC driver does about TLS when the URL says nothing: Redshift's driver uses TLS by default (ssl=true),
 * Snowflake's always does, Oracle's thin driver does over tcps, SQL Server's (mssql-jdbc 10.2+) encrypts by default.
 * PostgreSQL (sslmode=prefer), MySQL and MariaDB (TLS only if the server offers it, unverified), Oracle over tcp and
 * DB2 do not insist: a URL of theirs needs its TLS setting spelled out.
 */
function jdbcWithoutTls(url: string): string | undefined {
  const m = /^jdbc:([a-z0-9]+)(:[a-z]+)?:/i.exec(url);
  if (!m) return undefined;
  const driver = m[1]!.toLowerCase();
  const has = (re: RegExp) => re.test(url);
  switch (driver) {
    case 'redshift':
      return has(/[?;&]ssl=false\b/i) ? 'a Redshift JDBC URL with ssl=false' : undefined;
    case 'snowflake':
      return undefined;
    case 'sqlserver':
      return has(/[;?&]encrypt=false\b/i) ? 'a SQL Server JDBC URL with encrypt=false' : undefined;
    case 'oracle':
      return has(/@(tcps:|\(DESCRIPTION=.*PROTOCOL=TCPS)/i) ? undefined : 'an Oracle JDBC URL over tcp (use tcps)';
    case 'postgresql':
    case 'postgres':
      return has(/[?&]sslmode=(require|verify-ca|verify-full)\b/i) || has(/[?&]ssl=true\b/i)
        ? undefined
        : 'a PostgreSQL JDBC URL without sslmode=verify-full (the driver only prefers TLS)';
    case 'mysql':
    case 'mariadb':
      return has(/[?&](sslMode|ssl-mode)=(REQUIRED|VERIFY_CA|VERIFY_IDENTITY)\b/i) ||
        (has(/[?&]useSSL=true\b/i) && has(/[?&]requireSSL=true\b/i)) ||
        has(/[?&](sslMode|sslmode)=(verify-full|verify-ca|trust)\b/i)
        ? undefined
        : `a ${driver === 'mysql' ? 'MySQL' : 'MariaDB'} JDBC URL without sslMode=VERIFY_IDENTITY (the driver does not insist on TLS)`;
    case 'db2':
      return has(/[:;]sslConnection=true\b/i) ? undefined : 'a DB2 JDBC URL without sslConnection=true';
    default:
      return undefined;
  }
}

/** Why a string (under `key`) is a plaintext connection, or undefined. */
export function plaintextConnection(text: string, key: string | null = null): string | undefined {
  for (const m of text.matchAll(/\bjdbc:[a-z0-9]+:[^\s'"]*/gi)) {
    const why = jdbcWithoutTls(m[0]);
    if (why) return why;
  }
  if (key !== null && IDENTIFIER_KEYS.test(key)) return undefined;
  for (const m of text.matchAll(/\bhttp:\/\/([^\s/'"?#]+)/gi)) {
    const host = m[1]!.replace(/:\d+$/, '').replace(/^[^@]*@/, '');
    // Only a real host is a connection: 'http://%' in a pattern, a Jinja host, localhost are not.
    if (!/^([a-z0-9-]+\.)+[a-z0-9-]+$/i.test(host) || /^(localhost|127\.0\.0\.1)$/i.test(host) || IDENTIFIER_HOSTS.test(host)) continue;
    return `plain http:// URL (${host})`;
  }
  return undefined;
}

export const connectionTls = pipelineRule({
  meta: {
    code: 'DS407',
    name: 'connection-tls',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 5,
    description:
      'A step passes a connection that may travel unencrypted: a plain http:// endpoint, or a JDBC URL whose driver does not insist on TLS by default and whose URL does not ask for it (judged by protocol and driver, never by strings inside SQL or identifier URIs).',
  },
  defaultOptions: {},
  check(ctx) {
    // The step walked now, read by one visitor made once: a closure per step (and a context for the step it
    // captured) is an allocation per step of every pipeline, for a rule that reports on very few.
    let step!: StepIR;
    // The strings of all the step's fields, in field order, walked without a path made for each.
    const visit: StringVisitor = (text, key, path) => {
      if (SQL_FIELDS.has(path[0] as string)) return;
      // Cheap test first: without `jdbc:` or `http://` no string is a plaintext connection (most are neither).
      if (!mayConnect(text)) return;
      const why = plaintextConnection(text, keyWithinField(key, path));
      if (why)
        ctx.reportStep(
          step,
          specField(ctx.has, ctx.pipeline, step, [...path]),
          `step '${step.id}' passes ${why.startsWith('plain') ? 'a ' : ''}${why}`,
          {
            hint: 'encrypt data in transit: sslmode=verify-full / sslMode=VERIFY_IDENTITY for JDBC, tcps for Oracle, https:// for HTTP',
          },
        );
    };
    for (const s of ctx.pipeline.steps) {
      step = s;
      eachString(step.fields, visit);
    }
  },
});

/**
 * What both patterns of `plaintextConnection` need somewhere in a string: `jdbc:` or `http://`, in any case (the
 * expression /jdbc:|http:\/\//i). Found from the string's colons by character code: asked of every string of every
 * step, the expression cost more than the rest of the rule.
 */
export function mayConnect(text: string): boolean {
  for (let p = text.indexOf(':', 4); p >= 0; p = text.indexOf(':', p + 1)) {
    // `| 0x20` lower-cases an ASCII letter (and maps no other character onto one).
    const a = text.charCodeAt(p - 4) | 0x20;
    const b = text.charCodeAt(p - 3) | 0x20;
    const c = text.charCodeAt(p - 2) | 0x20;
    const d = text.charCodeAt(p - 1) | 0x20;
    if (a === 0x6a && b === 0x64 && c === 0x62 && d === 0x63) return true; // jdbc:
    if (a === 0x68 && b === 0x74 && c === 0x74 && d === 0x70 && text.charCodeAt(p + 1) === 0x2f && text.charCodeAt(p + 2) === 0x2f) return true; // http://
  }
  return false;
}

/**
 * The key a string is given inside its field's value: the property it is under, below the field itself (a string
 * that is the field's value, or an item of a list that is, has none). `key` and `path` are from
 * `eachString(step.fields)`, whose keys count the field's name too.
 */
function keyWithinField(key: string | null, path: JsonPath): string | null {
  for (let i = path.length - 1; i >= 1; i--) if (typeof path[i] === 'string') return key;
  return null;
}
