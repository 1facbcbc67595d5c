/**
 * Secret detection. Known formats (DS403, error): gitleaks' vendored patterns, an AWS secret access key under
 * its key name, and a password in a URL. Heuristics (DS447, warning): a random-looking or literal value under a
 * secret-like name, `password=...` inside a string. Both know what is not a secret in a pipeline: Airflow Jinja
 * and `${variables}` (references resolved at run or deploy time), ARNs, Secrets Manager and SSM parameter names,
 * KMS aliases, and SQL, which is read as statements (src/lint/sql.ts) rather than as text.
 */
import { GITLEAKS_RULES } from './gitleaks-rules';
import type { VendoredSecretRule } from './types';
import { boundedMemo } from '../../util/bounded-memo';

export interface SecretHit {
  /** Offsets of the secret in the scanned text. */
  readonly start: number;
  readonly end: number;
  /** What it is, never the secret itself ("a Slack webhook URL (gitleaks: slack-webhook-url)"). */
  readonly what: string;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length);
  return h;
}

interface CompiledRule {
  readonly rule: VendoredSecretRule;
  readonly re: RegExp;
  readonly allow: readonly RegExp[];
  /** Text (case and all) that every match of `re` holds: without it in the text, the expression is not run. */
  readonly needs: string | undefined;
}

/**
 * Text some rules' expressions need, beyond their keyword. The JWT rule's keyword 'ey' is in every `key:` of a
 * pipeline, so its expression ran on nearly every text; a token has a second part starting `.ey` (the expression
 * says `\.ey`, without the `i` flag). test/lint/fast-paths.test.ts checks each entry against its rule.
 */
export const REQUIRED_TEXT: ReadonlyMap<string, string> = new Map([['jwt', '.ey']]);

let compiled: CompiledRule[] | undefined;

function rules(): CompiledRule[] {
  compiled ??= GITLEAKS_RULES.map((rule) => ({
    rule,
    re: new RegExp(rule.source, `${rule.flags}g`),
    allow: rule.allow.map((a) => new RegExp(a.source, a.flags)),
    needs: REQUIRED_TEXT.get(rule.id),
  }));
  return compiled;
}

let byKeyword: Map<string, number[]> | undefined;

/** The indexes (in `rules()`) of the rules with each keyword. */
function rulesWithKeyword(): Map<string, number[]> {
  if (!byKeyword) {
    const map = new Map<string, number[]>();
    rules().forEach((r, i) => {
      for (const k of r.rule.keywords) {
        const list = map.get(k) ?? [];
        list.push(i);
        map.set(k, list);
      }
    });
    byKeyword = map;
  }
  return byKeyword;
}

let withoutKeywords: number[] | undefined;

/** The indexes (in `rules()`) of the rules without keywords: they run on every text. Found once, not per text. */
function rulesWithoutKeywords(): number[] {
  withoutKeywords ??= rules().flatMap((r, i) => (r.rule.keywords.length === 0 ? [i] : []));
  return withoutKeywords;
}

/** Labels people know, for the rules the corpus of real mistakes names; others use gitleaks' id. */
const LABELS: ReadonlyMap<string, string> = new Map([
  ['aws-access-token', 'an AWS access key id'],
  ['private-key', 'a private key'],
  ['slack-webhook-url', 'a Slack webhook URL'],
  ['slack-bot-token', 'a Slack bot token'],
  ['slack-user-token', 'a Slack user token'],
  ['github-pat', 'a GitHub personal access token'],
  ['github-fine-grained-pat', 'a GitHub fine-grained token'],
  ['github-oauth', 'a GitHub OAuth token'],
  ['gitlab-pat', 'a GitLab personal access token'],
  ['gcp-api-key', 'a Google API key'],
  ['jwt', 'a JSON Web Token'],
  ['stripe-access-token', 'a Stripe key'],
]);

/** An AWS secret access key under its name (`aws_secret_access_key=`, `"secret_access_key": "`): 40 characters. */
const AWS_SECRET_KEY = /secret_?access_?key\W{1,6}([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi;
/** `scheme://user:password@host`. */
// Bounded parts: a hostile line of many `a://a:` without an '@' costs linear time, not quadratic.
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/:@'"{}<>]{1,256}:([^\s/@'"<>]{1,256})@[A-Za-z0-9[]/gi;

/** Known secret formats in a text, at most one per line (the first one found there). */
export function knownSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const lower = text.toLowerCase();
  // Which keywords the text holds, found in one pass over it (not one search of the whole text per keyword).
  const present = keywordsIn(lower);
  // The rules to run: those without keywords, and those with a keyword the text holds (found from the keywords).
  const all = rules();
  const run = new Uint8Array(all.length);
  const withKeyword = rulesWithKeyword();
  for (const i of rulesWithoutKeywords()) run[i] = 1;
  for (const k of present) for (const i of withKeyword.get(k) ?? []) run[i] = 1;
  for (let i = 0; i < all.length; i++) {
    if (run[i] === 0) continue;
    const { rule, re, allow, needs } = all[i]!;
    if (needs !== undefined && !text.includes(needs)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      const group = rule.secretGroup ?? (m.length > 1 && m[1] !== undefined ? 1 : 0);
      const secret = m[group] ?? m[0];
      if (rule.entropy !== undefined && entropy(secret) < rule.entropy) continue;
      if (allow.some((a) => a.test(secret))) continue;
      const start = m.index + Math.max(0, m[0].indexOf(secret));
      hits.push({ start, end: start + secret.length, what: `${LABELS.get(rule.id) ?? `a secret`} (gitleaks: ${rule.id})` });
    }
  }
  if (lower.includes('access')) {
    for (const m of text.matchAll(AWS_SECRET_KEY)) {
      const secret = m[1]!;
      if (entropy(secret) < 3.5 || /EXAMPLE/.test(secret)) continue;
      const start = m.index + m[0].length - secret.length;
      hits.push({ start, end: start + secret.length, what: 'an AWS secret access key' });
    }
  }
  // A password in a URL needs an '@' after a '://' (most texts with URLs have none: s3://bucket/key).
  const scheme = text.indexOf('://');
  if (scheme >= 0 && text.includes('@', scheme)) {
    for (const m of text.matchAll(URL_PASSWORD)) {
      const pw = m[1]!;
      if (isReference(pw) || /^\*+$/.test(pw) || pw.length < 3 || /^[$%]/.test(pw)) continue;
      const start = m.index + m[0].lastIndexOf(`:${pw}@`) + 1;
      hits.push({ start, end: start + pw.length, what: 'a password in a connection URL' });
    }
  }
  return onePerLine(text, hits);
}

/**
 * Every rule's keywords (lower case, as gitleaks gives them), by their first two characters when both are ASCII: a
 * pair's slot in `slot` (128 x 128) holds 1 + the index of its keywords in `lists`, 0 when no keyword starts with it.
 * A flat typed array indexed by the pair is the fast path of the scan below (most pairs of a text start no keyword);
 * each keyword's third character (-1 for a two-character one) is compared before the whole keyword is.
 */
let keywordIndex:
  | {
      readonly slot: Uint16Array;
      readonly lists: readonly (readonly { readonly k: string; readonly third: number }[])[];
      /** Keywords shorter than two characters or starting with a non-ASCII character: searched for one by one. */
      readonly other: readonly string[];
    }
  | undefined;

/** The keywords of the rules that `lower` (a lower-cased text) contains: `lower.includes(k)` for each, in one pass. */
export function keywordsIn(lower: string): Set<string> {
  if (!keywordIndex) {
    const slot = new Uint16Array(128 * 128);
    const lists: { k: string; third: number }[][] = [];
    const other: string[] = [];
    for (const k of new Set(rules().flatMap((r) => r.rule.keywords))) {
      const a = k.charCodeAt(0);
      const b = k.charCodeAt(1);
      if (k.length < 2 || a >= 128 || b >= 128) {
        other.push(k);
        continue;
      }
      const at = (a << 7) | b;
      if (slot[at] === 0) slot[at] = lists.push([]);
      lists[slot[at]! - 1]!.push({ k, third: k.length > 2 ? k.charCodeAt(2) : -1 });
    }
    keywordIndex = { slot, lists, other };
  }
  const found = new Set<string>();
  const { slot, lists, other } = keywordIndex;
  for (const k of other) if (lower.includes(k)) found.add(k);
  const n = lower.length - 1;
  let a = lower.charCodeAt(0);
  for (let i = 0; i < n; i++) {
    const b = lower.charCodeAt(i + 1);
    if (a < 128 && b < 128) {
      const s = slot[(a << 7) | b]!;
      if (s !== 0) {
        const c = lower.charCodeAt(i + 2);
        for (const { k, third } of lists[s - 1]!) {
          if ((third === -1 || third === c) && lower.startsWith(k, i) && !found.has(k)) found.add(k);
        }
      }
    }
    a = b;
  }
  return found;
}

/** The first hit of each line, in text order (two patterns often match one secret). */
export function onePerLine(text: string, hits: readonly SecretHit[]): SecretHit[] {
  const byLine = new Map<number, SecretHit>();
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    const line = lineOf(text, h.start);
    if (!byLine.has(line)) byLine.set(line, h);
  }
  return [...byLine.values()];
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A value looked up at run or deploy time (Jinja, `${var}`), not a literal. */
export function isReference(value: string): boolean {
  return value.includes('{{') || value.includes('{%') || value.includes('${');
}

/** Names of secrets, not secrets: ARNs, SSM parameter paths, Secrets Manager names (`prod/ml/db-creds`), KMS aliases. */
export function isSecretName(value: string): boolean {
  const v = value.trim();
  if (v.startsWith('arn:') || v.startsWith('alias/') || v.startsWith('/')) return true;
  // A path of readable segments: words joined by '-', '_' or '.', lower case or with a separator.
  if (/^[A-Za-z0-9_.+=@-]+(\/[A-Za-z0-9_.+=@-]+)+$/.test(v)) {
    return v.split('/').every((seg) => /[-_.]/.test(seg) || /^[a-z0-9]+$/.test(seg));
  }
  return false;
}

/** A name that says its value is a secret (normalized: leading dashes dropped). */
const SECRET_KEY = /(password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)/i;
/** A name that says its value only names or locates one (gitleaks' allowlist of `secret_name`, `key_id`, ...). */
const NAME_KEY =
  /[_.-](name|id|ids|arn|parameter|param|path|file|url|uri|alias|ref|env|var|length|type|field|column|endpoint|header|user|username|region)$/i;
const PASSWORD_KEY = /(password|passwd|pwd|passphrase)$/i;

export function normalizeKey(key: string): string {
  // Most keys are field names without a dash: no regular expression for them.
  return key.charCodeAt(0) === 0x2d ? key.replace(/^-+/, '') : key;
}

/** What a key says of its value: nothing (0), that it is a secret (1), that it is a password (2). */
const KEY_NAMES_NO_SECRET = 0;
const KEY_NAMES_SECRET = 1;
const KEY_NAMES_PASSWORD = 2;

/** `keyClass` as its three regular expressions say, for every key asked (the test compares the memo with it). */
export function keyClassPlain(key: string): number {
  const k = normalizeKey(key);
  if (!SECRET_KEY.test(k) || NAME_KEY.test(k)) return KEY_NAMES_NO_SECRET;
  return PASSWORD_KEY.test(k) ? KEY_NAMES_PASSWORD : KEY_NAMES_SECRET;
}

/**
 * `keyClassPlain`, remembered: possible-secret asks it of the key of nearly every string of every step, and the keys
 * are few (field names, argument flags), where three regular expressions per string were a good part of the rule.
 */
const keyClass = boundedMemo(4096, keyClassPlain);

/** Why a literal under `key` looks like a secret (DS447), or undefined. */
export function suspiciousValue(key: string, value: string): string | undefined {
  const cls = keyClass(key);
  if (cls === KEY_NAMES_NO_SECRET) return undefined;
  const v = value.trim();
  if (v === '' || isReference(v) || isSecretName(v) || /\s/.test(v)) return undefined;
  if (cls === KEY_NAMES_PASSWORD && v.length >= 4) return `a literal password under '${key}'`;
  if (v.length >= 16 && entropy(v) >= 3.5) return `a random-looking value under '${key}'`;
  return undefined;
}

/** `password=...` inside a string (a JDBC query string, a connection string): `=` only, never `:` or a comparison. */
const ASSIGNED = /(?:^|[?&;,\s])(password|passwd|pwd|secret|api_?key|token|secret_access_key)=([^\s&;,'")]+)/i;

export function assignedSecret(text: string): { start: number; what: string } | undefined {
  // Most strings have no '=' at all, and ASSIGNED needs one.
  if (!text.includes('=')) return undefined;
  const m = ASSIGNED.exec(text);
  if (!m) return undefined;
  const value = m[2]!;
  if (value.length < 4 || isReference(value) || value.startsWith(':') || value.startsWith('$')) return undefined;
  return { start: m.index + m[0].indexOf(value), what: `a ${m[1]!.toLowerCase()}= value` };
}
