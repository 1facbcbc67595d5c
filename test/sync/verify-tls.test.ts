/**
 * `sync --verify` speaks HTTPS to the environment's web server (issue 16, finding 11), as every MWAA web server
 * does, also when the MWAA API endpoint is overridden with plain HTTP (a local emulator): the local MWAA server's web
 * server has a certificate from a CA made for the test, which the client is told to trust — and only then does it
 * connect. Plain HTTP is an explicit opt-in for a local emulator, and only to a loopback host.
 * (The CLI endpoint answers only `dags list-import-errors`, which needs Airflow; `version` gets its 400, which shows
 * the request arrived.)
 */
import { expect } from 'chai';
import { cliEndpointUrl, runMwaaCli } from '../../src/sync/verify';
import { createMwaaClient } from '../../src/sync/mwaa';
import { SyncError } from '../../src/sync/sync-error';
import { fetchTrusting } from '../helpers/test-ca';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';

describe('sync --verify speaks https to the web server', () => {
  let mwaa: MwaaServer;
  const saved = new Map<string, string | undefined>();
  before(async () => {
    mwaa = await startMwaaServer({ s3Endpoint: 'http://127.0.0.1:9' });
    mwaa.addEnvironment({ name: 'ml-tls', airflowVersion: '2.10.3', bucket: 'b-tls' });
    // The API endpoint is overridden with plain http on loopback: what used to make the CLI call plain http too.
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

  async function call(opts: Parameters<typeof runMwaaCli>[3]): Promise<SyncError> {
    const client = createMwaaClient('us-east-1');
    try {
      return await runMwaaCli(client, 'ml-tls', 'version', opts).then(
        () => {
          throw new Error('expected the test server to refuse this command');
        },
        (e: unknown) => e as SyncError,
      );
    } finally {
      client.destroy();
    }
  }

  it('always builds an https URL; http only when asked, and then only for a loopback host', () => {
    expect(cliEndpointUrl('abc.c2.us-east-1.airflow.amazonaws.com')).to.equal('https://abc.c2.us-east-1.airflow.amazonaws.com/aws_mwaa/cli');
    expect(cliEndpointUrl('127.0.0.1:4000')).to.equal('https://127.0.0.1:4000/aws_mwaa/cli');
    expect(cliEndpointUrl('127.0.0.1:4000', { plainHttp: true })).to.equal('http://127.0.0.1:4000/aws_mwaa/cli');
    expect(cliEndpointUrl('localhost:4000', { plainHttp: true })).to.equal('http://localhost:4000/aws_mwaa/cli');
    expect(() => cliEndpointUrl('abc.c2.us-east-1.airflow.amazonaws.com', { plainHttp: true }))
      .to.throw(SyncError, 'the CLI token would cross the network in the clear')
      .with.property('code', 'DS637');
  });

  it('reaches the web server over TLS with the CA the caller trusts, though the API endpoint is plain http', async () => {
    const err = await call({ timeoutMs: 10_000, fetch: fetchTrusting(mwaa.caPem) });
    expect(err.code).to.equal('DS637');
    expect(err.message).to.contain('answered HTTP 400: {"message":"this test server runs only \'dags list-import-errors\'');
    const cli = mwaa.calls.filter((c) => c.operation === 'Cli');
    expect(cli.at(-1)!.host).to.equal(mwaa.webServerHost);
  });

  it('an answer that is JSON but not the CLI answer is DS637 naming what came back, not an internal error', async () => {
    for (const answer of ['null', '[1]', '"x"', '{"stdout": 5}']) {
      const err = await call({ timeoutMs: 10_000, fetch: () => Promise.resolve(new Response(answer, { status: 200 })) });
      expect(err).to.be.instanceOf(SyncError);
      expect(err.code).to.equal('DS637');
      expect(err.message).to.equal(
        `the Airflow CLI endpoint of 'ml-tls' answered JSON that is not the CLI's answer ({"stdout": base64, "stderr": base64}): ${answer}`,
      );
    }
  });

  it('does not talk to a web server whose certificate it cannot verify', async () => {
    const err = await call({ timeoutMs: 10_000 });
    expect(err.code).to.equal('DS637');
    expect(err.message).to.match(new RegExp(`the Airflow CLI endpoint of 'ml-tls' \\(https://${mwaa.webServerHost}/aws_mwaa/cli\\) failed: `));
  });

  it('speaks plain http to a local emulator only when asked (--verify-plain-http)', async () => {
    mwaa.webServerHostname = mwaa.plainWebServerHost;
    try {
      const refused = await call({ timeoutMs: 10_000 });
      expect(refused.message).to.contain(`(https://${mwaa.plainWebServerHost}/aws_mwaa/cli) failed`);
      const err = await call({ timeoutMs: 10_000, plainHttp: true });
      expect(err.message).to.contain('answered HTTP 400');
    } finally {
      mwaa.webServerHostname = undefined;
    }
  });
});
