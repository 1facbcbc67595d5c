/**
 * Locks that a cancelled run cannot strand (issue 16, finding 10), with the CLI as a real process against moto: a
 * sync is stopped mid-upload (its upload held by the S3 proxy) by SIGTERM (what CI sends to a cancelled or
 * superseded run), SIGINT (Ctrl-C) or SIGHUP, and the next sync succeeds at once; a SIGKILLed sync's lock expires by
 * itself within its lease; `--force-unlock ID` breaks exactly that lock, at once.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';
import { spawnCli, type CliProcess } from '../helpers/cli-process';
import { startMoto, type MotoServer } from '../helpers/moto';
import { startS3Proxy, type S3Proxy } from '../helpers/s3-proxy';
import { parseManifest } from '../../src/sync/manifest';
import { awsEnv, createVersionedBucket, directClient, getText, listAll } from '../helpers/s3';

const BUCKET = 'dagsmith-lock-test';
const minimal = (id: string) => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n`;
const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/pipelines', GITHUB_RUN_ID: '4711' };

describe('sync locks and signals: a real dagsmith process against moto @moto', function () {
  this.timeout(180_000);
  let moto: MotoServer;
  let proxy: S3Proxy;
  let s3: S3Client;
  const dirs: string[] = [];
  let n = 0;

  before(async () => {
    moto = await startMoto();
    proxy = await startS3Proxy(moto.endpoint);
    s3 = directClient(moto.endpoint);
    await createVersionedBucket(s3, BUCKET);
  });
  after(async () => {
    proxy?.setGate(undefined);
    s3?.destroy();
    await proxy?.close();
    await moto?.stop();
    for (const d of dirs) removeTemp(d);
  });

  async function project(): Promise<{ dir: string; prefix: string }> {
    const dir = makeTemp('lock-process');
    dirs.push(dir);
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'airflow: "2.10.3"\n');
    mkdirSync(join(dir, 'pipelines'));
    for (const id of ['a', 'b']) writeFileSync(join(dir, 'pipelines', `${id}.yaml`), minimal(id));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
    return { dir, prefix: `run${++n}/dags/` };
  }

  const lockKey = (prefix: string) => `${prefix}.dagsmith/lock.json`;
  /** What the manifest says is deployed: both DAGs once a sync completed (b.py uploaded before the stop is recorded). */
  const deployed = async (prefix: string) => parseManifest(await getText(s3, BUCKET, `${prefix}.dagsmith/manifest.json`)).files.map((e) => e.name);
  const lockExists = async (prefix: string) => (await listAll(s3, BUCKET, lockKey(prefix))).length > 0;

  /** Starts `dagsmith sync` as a process and resolves once it holds the lock and its upload of a.py is held. */
  async function syncHeldMidUpload(dir: string, prefix: string, env: Record<string, string> = {}): Promise<{ cli: CliProcess; release: () => void }> {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let held!: () => void;
    const uploading = new Promise<void>((r) => (held = r));
    proxy.setGate(({ method, url }) => {
      if (method !== 'PUT' || !url.includes(`${prefix}a.py`)) return undefined;
      held();
      return released;
    });
    const cli = spawnCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`], dir, { ...awsEnv(proxy.endpoint), ...env });
    const exitedEarly = cli.exited.then(({ code }) => {
      throw new Error(`the sync exited (${code}) before its upload was held: ${cli.output().err}`);
    });
    await Promise.race([uploading, exitedEarly]);
    expect(await lockExists(prefix), 'the sync holds the lock while it uploads').to.equal(true);
    return { cli, release };
  }

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} mid-upload: the process releases its lock and exits ${code}; the next sync succeeds at once`, async () => {
      const { dir, prefix } = await project();
      const { cli, release } = await syncHeldMidUpload(dir, prefix);
      try {
        cli.child.kill(signal);
        const exit = await cli.exited;
        expect(exit, cli.output().err).to.deep.equal({ code, signal: null });
        expect(cli.output().err).to.contain(`sync stopped by ${signal}`).and.contain('lock released');
        expect(await lockExists(prefix), 'no lock is left behind').to.equal(false);
      } finally {
        proxy.setGate(undefined);
        release();
      }
      const next = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`], dir, awsEnv(proxy.endpoint));
      expect(next.code, next.err).to.equal(0);
      expect(await deployed(prefix)).to.deep.equal(['a.py', 'b.py']);
    });
  }

  it("a SIGKILLed sync's lock names its holder, holds off other syncs, and expires by itself within its lease", async () => {
    const { dir, prefix } = await project();
    const leaseSeconds = 6;
    const env = { DAGSMITH_LOCK_LEASE_SECONDS: String(leaseSeconds), ...GITHUB };
    const { cli, release } = await syncHeldMidUpload(dir, prefix, env);
    const lock = JSON.parse(await getText(s3, BUCKET, lockKey(prefix))) as Record<string, unknown>;
    expect(lock).to.include({
      user: userInfo().username,
      host: hostname(),
      pid: cli.child.pid,
      ciRun: 'https://github.com/acme/pipelines/actions/runs/4711',
      leaseSeconds,
    });
    expect(lock.id).to.match(/^[0-9a-f-]{36}$/);
    // While the sync runs (its upload held longer than the lease), it renews the lock: nobody takes it over.
    await new Promise((r) => setTimeout(r, (leaseSeconds + 2) * 1000));
    const during = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`], dir, awsEnv(proxy.endpoint));
    expect(during.code, `renewed, so still held: ${during.err}`).to.equal(3);
    const renewed = JSON.parse(await getText(s3, BUCKET, lockKey(prefix))) as Record<string, unknown>;
    expect(renewed.id).to.equal(lock.id);
    expect(Date.parse(renewed.renewed as string)).to.be.greaterThan(Date.parse(lock.renewed as string));
    cli.child.kill('SIGKILL');
    const killedAt = Date.now();
    await cli.exited;
    proxy.setGate(undefined);
    release();
    try {
      const blocked = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`], dir, awsEnv(proxy.endpoint));
      expect(blocked.code, blocked.err).to.equal(3);
      expect(blocked.err).to.contain(
        `error DS603: another sync is deploying to this prefix: locked by ${userInfo().username}@${hostname()} (pid ${cli.child.pid}, https://github.com/acme/pipelines/actions/runs/4711)`,
      );
      expect(blocked.err)
        .to.contain(`lock id ${lock.id as string}`)
        .and.contain(`--force-unlock ${lock.id as string}`);
      // Nobody renews it any more: within its lease (S3 times have whole seconds) a sync takes it over by itself.
      let next = blocked;
      while (next.code !== 0 && Date.now() - killedAt < (leaseSeconds + 3) * 1000) {
        await new Promise((r) => setTimeout(r, 500));
        next = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`], dir, awsEnv(proxy.endpoint));
      }
      expect(next.code, next.err).to.equal(0);
      expect(Date.now() - killedAt).to.be.below((leaseSeconds + 3) * 1000);
      expect(next.err).to.contain(`took over an expired lock (id ${lock.id as string}) held by ${userInfo().username}@${hostname()}`);
      expect(await deployed(prefix)).to.deep.equal(['a.py', 'b.py']);
      expect(await lockExists(prefix)).to.equal(false);
    } finally {
      proxy.setGate(undefined);
    }
  });

  it('--force-unlock ID breaks that lock at once, and no other', async () => {
    const { dir, prefix } = await project();
    const { cli, release } = await syncHeldMidUpload(dir, prefix);
    const id = (JSON.parse(await getText(s3, BUCKET, lockKey(prefix))) as { id: string }).id;
    cli.child.kill('SIGKILL');
    await cli.exited;
    proxy.setGate(undefined);
    release();
    const wrong = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`, '--force-unlock', 'not-that-lock'], dir, awsEnv(proxy.endpoint));
    expect(wrong.code).to.equal(3);
    expect(wrong.err).to.contain(`--force-unlock not-that-lock does not name the lock held now (lock id ${id}`);
    expect(await lockExists(prefix)).to.equal(true);
    const started = Date.now();
    const broke = await runCli(['sync', '--bucket', `s3://${BUCKET}/${prefix}`, '--force-unlock', id], dir, awsEnv(proxy.endpoint));
    expect(broke.code, broke.err).to.equal(0);
    expect(Date.now() - started, 'at once, not after the lease').to.be.below(60_000);
    expect(broke.err).to.contain(`broke the lock (id ${id}) held by ${userInfo().username}@${hostname()}`);
    expect(await deployed(prefix)).to.deep.equal(['a.py', 'b.py']);
    expect(await lockExists(prefix)).to.equal(false);
  });
});
