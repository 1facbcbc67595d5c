/**
 * Output is inert, for what comes from a bucket (issue 16, findings 6 and 7): object names, a forged manifest (its
 * entry names and the DAG summaries `plan` diffs against), a forged lock. `plan` (Markdown), `plan --prune`, `sync`
 * (human, --dry-run, --json, --prune) and the errors (DS601, DS603) print none of it as a workflow command, a
 * control or bidi character, or live Markdown; `--json` keeps the names exactly.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_VERSION } from '../../src/sync/dag-summary';
import { makeTemp, removeTemp, runCli, type CliResult } from '../helpers/cli';
import { expectInertLines, expectInertMarkdown, HOSTILE, HOSTILE_NAME } from '../helpers/hostile';
import { startMoto, type MotoServer } from '../helpers/moto';
import { awsEnv, createVersionedBucket, directClient, listAll, putText } from '../helpers/s3';

const BUCKET = 'dagsmith-inert';
/**
 * An object name: the hostile file name without its line break, which moto 5.1 refuses in a key (S3 takes it); it
 * starts with '::', holds '##[', Markdown, HTML, a bidi override and a C1 control. Manifest names carry line breaks.
 */
const HOSTILE_KEY = HOSTILE_NAME.replace('x\n', '');
const pipeline = (id: string) => `version: 1\nid: ${id}\nsteps:\n  - id: run\n    kind: glue.job\n    job: run\n`;

describe('output is inert: a hostile bucket through plan and sync @moto', function () {
  this.timeout(120_000);
  let moto: MotoServer;
  let s3: S3Client;
  let dir = '';

  before(async () => {
    moto = await startMoto();
    s3 = directClient(moto.endpoint);
    await createVersionedBucket(s3, BUCKET);
    dir = makeTemp('inert-remote');
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'airflow: "2.10.3"\n');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines', 'a.yaml'), pipeline('a'));
    expect((await runCli(['compile'], dir)).code).to.equal(0);
  });
  after(async () => {
    if (dir) removeTemp(dir);
    s3?.destroy();
    await moto?.stop();
  });

  const run = (prefix: string, ...args: string[]): Promise<CliResult> =>
    runCli([...args, '--bucket', `s3://${BUCKET}/${prefix}`], dir, awsEnv(moto.endpoint));

  /** A prefix with an object of a hostile name, and a manifest that claims a hostile DAG summary and entry. */
  async function hostilePrefix(prefix: string): Promise<void> {
    await putText(s3, BUCKET, `${prefix}${HOSTILE_KEY}.py`, '# not ours\n');
    const gone = (await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}${HOSTILE_KEY}-gone.py`, Body: '# gone\n' }))).ETag!;
    const aEtag = (await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}a.py`, Body: '# an older a\n' }))).ETag!;
    const summary = {
      v: SUMMARY_VERSION,
      dagId: `dag${HOSTILE}`,
      schedule: `cron${HOSTILE}`,
      dag: { [`setting${HOSTILE}`]: `v${HOSTILE}` },
      steps: [{ id: 'run', kind: `kind${HOSTILE}`, upstream: [`up${HOSTILE}`], fields: { [`field${HOSTILE}`]: `v${HOSTILE}` } }],
    };
    const manifest = {
      format: 1,
      airflow: '2.10.3',
      files: [
        { name: 'a.py', sha256: 'a'.repeat(64), size: 13, etag: aEtag, summary },
        { name: `${HOSTILE_KEY}-gone.py`, sha256: 'b'.repeat(64), size: 7, etag: gone, summary },
        // Listed, with a line break in its name, and gone: forgotten, and said so.
        { name: `${HOSTILE_NAME}-vanished.py`, sha256: 'c'.repeat(64), size: 7, etag: '"v"', summary },
      ],
      pruning: [],
    };
    await putText(s3, BUCKET, `${prefix}.dagsmith/manifest.json`, JSON.stringify(manifest));
  }

  it('plan and plan --prune: every value from the bucket is a code span, no line is live', async () => {
    await hostilePrefix('plan/');
    for (const args of [['plan'], ['plan', '--prune']]) {
      const r = await run('plan/', ...args);
      expect(r.code, r.err).to.equal(0);
      expectInertMarkdown(args.join(' '), r.out);
      expectInertLines(`${args.join(' ')} stderr`, r.err);
      expect(r.out).to.contain('``kindc\\u000a::warning');
    }
  });

  it('sync --dry-run, --json, --prune: names are inert on a terminal and exact in JSON', async () => {
    await hostilePrefix('sync/');
    const dry = await run('sync/', 'sync', '--dry-run', '--prune');
    expect(dry.code, dry.err).to.equal(0);
    expectInertLines('sync --dry-run', `${dry.out}\n${dry.err}`);
    expect(dry.out).to.contain('unmanaged  \\u003a:warning file=README.md::fname #\\u0023[error]f');

    const json = await run('sync/', 'sync', '--dry-run', '--json');
    expect(json.code, json.err).to.equal(0);
    expectInertLines('sync --json', json.out);
    const doc = JSON.parse(json.out) as { plan: { unmanaged: string[]; forget: { name: string }[] } };
    expect(doc.plan.unmanaged).to.deep.equal([`${HOSTILE_KEY}.py`]);
    expect(doc.plan.forget.map((d) => d.name)).to.deep.equal([`${HOSTILE_NAME}-vanished.py`]);

    const prune = await run('sync/', 'sync', '--prune');
    expect(prune.code, prune.err).to.equal(0);
    expectInertLines('sync --prune', `${prune.out}\n${prune.err}`);
    expect(prune.out).to.contain("(its metadata does not show that dagsmith uploaded it: not dagsmith's, left alone)");
    // Not ours, so not deleted, whatever the manifest said.
    expect((await listAll(s3, BUCKET, 'sync/')).map((o) => o.key)).to.include(`sync/${HOSTILE_KEY}-gone.py`);
  });

  it("errors quoting the bucket are inert: a lock's holder (DS603), a manifest entry (DS601)", async () => {
    await putText(
      s3,
      BUCKET,
      'locked/.dagsmith/lock.json',
      JSON.stringify({ id: `id${HOSTILE}`, owner: `owner${HOSTILE}`, started: '2026-11-30T09:00:00.000Z' }),
    );
    const locked = await run('locked/', 'sync');
    expect(locked.code).to.equal(3);
    expect(locked.err).to.contain('error DS603');
    expectInertLines('DS603', `${locked.out}\n${locked.err}`);

    await putText(
      s3,
      BUCKET,
      'bad/.dagsmith/manifest.json',
      JSON.stringify({
        format: 1,
        airflow: '2.10.3',
        files: [{ name: `../${HOSTILE_NAME}`, sha256: 'a'.repeat(64), size: 1, etag: '"e"' }],
        pruning: [],
      }),
    );
    const bad = await run('bad/', 'sync');
    expect(bad.code).to.equal(3);
    expect(bad.err).to.contain('error DS601');
    expectInertLines('DS601', `${bad.out}\n${bad.err}`);
  });
});
