/**
 * The MWAA control plane without Python: --wait polling GetEnvironment with backoff and a timeout, and where the
 * CLI token of --verify may be sent; against the local MWAA server.
 */
import { expect } from 'chai';
import { createMwaaClient, waitUntilAvailable } from '../../src/sync/mwaa';
import { SyncError } from '../../src/sync/sync-error';
import { verifyImports } from '../../src/sync/verify';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';

describe('MWAA control plane: --wait polling and where the CLI token goes', () => {
  let mwaa: MwaaServer;
  const saved = new Map<string, string | undefined>();
  before(async () => {
    // The CLI endpoint (which reads S3) is not used here.
    mwaa = await startMwaaServer({ s3Endpoint: 'http://127.0.0.1:9' });
    for (const [k, v] of Object.entries({ AWS_ENDPOINT_URL_MWAA: mwaa.endpoint, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' })) {
      saved.set(k, process.env[k]);
      process.env[k] = v;
    }
  });
  after(async () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await mwaa?.stop();
  });

  /** A clock that moves only when the code under test sleeps. */
  function fakeClock() {
    let t = 0;
    const sleeps: number[] = [];
    return {
      sleeps,
      now: () => t,
      sleep: (ms: number): Promise<void> => {
        sleeps.push(ms);
        t += ms;
        return Promise.resolve();
      },
    };
  }

  it('backs off exponentially up to the cap, reports each poll, and returns once AVAILABLE', async () => {
    const env = mwaa.addEnvironment({ name: 'ml-slow-update', airflowVersion: '2.10.3', bucket: 'b-wait', status: 'UPDATING' });
    const clock = fakeClock();
    const seen: string[] = [];
    const client = createMwaaClient('us-east-1');
    try {
      const info = await waitUntilAvailable(client, 'ml-slow-update', {
        timeoutMs: 3_600_000,
        initialDelayMs: 5_000,
        maxDelayMs: 60_000,
        now: clock.now,
        sleep: async (ms) => {
          await clock.sleep(ms);
          if (clock.sleeps.length === 6) env.Status = 'AVAILABLE';
        },
        onProgress: (status, s) => seen.push(`${status}@${s}`),
      });
      expect(info.status).to.equal('AVAILABLE');
    } finally {
      client.destroy();
    }
    expect(clock.sleeps).to.deep.equal([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    expect(seen).to.deep.equal(['UPDATING@0', 'UPDATING@5', 'UPDATING@15', 'UPDATING@35', 'UPDATING@75', 'UPDATING@135', 'AVAILABLE@195']);
  });

  it('gives up with DS634 at the timeout, without sleeping past it', async () => {
    mwaa.addEnvironment({ name: 'ml-stuck', airflowVersion: '2.10.3', bucket: 'b-wait', status: 'UPDATING' });
    const clock = fakeClock();
    const client = createMwaaClient('us-east-1');
    try {
      const err = await waitUntilAvailable(client, 'ml-stuck', {
        timeoutMs: 120_000,
        initialDelayMs: 5_000,
        maxDelayMs: 60_000,
        now: clock.now,
        sleep: clock.sleep,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(SyncError);
      expect((err as SyncError).code).to.equal('DS634');
      expect((err as SyncError).message).to.equal("MWAA environment 'ml-stuck' is still UPDATING after 75s; gave up waiting (it goes on updating)");
    } finally {
      client.destroy();
    }
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).to.be.at.most(120_000);
  });

  it("stops with DS634 when the update fails, quoting MWAA's error", async () => {
    const env = mwaa.addEnvironment({ name: 'ml-update-fails', airflowVersion: '2.10.3', bucket: 'b-wait', status: 'UPDATING' });
    const clock = fakeClock();
    const client = createMwaaClient('us-east-1');
    try {
      const err = await waitUntilAvailable(client, 'ml-update-fails', {
        timeoutMs: 3_600_000,
        initialDelayMs: 5_000,
        maxDelayMs: 60_000,
        now: clock.now,
        sleep: async (ms) => {
          await clock.sleep(ms);
          env.Status = 'UPDATE_FAILED';
          env.LastUpdate = { Status: 'FAILED', Error: { ErrorCode: 'INCORRECT_CONFIGURATION', ErrorMessage: 'plugins.zip could not be loaded' } };
        },
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((err as SyncError).code).to.equal('DS634');
      expect((err as SyncError).message).to.equal(
        "MWAA environment 'ml-update-fails' became UPDATE_FAILED (INCORRECT_CONFIGURATION plugins.zip could not be loaded)",
      );
    } finally {
      client.destroy();
    }
  });

  it('never sends the CLI token anywhere but a host name (DS637)', async () => {
    mwaa.addEnvironment({ name: 'ml-token', airflowVersion: '2.10.3', bucket: 'b-wait' });
    const client = createMwaaClient('us-east-1');
    let fetched = 0;
    try {
      for (const host of ['evil.example/steal?x=', 'user@evil.example', 'a b']) {
        mwaa.webServerHostname = host;
        const err = await verifyImports(client, 'ml-token', [], {
          timeoutMs: 1_000,
          fetch: () => {
            fetched++;
            return Promise.resolve(new Response('{}'));
          },
        }).then(
          () => null,
          (e: unknown) => e,
        );
        expect((err as SyncError).code, host).to.equal('DS637');
        expect((err as SyncError).message).to.contain('returned a web server host that is not a host name');
      }
    } finally {
      mwaa.webServerHostname = undefined;
      client.destroy();
    }
    expect(fetched).to.equal(0);
  });
});
