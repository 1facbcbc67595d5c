/**
 * `lint --remote` against a moto server over HTTP: the real AWS SDK clients, the standard credential chain from the
 * environment and AWS_ENDPOINT_URL, as a user would run it against LocalStack or moto.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateCrawlerCommand, CreateJobCommand, GlueClient } from '@aws-sdk/client-glue';
import { CreateBucketCommand, PutBucketEncryptionCommand, PutPublicAccessBlockCommand, S3Client } from '@aws-sdk/client-s3';
import { removeTemp, runCli } from '../helpers/cli';
import { startMoto, type MotoServer } from '../helpers/moto';
import { project } from './helpers';

const PIPELINE = `version: 1
id: remote_check
description: Names AWS resources, some of which exist
owner: ml-data
tags: [remote]
dagrunTimeout: 1h
defaults:
  retries: 2
  executionTimeout: 30m
  deferrable: true
steps:
  - id: wait
    kind: s3.wait
    bucket: acme-kms
    key: "in/{{ ds }}/_SUCCESS"
    timeout: 1h
  - id: land
    kind: s3.copy
    from: "s3://acme-kms/in/{{ ds }}/a.csv"
    to: "s3://acme-plain/landing/{{ ds }}/a.csv"
    dependsOn: [wait]
  - id: crawl
    kind: glue.crawler
    crawler: landing-crawler
    dependsOn: [land]
  - id: clean
    kind: glue.job
    job: clean-events
    securityConfiguration: kms-everything
    dependsOn: [crawl]
  - id: missing_job
    kind: glue.job
    job: no-such-job
    securityConfiguration: kms-everything
  - id: missing_crawler
    kind: glue.crawler
    crawler: no-such-crawler
  - id: missing_bucket
    kind: s3.delete
    bucket: acme-gone
    keys: [a.csv]
  - id: created_by_operator
    kind: glue.job
    job: created-on-first-run
    scriptLocation: "s3://acme-kms/scripts/x.py"
    role: glue-created
    securityConfiguration: kms-everything
`;

const SECURITY_CONFIGS = `version: 1
id: security_configs
description: Glue jobs with security configurations, one of which exists
owner: ml-data
tags: [remote]
dagrunTimeout: 1h
defaults:
  retries: 2
  executionTimeout: 30m
  deferrable: true
steps:
  - id: clean
    kind: glue.job
    job: clean-events
    securityConfiguration: kms-everything
  - id: clean_again
    kind: glue.job
    job: clean-events
    dependsOn: [clean]
    securityConfiguration: kms-gone
`;

/**
 * moto (5.1) does not implement Glue's GetSecurityConfiguration (it answers HTTP 500). In front of moto, this answers
 * that one call as the Glue API reference says Glue does: the configuration when it exists, else HTTP 400 with
 * EntityNotFoundException (awsJson1_1 error shape). Every other request goes to moto unchanged. The SDK's reading of
 * the answer and lint's mapping of it to DS482 are what is tested; the answer itself is written from the API model.
 */
async function glueSecurityConfigurations(
  motoEndpoint: string,
  existing: ReadonlySet<string>,
): Promise<{ endpoint: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      const reply = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(json));
      };
      if (target === 'AWSGlue.GetSecurityConfiguration') {
        const name = String((JSON.parse(body.toString('utf8')) as { Name?: unknown }).Name);
        calls.push(`GetSecurityConfiguration ${name}`);
        if (existing.has(name)) {
          reply(200, {
            SecurityConfiguration: {
              Name: name,
              CreatedTimeStamp: 1_764_000_000,
              EncryptionConfiguration: {
                S3Encryption: [
                  { S3EncryptionMode: 'SSE-KMS', KmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
                ],
              },
            },
          });
        } else reply(400, { __type: 'EntityNotFoundException', Message: `Security configuration ${name} not found.` });
        return;
      }
      calls.push(target.replace(/^AWSGlue\./, ''));
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)),
      ) as Record<string, string>;
      fetch(`${motoEndpoint}${req.url ?? '/'}`, { method: req.method, headers, body: body.length > 0 ? body : undefined }).then(
        async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/x-amz-json-1.1' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        },
        (err: Error) => {
          res.writeHead(502);
          res.end(err.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('lint --remote against moto @moto', function () {
  this.timeout(180_000);
  let moto: MotoServer;
  let env: Record<string, string>;
  const dirs: string[] = [];

  before(async () => {
    moto = await startMoto();
    env = {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
      AWS_PROFILE: '',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    };
    const creds = { accessKeyId: 'testing', secretAccessKey: 'testing' };
    const s3 = new S3Client({ endpoint: moto.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: creds });
    const glue = new GlueClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: creds });
    for (const b of ['acme-kms', 'acme-plain']) await s3.send(new CreateBucketCommand({ Bucket: b }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'acme-kms',
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/data' } }],
        },
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: 'acme-kms',
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      }),
    );
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'acme-plain',
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({ Bucket: 'acme-plain', PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } }),
    );
    await glue.send(
      new CreateJobCommand({
        Name: 'clean-events',
        Role: 'glue-clean',
        Command: { Name: 'glueetl', ScriptLocation: 's3://acme-kms/scripts/clean.py' },
      }),
    );
    await glue.send(
      new CreateCrawlerCommand({ Name: 'landing-crawler', Role: 'glue-crawl', Targets: { S3Targets: [{ Path: 's3://acme-plain/landing/' }] } }),
    );
  });
  after(async () => {
    dirs.forEach(removeTemp);
    await moto?.stop();
  });

  it('reports missing resources, weak buckets and checks that could not run, at the lines that name them', async () => {
    const dir = project({
      'pipelines/remote_check.yaml': PIPELINE,
      // Only the remote findings are under test here.
      'dagsmith.config.yaml': 'lint:\n  rules:\n    DS402: off\n    DS405: off\n    DS428: off\n    DS429: off\n',
    });
    dirs.push(dir);
    const r = await runCli(['lint', '--remote', '--format', 'json'], dir, env);
    const got = (JSON.parse(r.out) as { code: string; line: number; col: number; message: string }[]).map(
      (d) => `${d.line}:${d.col} ${d.code} ${d.message}`,
    );
    // moto does not implement GetSecurityConfiguration: a real endpoint's refusal, reported as "could not check".
    const secConfig = (line: number) =>
      `${line}:28 DS486 could not check Glue security configuration 'kms-everything': HTTP 500, not an AWS API answer (the endpoint may not implement this call)`;
    expect(got.filter((l) => !/DS486 could not check Glue security configuration/.test(l))).to.deep.equal(
      [
        "20:9 DS485 S3 bucket 'acme-plain' does not block public access fully: BlockPublicPolicy, RestrictPublicBuckets off",
        "20:9 DS484 S3 bucket 'acme-plain' encrypts new objects with SSE-S3 (AES256) by default, not SSE-KMS",
        "33:10 DS480 Glue job 'no-such-job' does not exist in this account and region",
        "37:14 DS481 Glue crawler 'no-such-crawler' does not exist in this account and region",
        "40:13 DS483 S3 bucket 'acme-gone' does not exist",
      ]
        .map((l) => l.replace(/^(\d+:\d+) (DS\d+) /, '$1 $2 '))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
    expect(got.filter((l) => /DS486/.test(l)).length).to.equal(1);
    expect(got.find((l) => /DS486/.test(l))).to.equal(secConfig(29));
    expect(r.code, r.err).to.equal(1);
  });

  it('reports a Glue security configuration that does not exist (DS482), and none for one that exists', async () => {
    // moto 5.1 does not implement GetSecurityConfiguration, so this one call is answered by a stand-in (below).
    const glue = await glueSecurityConfigurations(moto.endpoint, new Set(['kms-everything']));
    try {
      const dir = project({
        'pipelines/security_configs.yaml': SECURITY_CONFIGS,
        'dagsmith.config.yaml': 'lint:\n  rules:\n    DS405: off\n    DS428: off\n    DS429: off\n',
      });
      dirs.push(dir);
      const r = await runCli(['lint', '--remote', '--format', 'json'], dir, { ...env, AWS_ENDPOINT_URL_GLUE: glue.endpoint });
      const got = (JSON.parse(r.out) as { code: string; line: number; col: number; message: string }[]).map(
        (d) => `${d.line}:${d.col} ${d.code} ${d.message}`,
      );
      expect(got).to.deep.equal(["20:28 DS482 Glue security configuration 'kms-gone' does not exist in this account and region"]);
      expect(r.code, r.err).to.equal(1);
      // Both names were looked up through the stand-in; the jobs went through it to moto.
      expect(glue.calls.filter((c) => c.startsWith('GetSecurityConfiguration')).sort()).to.deep.equal([
        'GetSecurityConfiguration kms-everything',
        'GetSecurityConfiguration kms-gone',
      ]);
      expect(glue.calls.filter((c) => c === 'GetJob').length).to.equal(1);
    } finally {
      await glue.close();
    }
  });

  it('exits 3 when AWS cannot be reached', async () => {
    const dir = project({ 'pipelines/remote_check.yaml': PIPELINE });
    dirs.push(dir);
    const r = await runCli(['lint', '--remote'], dir, { ...env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
    expect(r.code).to.equal(3);
    expect(r.err).to.match(/lint --remote cannot reach AWS/);
  });

  it('makes read-only calls only (Get*/Head* commands)', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'src', 'lint', 'remote.ts'), 'utf8');
    const commands = [...source.matchAll(/new (\w+Command)\(/g)].map((m) => m[1]!);
    expect(commands.length).to.be.greaterThan(0);
    for (const c of commands) expect(c).to.match(/^(Get|Head)\w+Command$/);
  });
});
