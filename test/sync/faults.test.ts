/**
 * Faults at EVERY request position of a sync, injected by a proxy in front of moto: 503 SlowDown, 500
 * InternalError, a connection dropped before the request reaches S3 and one dropped after S3 handled it.
 *
 * The sync under test changes one file, adds one, keeps one and prunes one, beside an object it does not manage.
 * Each position and fault is tried twice: once for that request only (the SDK's standard retries must absorb it)
 * and once for that request and all its retries (the operation fails). After every faulted sync: the stored
 * manifest lists only objects that exist, and each one still carrying the ETag it records has the content it
 * records (one with another ETag was replaced by an upload whose manifest was never written: the next sync sees
 * the ETag differ and uploads it again); no object but the pruned one is gone; the unmanaged one is untouched.
 * The next sync converges to the expected state, and the one after it is a no-op.
 *
 * The SDK's standard retry strategy is used with a zero backoff (ConfiguredRetryStrategy) to keep this fast.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { syncDags, type DagSyncReport } from '../../src/sync/apply';
import { MANIFEST_FORMAT, parseManifest, serializeManifest, type ManifestEntry } from '../../src/sync/manifest';
import type { LocalFile, SyncDestination } from '../../src/sync/types';
import { startMoto, type MotoServer } from '../helpers/moto';
import { FAULTS, startS3Proxy, type Fault, type S3Proxy } from '../helpers/s3-proxy';
import { awsEnv, createVersionedBucket, directClient, getText, listAll, TEST_REGION } from '../helpers/s3';

const BUCKET = 'dagsmith-fault-test';
const file = (name: string, text: string): LocalFile => {
  const content = Buffer.from(text);
  return { name, content, sha256: createHash('sha256').update(content).digest('hex') };
};
const V1 = [file('a.py', '# a v1\n'), file('b.py', '# b v1\n'), file('c.py', '# c v1\n')];
/** a unchanged, b changed, c gone (pruned), d new. */
const V2 = [file('a.py', '# a v1\n'), file('b.py', '# b v2\n'), file('d.py', '# d v1\n')];
const UNMANAGED = 'hand_written.py';
/** S3's ETag of a single-part upload without SSE-KMS is the MD5 of the content: objects are checked without reading them. */
const etagOf = (content: Buffer | string) => `"${createHash('md5').update(content).digest('hex')}"`;
const etagBySha = new Map([...V1, ...V2].map((f) => [f.sha256, etagOf(f.content)]));

describe('sync under injected faults at every request position (moto over HTTP)', function () {
  this.timeout(300_000);
  let moto: MotoServer;
  let proxy: S3Proxy;
  let s3: S3Client;
  const savedEnv = new Map<string, string | undefined>();
  let trial = 0;

  before(async () => {
    moto = await startMoto();
    proxy = await startS3Proxy(moto.endpoint);
    s3 = directClient(moto.endpoint);
    await createVersionedBucket(s3, BUCKET);
    for (const [k, v] of Object.entries(awsEnv(proxy.endpoint))) {
      savedEnv.set(k, process.env[k]);
      process.env[k] = v;
    }
  });
  after(async () => {
    for (const [k, v] of savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    s3?.destroy();
    await proxy?.close();
    await moto?.stop();
  });

  const destination = (prefix: string): SyncDestination => ({ bucket: BUCKET, prefix, region: TEST_REGION, label: `s3://${BUCKET}/${prefix}` });
  const run = (prefix: string, files: readonly LocalFile[], extra: { forceUnlock?: boolean } = {}): Promise<DagSyncReport> =>
    syncDags({
      destination: destination(prefix),
      files,
      airflow: '2.10.3',
      prune: true,
      generator: 'dagsmith test',
      staleLockMs: 0,
      session: { retryStrategy: new ConfiguredRetryStrategy(3, 0) },
      ...extra,
    });

  /** A prefix where V1 is deployed (as a sync leaves it) beside an unmanaged object. Returns its objects' ETags. */
  async function arrange(): Promise<{ prefix: string; before: Map<string, string> }> {
    const prefix = `trial-${++trial}/dags/`;
    const put = async (name: string, body: Buffer | string, sha?: string) =>
      (await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: prefix + name, Body: body, ...(sha ? { Metadata: { 'dagsmith-sha256': sha } } : {}) }))).ETag!;
    await put(UNMANAGED, '# written by hand\n');
    const files: ManifestEntry[] = [];
    for (const f of V1) files.push({ name: f.name, sha256: f.sha256, size: f.content.length, etag: await put(f.name, f.content, f.sha256) });
    await put('.dagsmith/manifest.json', serializeManifest({ format: MANIFEST_FORMAT, airflow: '2.10.3', files, pruning: [] }, 'dagsmith test'));
    const before = new Map((await listAll(s3, BUCKET, prefix)).map((o) => [o.key, o.etag]));
    return { prefix, before };
  }

  /** What must hold after any sync, finished or not. */
  async function checkInvariants(prefix: string, before: Map<string, string>, context: string): Promise<void> {
    const objects = new Map((await listAll(s3, BUCKET, prefix)).map((o) => [o.key, o.etag]));
    expect(objects.get(prefix + UNMANAGED), `${context}: unmanaged object untouched`).to.equal(etagOf('# written by hand\n'));
    const gone = [...before.keys()].filter((k) => !objects.has(k));
    expect(gone.every((k) => k === `${prefix}c.py`), `${context}: only the pruned object may be gone, gone: ${gone.join(', ')}`).to.equal(true);
    const manifestKey = `${prefix}.dagsmith/manifest.json`;
    if (!objects.has(manifestKey)) return;
    const manifest = parseManifest(await getText(s3, BUCKET, manifestKey));
    for (const e of manifest.files) {
      const etag = objects.get(prefix + e.name);
      expect(etag, `${context}: the manifest lists ${e.name}, which must exist`).to.be.a('string');
      if (etag === e.etag) expect(etagBySha.get(e.sha256), `${context}: content of ${e.name}`).to.equal(etag);
    }
  }

  /** The state after V2 is deployed with --prune. */
  async function checkConverged(prefix: string, context: string): Promise<void> {
    const objects = await listAll(s3, BUCKET, prefix);
    expect(objects.map((o) => o.key), context).to.deep.equal([`${prefix}.dagsmith/manifest.json`, ...['a.py', 'b.py', 'd.py', UNMANAGED].map((n) => prefix + n)]);
    const manifest = parseManifest(await getText(s3, BUCKET, `${prefix}.dagsmith/manifest.json`));
    expect(manifest.files.map((e) => [e.name, e.sha256, e.etag]), context).to.deep.equal(V2.map((f) => [f.name, f.sha256, etagOf(f.content)]));
    expect(manifest.pruning, context).to.deep.equal([]);
    const etags = new Map(objects.map((o) => [o.key, o.etag]));
    for (const f of V2) expect(etags.get(prefix + f.name), `${context}: ${f.name}`).to.equal(etagOf(f.content));
  }

  let positions = 0;

  it('a sync without faults makes a known number of requests (the positions swept below)', async () => {
    const { prefix } = await arrange();
    proxy.reset();
    const report = await run(prefix, V2);
    positions = proxy.requests.length;
    // manifest + listing, lock, manifest re-read, 2 uploads, manifest, DeleteObjects, manifest, unlock
    expect(positions).to.equal(10);
    expect(report.requests).to.equal(positions);
    expect(report.uploaded).to.deep.equal(['b.py', 'd.py']);
    expect(report.deleted).to.deep.equal(['c.py']);
    await checkConverged(prefix, 'no fault');
  });

  for (const fault of FAULTS) {
    for (const mode of ['once', 'with every retry'] as const) {
      it(`${fault}, ${mode}, at each request position: consistent, then converges`, async () => {
        expect(positions).to.be.greaterThan(0);
        const outcomes: string[] = [];
        for (let p = 0; p < positions; p++) {
          const { prefix, before } = await arrange();
          let target: { method: string; url: string } | undefined;
          proxy.reset(({ index, method, url }): Fault | undefined => {
            if (index === p) {
              target = { method, url };
              return fault;
            }
            if (mode !== 'once' && target && method === target.method && url === target.url) return fault;
            return undefined;
          });
          const context = `${fault} ${mode} at position ${p}`;
          let failed: Error | undefined;
          await run(prefix, V2).catch((err: Error) => (failed = err));
          const faulted = proxy.requests.filter((r) => r.fault).map((r) => `${r.method} ${r.url.split('?')[0]}`);
          expect(faulted.length, `${context}: a fault was injected`).to.be.greaterThan(0);
          if (mode === 'once') expect(failed, `${context}: one fault is absorbed by the retries (${failed?.message})`).to.equal(undefined);
          else expect(failed, `${context}: the operation fails`).to.be.instanceOf(Error);
          outcomes.push(`${p}: ${faulted[0]} -> ${failed ? failed.message.split('.')[0] : 'ok'}`);
          await checkInvariants(prefix, before, context);
          if (!failed) {
            await checkConverged(prefix, context);
            continue;
          }

          proxy.reset();
          await run(prefix, V2, { forceUnlock: true });
          await checkConverged(prefix, `${context}, next sync`);
          proxy.reset();
          const noop = await run(prefix, V2);
          expect(noop.requests, `${context}: the sync after convergence is a no-op`).to.equal(2);
          expect(noop.uploaded).to.deep.equal([]);
        }
        if (process.env.DAGSMITH_FAULT_LOG) console.log(outcomes.join('\n'));
      });
    }
  }
});
