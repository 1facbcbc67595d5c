import { expect } from 'chai';
import type { JsonPath } from '../../src/diagnostics/types';
import { parseS3Uri } from '../../src/base/s3-uri';
import { bySettingSource, fieldsOf, settingSource, stepsOfKind } from '../../src/ir/queries';
import type { PipelineIR, SettingName, StepIR } from '../../src/ir/types';
import { mayConnect } from '../../src/lint/rules/connection-tls';
import { sharedS3Prefix } from '../../src/lint/rules/shared-s3-prefix';
import { isReference, isSecretName, entropy, normalizeKey, REQUIRED_TEXT, suspiciousValue } from '../../src/lint/secrets/detect';
import { GITLEAKS_RULES } from '../../src/lint/secrets/gitleaks-rules';
import type { ProjectRuleContext } from '../../src/lint/types';
import { makeRng as random } from '../load/yaml-generator';

// Fast paths of the lint rules (issue 17, item 7) against the code they replaced: the same answer on every input.

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** `suspiciousValue` as it was: three regular expressions per call, the key's dashes dropped by one. */
function suspiciousValuePlain(key: string, value: string): string | undefined {
  const SECRET_KEY = /(password|passwd|pwd|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)/i;
  const NAME_KEY =
    /[_.-](name|id|ids|arn|parameter|param|path|file|url|uri|alias|ref|env|var|length|type|field|column|endpoint|header|user|username|region)$/i;
  const PASSWORD_KEY = /(password|passwd|pwd|passphrase)$/i;
  const k = key.replace(/^-+/, '');
  if (!SECRET_KEY.test(k) || NAME_KEY.test(k)) return undefined;
  const v = value.trim();
  if (v === '' || isReference(v) || isSecretName(v) || /\s/.test(v)) return undefined;
  if (PASSWORD_KEY.test(k) && v.length >= 4) return `a literal password under '${key}'`;
  if (v.length >= 16 && entropy(v) >= 3.5) return `a random-looking value under '${key}'`;
  return undefined;
}

interface FakeWrite {
  readonly pipeline: PipelineIR;
  readonly path: JsonPath;
  readonly bucket: string;
  readonly prefix: string;
}

/** DS440 as it was: a path made for every write, and a binary search of the sorted writes for each one. */
function sharedS3PrefixPlain(pipelines: readonly PipelineIR[]): { pipeline: string; path: JsonPath; message: string }[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const writesOf = (p: PipelineIR): FakeWrite[] => {
    const out: FakeWrite[] = [];
    const folder = (key: string) => (key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1));
    for (const step of p.steps) {
      const copy = fieldsOf(step, 's3.copy');
      if (copy) out.push({ pipeline: p, path: [...step.origin.path, 'to'], bucket: copy.to.bucket, prefix: folder(copy.to.key) });
      step.produces.forEach((uri, i) => {
        const u = parseS3Uri(uri);
        if (u)
          out.push({
            pipeline: p,
            path: [...step.origin.path, 'produces', i],
            bucket: u.bucket,
            prefix: u.key === '' || u.key.endsWith('/') ? u.key : `${u.key}/`,
          });
      });
    }
    return out;
  };
  const stablePart = (prefix: string) => {
    const i = prefix.indexOf('{{');
    return i < 0 ? prefix : prefix.slice(0, prefix.lastIndexOf('/', i) + 1);
  };
  const out: { pipeline: string; path: JsonPath; message: string }[] = [];
  const writes = pipelines.flatMap(writesOf);
  const stable = writes.map((w) => stablePart(w.prefix));
  const byBucket = new Map<string, Map<string, number[]>>();
  writes.forEach((w, i) => {
    let byPrefix = byBucket.get(w.bucket);
    if (!byPrefix) byBucket.set(w.bucket, (byPrefix = new Map<string, number[]>()));
    const list = byPrefix.get(stable[i]!);
    if (list) list.push(i);
    else byPrefix.set(stable[i]!, [i]);
  });
  const bucketRank = new Map([...new Set(writes.map((w) => w.bucket))].sort(cmp).map((b, i) => [b, i]));
  const rank = writes.map((w) => bucketRank.get(w.bucket)!);
  const sorted = writes.map((_, i) => i).sort((x, y) => rank[x]! - rank[y]! || cmp(stable[x]!, stable[y]!) || x - y);
  const firstAt = (bucketRankOf: number, prefix: string): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const j = sorted[mid]!;
      if (rank[j]! < bucketRankOf || (rank[j] === bucketRankOf && cmp(stable[j]!, prefix) < 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const reported = new Set<string>();
  writes.forEach((a, ai) => {
    const pa = stable[ai]!;
    let best = -1;
    const consider = (bi: number) => {
      if (writes[bi]!.pipeline !== a.pipeline && (best < 0 || bi < best)) best = bi;
    };
    const byPrefix = byBucket.get(a.bucket)!;
    for (let cut = pa.indexOf('/'); ; cut = pa.indexOf('/', cut + 1)) {
      const prefix = cut < 0 ? '' : pa.slice(0, cut + 1);
      for (const bi of byPrefix.get(prefix) ?? []) consider(bi);
      if (cut < 0) break;
    }
    for (const bi of byPrefix.get(pa) ?? []) consider(bi);
    for (let k = firstAt(rank[ai]!, pa); k < sorted.length; k++) {
      const bi = sorted[k]!;
      if (writes[bi]!.bucket !== a.bucket || !stable[bi]!.startsWith(pa)) break;
      consider(bi);
    }
    if (best < 0) return;
    const b = writes[best]!;
    const pb = stable[best]!;
    const k = `${a.pipeline.source.file}\0${JSON.stringify(a.path)}`;
    if (reported.has(k)) return;
    reported.add(k);
    out.push({
      pipeline: a.pipeline.id,
      path: a.path,
      message: `pipeline '${b.pipeline.id}' (${b.pipeline.source.file}) also writes under s3://${b.bucket}/${pb.length <= pa.length ? pb : pa}`,
    });
  });
  return out;
}

/** Pipelines of s3.copy and glue.job steps writing into a few buckets and folders, some templated, some shared. */
function randomPipelines(rnd: () => number): PipelineIR[] {
  const buckets = ['a', 'b', 'lake'];
  const parts = ['x', 'y', 'x/y', '{{ ds }}', 'day={{ ds }}', 'z', ''];
  const key = () => {
    let k = '';
    for (let n = Math.floor(rnd() * 4); n > 0; n--) k += `${pick(rnd, parts)}/`;
    return rnd() < 0.5 ? `${k}file.csv` : k;
  };
  const pipelines: PipelineIR[] = [];
  for (let p = 0, count = 1 + Math.floor(rnd() * 6); p < count; p++) {
    const steps = [];
    for (let s = 0, n = Math.floor(rnd() * 5); s < n; s++) {
      const produces = Array.from({ length: Math.floor(rnd() * 3) }, () => (rnd() < 0.9 ? `s3://${pick(rnd, buckets)}/${key()}` : 'not-a-uri'));
      const origin = { path: ['steps', s] };
      steps.push(
        rnd() < 0.6
          ? { id: `s${s}`, kind: 's3.copy', fields: { to: { bucket: pick(rnd, buckets), key: key() } }, produces, origin }
          : { id: `s${s}`, kind: 'glue.job', fields: { job: 'j' }, produces, origin },
      );
    }
    pipelines.push({ id: `p${p}`, source: { file: `pipelines/p${p}.yaml` }, steps } as unknown as PipelineIR);
  }
  return pipelines;
}

/** `bySettingSource` as it was: each step's source asked, and its key written out, one by one. */
function bySettingSourcePlain(
  has: (p: PipelineIR, path: JsonPath) => boolean,
  pipeline: PipelineIR,
  steps: readonly StepIR[],
  name: SettingName,
): { path: JsonPath; steps: StepIR[]; at: 'key' | 'value' }[] {
  const groups = new Map<string, { path: JsonPath; steps: StepIR[]; at: 'key' | 'value' }>();
  for (const step of steps) {
    const src = settingSource(has, pipeline, step, name);
    const path = src ?? (has(pipeline, ['defaults']) ? ['defaults'] : ['id']);
    const at = src ? 'value' : 'key';
    const k = JSON.stringify(path);
    const g = groups.get(k) ?? { path, steps: [], at };
    g.steps.push(step);
    groups.set(k, g);
  }
  return [...groups.values()];
}

describe('lint rule fast paths', () => {
  it('bySettingSource groups steps as it did when it asked for each step', () => {
    const names: SettingName[] = ['retries', 'executionTimeout', 'deferrable'];
    const rnd = random(41);
    for (let i = 0; i < 500; i++) {
      const name = pick(rnd, names);
      const steps = Array.from({ length: Math.floor(rnd() * 6) }, (_, n) => ({
        id: `s${n}`,
        origin: { path: ['steps', n] },
        overrides: names.filter(() => rnd() < 0.3),
      })) as unknown as StepIR[];
      const pipeline = { id: 'p', steps } as unknown as PipelineIR;
      const written = new Set(['defaults', 'defaults.retries', 'defaults.deferrable'].filter(() => rnd() < 0.5));
      const has = (_p: PipelineIR, path: JsonPath) => written.has(path.join('.'));
      expect(bySettingSource(has, pipeline, steps, name)).to.deep.equal(bySettingSourcePlain(has, pipeline, steps, name));
    }
  });

  it("suspiciousValue's remembered key test says what its three regular expressions said", () => {
    const keys = ['password', 'db_password', '--db-password', '-token', '---', '', 'secret_name', 'api-key', 'API_KEY', 'auth', 'author', 'pwd', 'x'];
    const values = ['', 'hunter22', 'abc', '{{ var.value.x }}', 'arn:aws:x', 'a b', 'Zq8#kL2$mN9!pR4@wT', 'prod/db/creds', 'x'.repeat(20)];
    const rnd = random(5);
    const bits = ['pass', 'word', '-', '_', 'secret', 'token', 'name', 'api', 'key', 'auth', 'id', 'PWD', '.'];
    for (let i = 0; i < 400; i++) {
      let k = '';
      for (let n = Math.floor(rnd() * 5); n > 0; n--) k += pick(rnd, bits);
      keys.push(k);
    }
    // Twice: the second time every key is remembered.
    for (let round = 0; round < 2; round++)
      for (const k of keys) for (const v of values) expect(suspiciousValue(k, v), `${k} ${v}`).to.equal(suspiciousValuePlain(k, v));
    for (const k of keys) expect(normalizeKey(k)).to.equal(k.replace(/^-+/, ''));
  });

  it('mayConnect is /jdbc:|http:\\/\\//i', () => {
    const re = /jdbc:|http:\/\//i;
    const pieces = ['jdbc', 'JDBC', 'JdBc', 'http', 'HTTP', 'hTtP', ':', '//', '/', 'x', ' ', 'jdb', 'ttp', 'ſ', 'K', 'é', 'j', 'c'];
    const texts = ['', ':', 'jdbc:', 'http://', 'http:/', 'xhttp://y', 'JDBC:postgresql://h', 's3://b/k', 'http:', 'hTTp://'];
    const rnd = random(11);
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let n = Math.floor(rnd() * 8); n > 0; n--) s += pick(rnd, pieces);
      texts.push(s);
    }
    for (const t of texts) expect(mayConnect(t), JSON.stringify(t)).to.equal(re.test(t));
  });

  it("a rule's required text is in every match of its expression", () => {
    for (const [id, needs] of REQUIRED_TEXT) {
      const rule = GITLEAKS_RULES.find((r) => r.id === id)!;
      expect(rule, id).to.not.equal(undefined);
      expect(rule.flags).to.not.include('i');
      const re = new RegExp(rule.source, rule.flags);
      const rnd = random(23);
      const pieces = ['ey', 'eyJ', '.', '.ey', '.eY', 'A', 'b9', '_', '-', '=', ' ', '"', 'abcdefghij', 'KLMNOPQRST', '0123456789'];
      let matched = 0;
      for (let i = 0; i < 4000; i++) {
        let s = '';
        for (let n = Math.floor(rnd() * 30); n > 0; n--) s += pick(rnd, pieces);
        if (re.test(s)) {
          matched++;
          expect(s, JSON.stringify(s)).to.include(needs);
        }
      }
      expect(matched, id).to.be.greaterThan(0);
    }
  });

  it('stepsOfKind gives the steps of a kind in order, as pipelines take turns', () => {
    const rnd = random(3);
    const pipelines = Array.from({ length: 5 }, () => randomPipelines(rnd)).flat();
    for (let i = 0; i < 200; i++) {
      const p = pick(rnd, pipelines);
      const kind = pick(rnd, ['s3.copy', 'glue.job', 'athena.query'] as const);
      const got = stepsOfKind(p, kind);
      expect(got.map((s) => s.step)).to.deep.equal(p.steps.filter((s) => s.kind === kind));
      for (const s of got) expect(s.fields).to.equal(s.step.fields);
    }
  });

  it('shared-s3-prefix finds what it found with a binary search and a path for every write', () => {
    let reports = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const pipelines = randomPipelines(random(seed));
      const got: { pipeline: string; path: JsonPath; message: string }[] = [];
      const ctx = {
        options: {},
        report: (where: { pipeline: PipelineIR; path: JsonPath }, message: string) =>
          got.push({ pipeline: where.pipeline.id, path: where.path, message }),
      } as unknown as ProjectRuleContext<object>;
      sharedS3Prefix.check(pipelines, ctx);
      expect(got, `seed ${seed}`).to.deep.equal(sharedS3PrefixPlain(pipelines));
      reports += got.length;
    }
    expect(reports).to.be.greaterThan(100);
  });
});
