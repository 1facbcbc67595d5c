import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { formatDiagnostics } from '../../src/diagnostics/format';
import { createMwaaClient } from '../../src/sync/mwaa';
import { SyncError } from '../../src/sync/sync-error';
import {
  attributeImportErrors,
  dagFolderPath,
  errorHeadline,
  importErrorLine,
  verifyReport,
  parseImportErrors,
  verifyImports,
} from '../../src/sync/verify';
import { AIRFLOW_VERSIONS, compileProject, ROOT, startMoto, type MotoServer } from '../airflow/harness';
import { fetchTrusting } from '../helpers/test-ca';
import { startMwaaServer, type MwaaServer } from '../servers/mwaa-server';

describe('verify: reading MWAA import errors', () => {
  it('finds the JSON list after log lines and reads filepath and error', () => {
    const out = {
      stdout:
        'some log line\n[2026-11-30T08:44:24.276+0000] {plugins.py:37} INFO - setup plugin alembic\n' +
        '[{"filepath": "/usr/local/airflow/dags/a.py", "error": "Traceback...\\nValueError: bad"}]\n',
      stderr: '',
    };
    expect(parseImportErrors(out)).to.deep.equal([{ filepath: '/usr/local/airflow/dags/a.py', error: 'Traceback...\nValueError: bad' }]);
    expect(parseImportErrors({ stdout: '[]\n', stderr: '' })).to.deep.equal([]);
  });

  it('is DS637 when the answer holds no JSON list, quoting the end of stderr', () => {
    expect(() => parseImportErrors({ stdout: '', stderr: 'line1\nairflow.exceptions.AirflowConfigException: boom\n' }))
      .to.throw(SyncError, 'AirflowConfigException: boom')
      .with.property('code', 'DS637');
  });

  it('maps reported paths into the DAG folder, wherever MWAA mounts it', () => {
    expect(dagFolderPath('/usr/local/airflow/dags/team/a.py')).to.equal('team/a.py');
    expect(dagFolderPath('/tmp/x/usr/local/airflow/dags/a.py')).to.equal('a.py');
    expect(dagFolderPath('team/a.py')).to.equal('team/a.py');
    expect(dagFolderPath('/opt/other/a.py')).to.equal(undefined);
  });

  it('attributes errors to our files only: a hand-written file with the same base name is not ours', () => {
    const result = attributeImportErrors(
      [
        { filepath: '/usr/local/airflow/dags/legacy/a.py', error: 'E1' },
        { filepath: '/usr/local/airflow/dags/b.py', error: 'E2' },
        { filepath: '/usr/local/airflow/dags/a.py', error: 'E3' },
      ],
      ['a.py', 'b.py', 'c.py'],
    );
    expect(result.ours).to.deep.equal([
      { file: 'a.py', error: 'E3' },
      { file: 'b.py', error: 'E2' },
    ]);
    expect(result.others.map((o) => o.filepath)).to.deep.equal(['/usr/local/airflow/dags/legacy/a.py']);
  });

  it('takes the last line of a traceback as the headline', () => {
    expect(errorHeadline('Traceback (most recent call last):\n  File "x", line 1\nModuleNotFoundError: No module named \'q\'\n')).to.equal(
      "ModuleNotFoundError: No module named 'q'",
    );
  });
});

/** Every Airflow version the test virtualenvs provide (new targets join when the harness adds their venvs). */
const TARGETS = AIRFLOW_VERSIONS;

describe('sync --verify against real Airflow behind a local MWAA server @airflow', function () {
  this.timeout(600_000);
  let moto: MotoServer;
  let mwaa: MwaaServer;
  let s3: S3Client;
  const saved = new Map<string, string | undefined>();

  before(async () => {
    moto = await startMoto();
    mwaa = await startMwaaServer({ s3Endpoint: moto.endpoint });
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    for (const [k, v] of Object.entries({
      AWS_ENDPOINT_URL_MWAA: mwaa.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    })) {
      saved.set(k, process.env[k]);
      process.env[k] = v;
    }
  });
  after(async () => {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    s3?.destroy();
    await mwaa?.stop();
    await moto?.stop();
  });

  for (const version of TARGETS) {
    it(`names our broken file and its error, and only ours, on Airflow ${version}`, async () => {
      const bucket = `verify-${version.replace(/\./g, '-')}`;
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
      const envName = `ml-verify-${version.replace(/\./g, '')}`;
      mwaa.addEnvironment({ name: envName, airflowVersion: version, bucket });

      const compiled = compileProject({ name: 'examples', cwd: ROOT }, version);
      const ours: string[] = [];
      let brokenContent = '';
      for (const p of compiled.pipelines) {
        const file = p.outPath.split('/').pop()!;
        // One DAG needs a package the environment does not have (as when requirements.txt misses it).
        const content =
          file === 'orders_backfill.py'
            ? p.content.replace('generated by dagsmith."""\n', 'generated by dagsmith."""\nimport feature_store_client\n')
            : p.content;
        if (file === 'orders_backfill.py') brokenContent = content;
        expect(content.includes('feature_store_client')).to.equal(file === 'orders_backfill.py');
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `dags/${file}`, Body: content, ContentType: 'text/x-python' }));
        ours.push(file);
      }
      // A hand-written DAG beside ours, broken too: reported, but not as ours.
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: 'dags/legacy/old_dag.py', Body: 'from airflow import DAG\nraise RuntimeError("legacy")\n' }),
      );

      const client = createMwaaClient('us-east-1');
      try {
        // The web server speaks https with a certificate from the test's CA: trusted through the fetch given here.
        const result = await verifyImports(client, envName, ours, { timeoutMs: 300_000, fetch: fetchTrusting(mwaa.caPem) });
        const report = verifyReport(envName, result, ours.length, 'dags-out');
        const printed = [formatDiagnostics(report.diagnostics, 'stylish'), ...report.notes];
        console.log(`      --- sync --verify on Airflow ${version} ---\n${printed.map((l) => `      ${l}`).join('\n')}`);
        expect(result.ours.map((e) => e.file)).to.deep.equal(['orders_backfill.py']);
        expect(errorHeadline(result.ours[0]!.error)).to.equal("ModuleNotFoundError: No module named 'feature_store_client'");
        expect(result.others.map((o) => dagFolderPath(o.filepath))).to.deep.equal(['legacy/old_dag.py']);
        // Reported at the compiled file, at the line of the import that failed (the traceback's frame in that file).
        const importLine = brokenContent.split('\n').indexOf('import feature_store_client') + 1;
        expect(importErrorLine(result.ours[0]!.error, 'orders_backfill.py')).to.equal(importLine);
        expect(printed[0]).to.equal(
          `dags-out/orders_backfill.py:${importLine}:1: error DS635: Airflow on '${envName}' cannot import it: ModuleNotFoundError: No module named 'feature_store_client'`,
        );
        // The client reached the API without MWAA's host prefixes, and the web server it was named.
        const cli = mwaa.calls.filter((c) => c.name === envName);
        expect(cli.map((c) => [c.operation, c.host])).to.deep.equal([
          ['CreateCliToken', new URL(mwaa.endpoint).host],
          ['Cli', mwaa.webServerHost],
        ]);
      } finally {
        client.destroy();
      }
    });
  }

  it('is DS637 when the CLI endpoint does not answer in time', async () => {
    const client = createMwaaClient('us-east-1');
    mwaa.addEnvironment({ name: 'ml-slow', airflowVersion: '2.10.3', bucket: 'verify-2-10-3' });
    try {
      const err = await verifyImports(client, 'ml-slow', ['a.py'], { timeoutMs: 50, fetch: fetchTrusting(mwaa.caPem) }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(SyncError);
      expect((err as SyncError).code).to.equal('DS637');
      expect((err as SyncError).message).to.match(/no answer within 0s|no answer within/);
    } finally {
      client.destroy();
    }
  });
});
