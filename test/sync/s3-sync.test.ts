/**
 * `dagsmith sync --bucket` against a moto server over HTTP (versioned bucket), every request counted by a proxy in
 * front of it: first sync, no-op, fresh-clone no-op, one change, prune, unmanaged objects, SSE-KMS, dry run.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { cpSync, mkdirSync, readdirSync, rmSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { syncDags } from '../../src/sync/apply';
import { currentHolder, describeHolder, LockedError } from '../../src/sync/lock';
import { parseManifest } from '../../src/sync/manifest';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';
import { parseJsonAs } from '../helpers/json';
import { startMoto, type MotoServer } from '../helpers/moto';
import { startS3Proxy, type S3Proxy } from '../helpers/s3-proxy';
import { awsEnv, createVersionedBucket, directClient, getText, head, listAll, putText, sha256, TEST_REGION } from '../helpers/s3';

const ROOT = join(__dirname, '..', '..');
const BUCKET = 'dagsmith-sync-test';

/** The example project (pipelines, config and its committed dags-out/) in a temp folder: a fresh clone. */
function cloneExamples(): string {
  const dir = makeTemp('sync-examples');
  for (const entry of ['dagsmith.config.yaml', 'pipelines', 'dags-out']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  return dir;
}

const minimal = (id: string, job = 'run') => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: ${job}\n`;

function yamlProject(pipelines: Record<string, string>): string {
  const dir = makeTemp('sync-yaml');
  writeFileSync(join(dir, 'dagsmith.config.yaml'), 'airflow: "2.10.3"\n');
  mkdirSync(join(dir, 'pipelines'));
  for (const [id, text] of Object.entries(pipelines)) writeFileSync(join(dir, 'pipelines', `${id}.yaml`), text);
  return dir;
}

/** `dagsmith sync --json`: the parts this test reads. */
interface SyncJson {
  destination: { url: string; bucket: string; prefix: string };
  dryRun: boolean;
  plan: { upload: { name: string; reason: string }[]; keep: string[]; unmanaged: string[] };
  result: Record<string, unknown>;
}

describe('dagsmith sync --bucket against moto (S3 over HTTP) @moto', function () {
  this.timeout(120_000);
  let moto: MotoServer;
  let proxy: S3Proxy;
  let s3: S3Client;
  const dirs: string[] = [];
  let prefixCounter = 0;
  const nextPrefix = () => `team${++prefixCounter}/dags/`;

  before(async () => {
    moto = await startMoto();
    proxy = await startS3Proxy(moto.endpoint);
    s3 = directClient(moto.endpoint);
    await createVersionedBucket(s3, BUCKET);
  });
  after(async () => {
    s3?.destroy();
    await proxy?.close();
    await moto?.stop();
    for (const d of dirs) removeTemp(d);
  });

  async function sync(dir: string, prefix: string, ...args: string[]) {
    proxy.reset();
    const res = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`, ...args], dir, awsEnv(proxy.endpoint));
    return { ...res, requests: [...proxy.requests] };
  }
  /** "METHOD /bucket/key", listings as "LIST /bucket/prefix". */
  const ops = (reqs: readonly { method: string; url: string }[]) =>
    reqs.map((r) => {
      const url = new URL(r.url, 'http://x');
      return url.searchParams.get('list-type') === '2'
        ? `LIST ${url.pathname.replace(/\/$/, '')}/${url.searchParams.get('prefix')}`
        : `${r.method} ${decodeURIComponent(url.pathname)}`;
    });
  const manifestOf = async (prefix: string) => parseManifest(await getText(s3, BUCKET, `${prefix}.dagsmith/manifest.json`));

  it('first sync of the examples uploads each DAG once, then a re-sync and a fresh clone make no upload and two requests', async () => {
    const prefix = nextPrefix();
    const dir = cloneExamples();
    dirs.push(dir);
    const dags = readdirSync(join(dir, 'dags-out'))
      .filter((f) => f.endsWith('.py'))
      .sort();
    // Every example's DAG (the examples grow as kinds are added: counts follow them).
    const n = dags.length;
    expect(n).to.be.at.least(7);

    const first = await sync(dir, prefix);
    expect(first.code, first.err).to.equal(0);
    // 2 reads (manifest, listing), the lock, the manifest re-read under the lock, n uploads, the manifest, the unlock
    // (a read of the lock, to delete it only if it is still ours, and the delete).
    expect(first.requests.length).to.equal(n + 7);
    expect(first.out).to.match(
      new RegExp(`synced s3://${BUCKET}/${prefix}: ${n} uploaded, 0 unchanged, 0 deleted, \\d+ bytes, \\d+\\.\\ds, ${n + 7} requests\\n$`),
    );
    const objects = await listAll(s3, BUCKET, prefix);
    expect(objects.map((o) => o.key)).to.deep.equal([`${prefix}.dagsmith/manifest.json`, ...dags.map((d) => prefix + d)]);
    for (const name of dags) {
      const local = readFileSync(join(dir, 'dags-out', name));
      const h = await head(s3, BUCKET, prefix + name);
      expect(h.ContentType, name).to.equal('text/x-python');
      expect(h.Metadata?.['dagsmith-sha256'], name).to.equal(sha256(local));
      expect(await getText(s3, BUCKET, prefix + name)).to.equal(local.toString('utf8'));
    }
    const manifest = await manifestOf(prefix);
    expect(manifest.airflow).to.equal('2.10.3');
    expect(manifest.files.map((e) => [e.name, e.sha256])).to.deep.equal(dags.map((d) => [d, sha256(readFileSync(join(dir, 'dags-out', d)))]));
    expect(manifest.pruning).to.deep.equal([]);

    const again = await sync(dir, prefix);
    expect(again.code, again.err).to.equal(0);
    expect(ops(again.requests).sort()).to.deep.equal([`GET /${BUCKET}/${prefix}.dagsmith/manifest.json`, `LIST /${BUCKET}/${prefix}`]);
    expect(again.out).to.contain(`0 uploaded, ${n} unchanged, 0 deleted, 0 bytes`).and.contain('2 requests');

    // A fresh clone: every file has a new modification time, and nothing is uploaded.
    const clone = cloneExamples();
    dirs.push(clone);
    const later = new Date(Date.now() + 3600_000);
    for (const d of dags) utimesSync(join(clone, 'dags-out', d), later, later);
    const fresh = await sync(clone, prefix);
    expect(fresh.code, fresh.err).to.equal(0);
    expect(fresh.requests.length).to.equal(2);
    expect(fresh.out).to.contain(`0 uploaded, ${n} unchanged`);

    // One pipeline changed: one upload.
    const yaml = join(clone, 'pipelines', 'customer_features.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^description: .*$/m, 'description: Customer features, recomputed daily.'));
    expect((await runCli(['compile'], clone)).code).to.equal(0);
    const one = await sync(clone, prefix);
    expect(one.code, one.err).to.equal(0);
    expect(one.out).to.contain(`1 uploaded, ${n - 1} unchanged, 0 deleted`);
    // 2 reads, lock, manifest re-read, the upload, the manifest, the unlock (read, delete).
    expect(ops(one.requests.filter((r) => r.method !== 'GET'))).to.deep.equal([
      `PUT /${BUCKET}/${prefix}.dagsmith/lock.json`,
      `PUT /${BUCKET}/${prefix}customer_features.py`,
      `PUT /${BUCKET}/${prefix}.dagsmith/manifest.json`,
      `DELETE /${BUCKET}/${prefix}.dagsmith/lock.json`,
    ]);
    expect(one.requests.length).to.equal(8);
    const after = await manifestOf(prefix);
    expect(after.files.find((e) => e.name === 'customer_features.py')!.sha256).to.equal(
      sha256(readFileSync(join(clone, 'dags-out', 'customer_features.py'))),
    );
  });

  async function compiledYamlProject(pipelines: Record<string, string>): Promise<string> {
    const dir = yamlProject(pipelines);
    dirs.push(dir);
    const res = await runCli(['compile'], dir);
    expect(res.code, res.err).to.equal(0);
    return dir;
  }

  it('prunes only what an earlier sync deployed and is gone locally; unmanaged objects are reported and never touched', async () => {
    const prefix = nextPrefix();
    await putText(s3, BUCKET, `${prefix}hand_written.py`, '# a DAG someone wrote by hand\n');
    await putText(s3, BUCKET, `${prefix}sub/also_hand.py`, '# another\n');
    const dir = await compiledYamlProject({ a: minimal('a'), b: minimal('b'), c: minimal('c') });
    const first = await sync(dir, prefix);
    expect(first.code, first.err).to.equal(0);
    expect(first.out).to.contain('unmanaged  hand_written.py (not deployed by dagsmith; left alone)').and.contain('unmanaged  sub/also_hand.py');
    const handBefore = (await listAll(s3, BUCKET, prefix)).filter((o) => o.key.includes('hand'));

    rmSync(join(dir, 'pipelines', 'b.yaml'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const keep = await sync(dir, prefix);
    expect(keep.code, keep.err).to.equal(0);
    expect(keep.out).to.contain('keep       b.py (its pipeline is gone; --prune deletes it)');
    expect(keep.requests.map((r) => r.method)).to.deep.equal(['GET', 'GET']);
    expect((await listAll(s3, BUCKET, prefix)).map((o) => o.key)).to.include(`${prefix}b.py`);

    const prune = await sync(dir, prefix, '--prune');
    expect(prune.code, prune.err).to.equal(0);
    expect(prune.out).to.contain('delete     b.py (its pipeline is gone; --prune)').and.contain('0 uploaded, 2 unchanged, 1 deleted');
    const deletes = prune.requests.filter((r) => r.method === 'POST' || r.method === 'DELETE');
    expect(ops(deletes)).to.deep.equal([`POST /${BUCKET}/`, `DELETE /${BUCKET}/${prefix}.dagsmith/lock.json`]);
    const after = await listAll(s3, BUCKET, prefix);
    expect(after.map((o) => o.key)).to.deep.equal([
      `${prefix}.dagsmith/manifest.json`,
      `${prefix}a.py`,
      `${prefix}c.py`,
      `${prefix}hand_written.py`,
      `${prefix}sub/also_hand.py`,
    ]);
    expect(after.filter((o) => o.key.includes('hand'))).to.deep.equal(handBefore);
    const manifest = await manifestOf(prefix);
    expect(manifest.files.map((e) => e.name)).to.deep.equal(['a.py', 'c.py']);
    expect(manifest.pruning).to.deep.equal([]);

    // Every pipeline gone: --prune deletes what dagsmith deployed, still nothing else.
    for (const f of ['a', 'c']) rmSync(join(dir, 'pipelines', `${f}.yaml`));
    writeFileSync(join(dir, 'pipelines', 'd.yaml'), minimal('d'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const all = await sync(dir, prefix, '--prune');
    expect(all.code, all.err).to.equal(0);
    expect((await listAll(s3, BUCKET, prefix)).map((o) => o.key)).to.deep.equal([
      `${prefix}.dagsmith/manifest.json`,
      `${prefix}d.py`,
      `${prefix}hand_written.py`,
      `${prefix}sub/also_hand.py`,
    ]);
  });

  it('--prune deletes only objects whose own metadata proves dagsmith uploaded them: a forged manifest entry is not enough (finding 2)', async () => {
    const prefix = nextPrefix();
    const dir = await compiledYamlProject({ a: minimal('a'), b: minimal('b') });
    expect((await sync(dir, prefix)).code).to.equal(0);
    // Another team's DAG beside ours, and a manifest that someone with write access to it made list that DAG (with
    // the ETag the listing shows and a made-up hash), and list b.py with a hash that is not the one b.py carries.
    await putText(s3, BUCKET, `${prefix}team_b.py`, "# another team's DAG\n");
    const objects = await listAll(s3, BUCKET, prefix);
    const etag = (name: string) => objects.find((o) => o.key === prefix + name)!.etag;
    const real = await manifestOf(prefix);
    const forged = {
      format: 1,
      airflow: '2.10.3',
      files: [
        ...real.files.map((e) => (e.name === 'b.py' ? { ...e, sha256: 'c'.repeat(64) } : e)),
        { name: 'team_b.py', sha256: 'd'.repeat(64), size: 22, etag: etag('team_b.py') },
      ],
      pruning: [],
    };
    await putText(s3, BUCKET, `${prefix}.dagsmith/manifest.json`, JSON.stringify(forged));
    for (const f of ['a', 'b']) rmSync(join(dir, 'pipelines', `${f}.yaml`));
    writeFileSync(join(dir, 'pipelines', 'c.yaml'), minimal('c'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    // The plan says it before any write: only a.py is dagsmith's to delete.
    const dry = await sync(dir, prefix, '--prune', '--dry-run');
    expect(dry.code, dry.err).to.equal(0);
    expect(dry.out).to.contain('delete     a.py').and.not.contain('delete     team_b.py').and.not.contain('delete     b.py');
    const prune = await sync(dir, prefix, '--prune');
    expect(prune.code, prune.err).to.equal(0);
    expect(prune.out)
      .to.contain('delete     a.py (its pipeline is gone; --prune)')
      .and.contain("forget     team_b.py (its metadata does not show that dagsmith uploaded it: not dagsmith's, left alone)")
      .and.contain('forget     b.py (its metadata does not show that dagsmith uploaded it');
    expect(prune.out).to.contain('1 deleted');
    const after = (await listAll(s3, BUCKET, prefix)).map((o) => o.key);
    expect(after).to.include(`${prefix}team_b.py`).and.include(`${prefix}b.py`).and.not.include(`${prefix}a.py`);
    expect(await getText(s3, BUCKET, `${prefix}team_b.py`)).to.equal("# another team's DAG\n");
    expect((await manifestOf(prefix)).files.map((e) => e.name)).to.deep.equal(['c.py']);
  });

  it('sends SSE-KMS headers on every write when a key is given, and none otherwise (bucket default)', async () => {
    const dir = await compiledYamlProject({ a: minimal('a'), b: minimal('b') });
    const kms = nextPrefix();
    const withKey = await sync(dir, kms, '--kms-key', 'alias/dags');
    expect(withKey.code, withKey.err).to.equal(0);
    const puts = withKey.requests.filter((r) => r.method === 'PUT');
    expect(puts.length).to.equal(4);
    for (const p of puts) {
      expect(p.headers['x-amz-server-side-encryption'], p.url).to.equal('aws:kms');
      expect(p.headers['x-amz-server-side-encryption-aws-kms-key-id'], p.url).to.equal('alias/dags');
    }
    expect((await head(s3, BUCKET, `${kms}a.py`)).ServerSideEncryption).to.equal('aws:kms');

    const plain = await sync(dir, nextPrefix());
    expect(plain.code, plain.err).to.equal(0);
    for (const p of plain.requests) expect(p.headers['x-amz-server-side-encryption'], p.url).to.equal(undefined);
  });

  it('--dry-run prints the plan (human and --json) and makes no write call', async () => {
    const prefix = nextPrefix();
    await putText(s3, BUCKET, `${prefix}hand_written.py`, '# by hand\n');
    const dir = await compiledYamlProject({ a: minimal('a'), b: minimal('b') });
    expect((await sync(dir, prefix)).code).to.equal(0);
    writeFileSync(join(dir, 'pipelines', 'a.yaml'), minimal('a', 'other'));
    rmSync(join(dir, 'pipelines', 'b.yaml'));
    writeFileSync(join(dir, 'pipelines', 'c.yaml'), minimal('c'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    const before = await listAll(s3, BUCKET, prefix);

    const dry = await sync(dir, prefix, '--dry-run', '--prune');
    expect(dry.code, dry.err).to.equal(0);
    // The manifest, the listing, and a HEAD of the object to delete (its metadata proves it is dagsmith's).
    expect(dry.requests.map((r) => r.method).sort()).to.deep.equal(['GET', 'GET', 'HEAD']);
    expect(dry.out).to.contain(`plan for s3://${BUCKET}/${prefix}: 2 to upload, 0 unchanged, 1 to delete, 1 unmanaged`);
    expect(dry.out).to.contain('upload     a.py (changed,').and.contain('upload     c.py (new,').and.contain('delete     b.py');
    expect(dry.out).to.match(/dry run, nothing written s3:\/\/[^:]+: 2 to upload, 0 unchanged, 1 to delete, \d+ bytes, \d+\.\ds, 3 requests\n$/);

    const json = await sync(dir, prefix, '--dry-run', '--json');
    expect(json.code, json.err).to.equal(0);
    expect(json.requests.every((r) => r.method === 'GET' || r.method === 'HEAD')).to.equal(true);
    const doc = parseJsonAs<SyncJson>(json.out);
    expect(doc.destination).to.deep.equal({ url: `s3://${BUCKET}/${prefix}`, bucket: BUCKET, prefix });
    expect(doc.dryRun).to.equal(true);
    expect(doc.plan.upload.map((u) => [u.name, u.reason])).to.deep.equal([
      ['a.py', 'changed'],
      ['c.py', 'new'],
    ]);
    expect(doc.plan.keep).to.deep.equal(['b.py']);
    expect(doc.plan.unmanaged).to.deep.equal(['hand_written.py']);
    expect(doc.result).to.include({ requests: 2, bytes: 0 });
    expect(await listAll(s3, BUCKET, prefix)).to.deep.equal(before);

    const quiet = await sync(dir, prefix, '--quiet');
    expect(quiet.code, quiet.err).to.equal(0);
    expect(quiet.out.trim().split('\n')).to.have.length(1);
    expect(quiet.out).to.contain('2 uploaded, 0 unchanged, 0 deleted');
  });

  it('refuses to overwrite an object at one of its names that it did not deploy (DS602), and records its own unrecorded uploads', async () => {
    const prefix = nextPrefix();
    const dir = await compiledYamlProject({ a: minimal('a'), b: minimal('b') });
    await putText(s3, BUCKET, `${prefix}b.py`, "# somebody else's b\n");
    const refused = await sync(dir, prefix);
    expect(refused.code).to.equal(1);
    expect(refused.err).to.contain(`dags-out/b.py:1:1: error DS602: s3://${BUCKET}/${prefix}b.py exists and was not deployed by dagsmith`);
    expect(refused.requests.every((r) => r.method === 'GET' || r.method === 'HEAD')).to.equal(true);
    expect(await getText(s3, BUCKET, `${prefix}b.py`)).to.equal("# somebody else's b\n");

    // Objects dagsmith uploaded but no manifest lists (a sync that stopped before its manifest): recorded, not re-sent.
    const other = nextPrefix();
    expect((await sync(dir, other)).code).to.equal(0);
    const { DeleteObjectCommand } = await import('@aws-sdk/client-s3');
    await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: `${other}.dagsmith/manifest.json` }));
    const adopt = await sync(dir, other);
    expect(adopt.code, adopt.err).to.equal(0);
    expect(adopt.out).to.contain('record     a.py').and.contain('0 uploaded, 2 unchanged');
    expect(ops(adopt.requests.filter((r) => r.method === 'PUT'))).to.deep.equal([
      `PUT /${BUCKET}/${other}.dagsmith/lock.json`,
      `PUT /${BUCKET}/${other}.dagsmith/manifest.json`,
    ]);
    expect((await manifestOf(other)).files.map((e) => e.name)).to.deep.equal(['a.py', 'b.py']);
  });

  it('stops when another sync holds the prefix (DS603, exit 3), naming the holder and the lock id; the lock expires, or --force-unlock ID breaks it', async () => {
    const prefix = nextPrefix();
    const dir = await compiledYamlProject({ a: minimal('a') });
    const lockKey = `${prefix}.dagsmith/lock.json`;
    // A lock an older dagsmith wrote (one `owner` string, no lease): the default lease of 5 minutes applies.
    await putText(s3, BUCKET, lockKey, JSON.stringify({ id: 'x', owner: 'ci@runner-7 (pid 42)', started: '2026-11-30T09:00:00.000Z' }));
    const locked = await sync(dir, prefix);
    expect(locked.code).to.equal(3);
    expect(locked.err).to.contain(
      `error DS603: another sync is deploying to this prefix: locked by ci@runner-7 (pid 42) since 2026-11-30T09:00:00.000Z, lock id x (s3://${BUCKET}/${lockKey}). ` +
        'If that sync is gone, run again with --force-unlock x; a lock whose sync stops renewing it expires by itself 5 minutes after its last renewal.',
    );
    expect(locked.requests.filter((r) => r.method === 'PUT' && !r.url.includes('lock.json'))).to.deep.equal([]);
    const wrong = await sync(dir, prefix, '--force-unlock', 'y');
    expect(wrong.code).to.equal(3);
    expect(wrong.err).to.contain('--force-unlock y does not name the lock held now (lock id x, held by ci@runner-7 (pid 42)');
    const broke = await sync(dir, prefix, '--force-unlock', 'x');
    expect(broke.code, broke.err).to.equal(0);
    expect(broke.err).to.contain('broke the lock (id x) held by ci@runner-7 (pid 42) since 2026-11-30T09:00:00.000Z (--force-unlock)');
    expect(broke.out).to.contain('1 uploaded');
    expect((await listAll(s3, BUCKET, prefix)).map((o) => o.key)).to.deep.equal([`${prefix}.dagsmith/manifest.json`, `${prefix}a.py`]);

    // A lock of this format whose holder stopped renewing it: taken over once its lease is over (S3's clock).
    const holder = { format: 'dagsmith-lock/2', id: 'z', user: 'ci', host: 'runner-8', pid: 7, started: '2026-11-30T09:00:00.000Z', leaseSeconds: 2 };
    await putText(s3, BUCKET, lockKey, JSON.stringify(holder));
    writeFileSync(join(dir, 'pipelines', 'b.yaml'), minimal('b'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    expect((await sync(dir, prefix)).code, 'within its lease').to.equal(3);
    await new Promise((r) => setTimeout(r, 3100));
    const took = await sync(dir, prefix);
    expect(took.code, took.err).to.equal(0);
    expect(took.err).to.contain('took over an expired lock (id z) held by ci@runner-8 (pid 7) since 2026-11-30T09:00:00.000Z');
    expect((await listAll(s3, BUCKET, lockKey)).length).to.equal(0);
  });

  it('stops on a manifest it cannot read (DS601, exit 3) and writes nothing', async () => {
    const prefix = nextPrefix();
    const dir = await compiledYamlProject({ a: minimal('a') });
    await putText(
      s3,
      BUCKET,
      `${prefix}.dagsmith/manifest.json`,
      JSON.stringify({ format: 1, airflow: '2.10.3', files: [{ name: '../x.py', sha256: 'a'.repeat(64), size: 1, etag: '"e"' }], pruning: [] }),
    );
    const res = await sync(dir, prefix);
    expect(res.code).to.equal(3);
    expect(res.err).to.contain(`error DS601: the manifest s3://${BUCKET}/${prefix}.dagsmith/manifest.json cannot be used: it lists '../x.py'`);
    expect(res.requests.every((r) => r.method === 'GET')).to.equal(true);
  });

  it('exits 3 with the S3 error when the bucket does not exist, and prints no secret', async () => {
    const dir = await compiledYamlProject({ a: minimal('a') });
    const res = await runCli(['sync', '--bucket', 's3://no-such-bucket-dagsmith/dags'], dir, awsEnv(proxy.endpoint));
    expect(res.code).to.equal(3);
    expect(res.err).to.contain('NoSuchBucket');
    expect(res.out + res.err).to.not.contain('testing');
  });

  it('shows progress per file on a terminal, and none with --quiet', async () => {
    const dir = await compiledYamlProject({ a: minimal('a'), b: minimal('b') });
    const saved = new Map(Object.keys(awsEnv(proxy.endpoint)).map((k) => [k, process.env[k]]));
    Object.assign(process.env, awsEnv(proxy.endpoint));
    try {
      const run = async (prefix: string, ...args: string[]) => {
        const err: string[] = [];
        const out: string[] = [];
        const code = await main(
          ['sync', '--bucket', `s3://${BUCKET}/${prefix}`, ...args],
          { out: (t: string) => out.push(t), err: (t: string) => err.push(t), interactive: true },
          dir,
        );
        return { code, out, err };
      };
      const tty = await run(nextPrefix());
      expect(tty.code, tty.err.join('\n')).to.equal(0);
      expect(tty.err.filter((l) => l.startsWith('  uploaded ')).sort()).to.deep.equal([
        `  uploaded a.py (${tty.err.find((l) => l.includes('a.py'))!.match(/\((\d)\/2/)![1]}/2, ${readFileSync(join(dir, 'dags-out/a.py')).length} bytes)`,
        `  uploaded b.py (${tty.err.find((l) => l.includes('b.py'))!.match(/\((\d)\/2/)![1]}/2, ${readFileSync(join(dir, 'dags-out/b.py')).length} bytes)`,
      ]);
      const quiet = await run(nextPrefix(), '--quiet');
      expect(quiet.code).to.equal(0);
      expect(quiet.err).to.deep.equal([]);
      expect(quiet.out).to.have.length(1);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('says how to set a region when none is configured (exit 2)', async () => {
    const dir = await compiledYamlProject({ a: minimal('a') });
    const res = await runCli(['sync', '--bucket', `s3://${BUCKET}/${nextPrefix()}`], dir, {
      ...awsEnv(proxy.endpoint),
      AWS_REGION: '',
      AWS_DEFAULT_REGION: '',
    });
    expect(res.code, res.err).to.equal(2);
    expect(res.err).to.contain('error: no AWS region: set AWS_REGION, or a region in the AWS profile (AWS_PROFILE)');
  });

  it('of two syncs of one prefix at once, the second stops (DS603) naming the first, which finishes', async () => {
    const prefix = nextPrefix();
    const files = ['a', 'b'].map((n) => {
      const content = Buffer.from(`# ${n}\n`);
      return { name: `${n}.py`, content, sha256: sha256(content) };
    });
    const run = () =>
      syncDags({
        destination: { bucket: BUCKET, prefix, region: TEST_REGION, label: `s3://${BUCKET}/${prefix}` },
        files,
        airflow: '2.10.3',
        generator: 'dagsmith test',
      });
    const saved = new Map(Object.keys(awsEnv(proxy.endpoint)).map((k) => [k, process.env[k]]));
    Object.assign(process.env, awsEnv(proxy.endpoint));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let firstUploadHeld!: () => void;
    const held = new Promise<void>((r) => (firstUploadHeld = r));
    try {
      proxy.reset();
      // The first sync's upload of a.py waits until the second sync has given up.
      proxy.setGate(({ method, url }) => {
        if (method !== 'PUT' || !url.includes(`${prefix}a.py`)) return undefined;
        firstUploadHeld();
        return released;
      });
      const first = run();
      await held;
      const second = await run().then(
        () => undefined,
        (err: Error) => err,
      );
      release();
      const report = await first;
      expect(second).to.be.instanceOf(LockedError);
      expect((second as LockedError).code).to.equal('DS603');
      expect(second!.message).to.contain(`another sync is deploying to this prefix: locked by ${describeHolder(currentHolder())} since`);
      expect(report.uploaded).to.deep.equal(['a.py', 'b.py']);
      expect((await listAll(s3, BUCKET, prefix)).map((o) => o.key)).to.deep.equal([
        `${prefix}.dagsmith/manifest.json`,
        `${prefix}a.py`,
        `${prefix}b.py`,
      ]);
      // The second sync wrote nothing but its refused lock attempt.
      const writes = proxy.writes().map((r) => `${r.method} ${r.url.split('?')[0]}`);
      expect(writes.filter((w) => w === `PUT /${BUCKET}/${prefix}.dagsmith/lock.json`)).to.have.length(2);
      expect(writes.filter((w) => w.endsWith('a.py'))).to.have.length(1);
    } finally {
      proxy.setGate(undefined);
      release();
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
});
