/**
 * Faults at EVERY request position of a sync, injected by a proxy in front of moto: 503 SlowDown, 500
 * InternalError, a connection dropped before the request reaches S3 and one dropped after S3 handled it.
 *
 * Two syncs are swept. 'update': over a finished earlier sync it changes one file, adds one, keeps one and prunes
 * one, beside an object it does not manage. 'interrupted first sync': over objects an earlier sync uploaded without
 * ever writing its manifest, it probes them (HEAD), records one, replaces one and leaves the third (which no
 * manifest lists) alone.
 * Each position and fault is tried twice: once for that request only (the SDK's standard retries must absorb it)
 * and once for that request and all its retries (the operation fails). After every faulted sync: the stored
 * manifest lists only objects that exist, and each one still carrying the ETag it records has the content it
 * records (one with another ETag was replaced by an upload whose manifest was never written: the next sync sees
 * the ETag differ and uploads it again); no object but the pruned one is gone; the unmanaged one is untouched.
 * The next sync converges to the expected state, and the one after it is a no-op.
 *
 * The SDK's standard retry strategy is used with a zero backoff (ConfiguredRetryStrategy), each trial has its own
 * bucket, and the trials of one sweep run at once, to keep this fast.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { syncDags, type DagSyncReport } from '../../src/sync/apply';
import { MANIFEST_FORMAT, parseManifest, serializeManifest, type ManifestEntry } from '../../src/sync/manifest';
import type { LocalFile } from '../../src/sync/types';
import { startMoto, type MotoServer } from '../helpers/moto';
import { FAULTS, startS3Proxy, type Fault, type S3Proxy } from '../helpers/s3-proxy';
import { awsEnv, createVersionedBucket, directClient, getText, listAll, TEST_REGION } from '../helpers/s3';

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

describe('sync under injected faults at every request position (moto over HTTP) @moto', function () {
  this.timeout(300_000);
  let moto: MotoServer;
  let proxy: S3Proxy;
  let s3: S3Client;
  const savedEnv = new Map<string, string | undefined>();
  let trial = 0;
  /** The fault policy of each trial, by its bucket: positions count per bucket, so trials can run at once. */
  const policies = new Map<string, (req: { method: string; url: string }) => Fault | undefined>();
  const bucketOf = (url: string) => decodeURIComponent(new URL(url, 'http://x').pathname.split('/')[1] ?? '');

  before(async () => {
    moto = await startMoto();
    proxy = await startS3Proxy(moto.endpoint);
    proxy.reset((req) => policies.get(bucketOf(req.url))?.(req));
    s3 = directClient(moto.endpoint);
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

  const PREFIX = 'dags/';
  const run = (bucket: string, files: readonly LocalFile[], extra: { forceUnlock?: string } = {}): Promise<DagSyncReport> =>
    syncDags({
      destination: { bucket, prefix: PREFIX, region: TEST_REGION, label: `s3://${bucket}/${PREFIX}` },
      files,
      airflow: '2.10.3',
      prune: true,
      generator: 'dagsmith test',
      session: { retryStrategy: new ConfiguredRetryStrategy(3, 0) },
      ...extra,
    });

  interface Scenario {
    readonly name: string;
    /** Whether the earlier sync wrote its manifest. */
    readonly manifest: boolean;
    /** Objects the sync must leave exactly as they are. */
    readonly untouched: readonly string[];
    /** Objects the sync may delete. */
    readonly mayDelete: readonly string[];
    /** Every object under the prefix once V2 is deployed. */
    readonly final: readonly string[];
    /** Requests of the sync without faults: the positions swept. */
    readonly requests: number;
  }
  const SCENARIOS: readonly Scenario[] = [
    // manifest + listing, HEAD c (its metadata proves it is ours to prune), lock, manifest re-read, 2 uploads, manifest,
    // DeleteObjects, manifest, unlock (read the lock: still ours; delete it)
    { name: 'update', manifest: true, untouched: [UNMANAGED], mayDelete: ['c.py'], final: ['a.py', 'b.py', 'd.py', UNMANAGED], requests: 12 },
    // manifest (404) + listing, HEAD a + HEAD b, lock, manifest re-read (404), 2 uploads, manifest, unlock (read, delete)
    {
      name: 'interrupted first sync',
      manifest: false,
      untouched: [UNMANAGED, 'c.py'],
      mayDelete: [],
      final: ['a.py', 'b.py', 'c.py', 'd.py', UNMANAGED],
      requests: 11,
    },
  ];

  /** A bucket of its own where V1 was deployed (with or without its manifest) beside an unmanaged object. */
  async function arrange(scenario: Scenario): Promise<{ bucket: string; before: Map<string, string> }> {
    const bucket = `fault-trial-${++trial}`;
    await createVersionedBucket(s3, bucket);
    const put = async (name: string, body: Buffer | string, sha?: string) =>
      (
        await s3.send(
          new PutObjectCommand({ Bucket: bucket, Key: PREFIX + name, Body: body, ...(sha ? { Metadata: { 'dagsmith-sha256': sha } } : {}) }),
        )
      ).ETag!;
    await put(UNMANAGED, '# written by hand\n');
    const files: ManifestEntry[] = [];
    for (const f of V1) files.push({ name: f.name, sha256: f.sha256, size: f.content.length, etag: await put(f.name, f.content, f.sha256) });
    if (scenario.manifest)
      await put('.dagsmith/manifest.json', serializeManifest({ format: MANIFEST_FORMAT, airflow: '2.10.3', files, pruning: [] }, 'dagsmith test'));
    const before = new Map((await listAll(s3, bucket, PREFIX)).map((o) => [o.key, o.etag]));
    return { bucket, before };
  }

  /** What must hold after any sync, finished or not. */
  async function checkInvariants(scenario: Scenario, bucket: string, before: Map<string, string>, context: string): Promise<void> {
    const objects = new Map((await listAll(s3, bucket, PREFIX)).map((o) => [o.key, o.etag]));
    for (const name of scenario.untouched) expect(objects.get(PREFIX + name), `${context}: ${name} untouched`).to.equal(before.get(PREFIX + name));
    const gone = [...before.keys()].filter((k) => !objects.has(k));
    expect(
      gone.every((k) => scenario.mayDelete.includes(k.slice(PREFIX.length))),
      `${context}: nothing else deleted, gone: ${gone.join(', ')}`,
    ).to.equal(true);
    const manifestKey = `${PREFIX}.dagsmith/manifest.json`;
    if (!objects.has(manifestKey)) return;
    const manifest = parseManifest(await getText(s3, bucket, manifestKey));
    for (const e of manifest.files) {
      const etag = objects.get(PREFIX + e.name);
      expect(etag, `${context}: the manifest lists ${e.name}, which must exist`).to.be.a('string');
      if (etag === e.etag) expect(etagBySha.get(e.sha256), `${context}: content of ${e.name}`).to.equal(etag);
    }
  }

  /** The state after V2 is deployed with --prune. */
  async function checkConverged(scenario: Scenario, bucket: string, context: string): Promise<void> {
    const objects = await listAll(s3, bucket, PREFIX);
    expect(
      objects.map((o) => o.key),
      context,
    ).to.deep.equal([`${PREFIX}.dagsmith/manifest.json`, ...scenario.final.map((n) => PREFIX + n)]);
    const manifest = parseManifest(await getText(s3, bucket, `${PREFIX}.dagsmith/manifest.json`));
    expect(
      manifest.files.map((e) => [e.name, e.sha256, e.etag]),
      context,
    ).to.deep.equal(V2.map((f) => [f.name, f.sha256, etagOf(f.content)]));
    expect(manifest.pruning, context).to.deep.equal([]);
    const etags = new Map(objects.map((o) => [o.key, o.etag]));
    for (const f of V2) expect(etags.get(PREFIX + f.name), `${context}: ${f.name}`).to.equal(etagOf(f.content));
  }

  const requestsOf = (bucket: string) => proxy.requests.filter((r) => bucketOf(r.url) === bucket);

  /** One trial: V2 synced with `fault` at request position `p`; returns a line for the log. */
  async function trial1(scenario: Scenario, fault: Fault, mode: 'once' | 'with every retry', p: number): Promise<string> {
    const { bucket, before } = await arrange(scenario);
    let index = 0;
    let target: { method: string; url: string } | undefined;
    policies.set(bucket, ({ method, url }) => {
      if (index++ === p) {
        target = { method, url };
        return fault;
      }
      return mode !== 'once' && target && method === target.method && url === target.url ? fault : undefined;
    });
    const context = `${scenario.name}: ${fault} ${mode} at position ${p}`;
    let failed: Error | undefined;
    await run(bucket, V2).catch((err: Error) => (failed = err));
    policies.delete(bucket);
    const faulted = requestsOf(bucket)
      .filter((r) => r.fault)
      .map((r) => `${r.method} ${decodeURIComponent(r.url.split('?')[0]!)}${r.url.includes('?delete') ? '?delete' : ''}`);
    expect(faulted.length, `${context}: a fault was injected`).to.be.greaterThan(0);
    if (mode === 'once') expect(failed, `${context}: one fault is absorbed by the retries (${failed?.message})`).to.equal(undefined);
    else expect(failed, `${context}: the operation fails`).to.be.instanceOf(Error);
    await checkInvariants(scenario, bucket, before, context);
    const line = `${p}: ${faulted[0]} -> ${failed ? failed.message.split('.')[0] : 'ok'}`;
    if (!failed) {
      await checkConverged(scenario, bucket, context);
      return line;
    }
    // Only a failed unlock (its read of the lock, or its delete) leaves a lock behind (a lock write whose answer was
    // lost is cleaned up); a delete whose answer was lost did delete it. A lock left behind is broken by its id.
    const unlockFailed = /^(GET|DELETE) .*\/\.dagsmith\/lock\.json$/.test(faulted[0]!);
    const deletedAnyway = fault === 'drop-after' && faulted[0]!.startsWith('DELETE');
    const lockKey = `${PREFIX}.dagsmith/lock.json`;
    const locked = (await listAll(s3, bucket, lockKey)).length > 0;
    expect(locked, `${context}: a lock is left behind only when the unlock failed`).to.equal(unlockFailed && !deletedAnyway);
    const id = locked ? (JSON.parse(await getText(s3, bucket, lockKey)) as { id: string }).id : undefined;
    await run(bucket, V2, id ? { forceUnlock: id } : {});
    await checkConverged(scenario, bucket, `${context}, next sync`);
    const noop = await run(bucket, V2);
    expect(noop.requests, `${context}: the sync after convergence is a no-op`).to.equal(2);
    expect(noop.uploaded).to.deep.equal([]);
    return line;
  }

  for (const scenario of SCENARIOS) {
    describe(scenario.name, () => {
      it(`makes ${scenario.requests} requests without faults: the positions swept`, async () => {
        const { bucket } = await arrange(scenario);
        const report = await run(bucket, V2);
        expect(requestsOf(bucket).length).to.equal(report.requests);
        expect(report.requests).to.equal(scenario.requests);
        expect(report.uploaded).to.deep.equal(['b.py', 'd.py']);
        expect(report.deleted).to.deep.equal(scenario.mayDelete);
        await checkConverged(scenario, bucket, `${scenario.name}, no fault`);
      });

      for (const fault of FAULTS) {
        for (const mode of ['once', 'with every retry'] as const) {
          it(`${fault}, ${mode}, at each of the ${scenario.requests} positions: consistent, then converges`, async () => {
            const positions = Array.from({ length: scenario.requests }, (_, p) => p);
            const lines = await Promise.all(positions.map((p) => trial1(scenario, fault, mode, p)));
            if (process.env.DAGSMITH_FAULT_LOG) console.log(lines.join('\n'));
          });
        }
      }
    });
  }
});
