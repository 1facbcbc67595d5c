/** requirements/plugins/startup: the pure plan, and a failed upload (no AWS, no Python). */
import { S3Client } from '@aws-sdk/client-s3';
import { expect } from 'chai';
import { planArtifacts, uploadArtifacts, type LocalArtifact, type RemoteArtifact } from '../../src/sync/mwaa-artifacts';
import type { MwaaEnvironmentInfo } from '../../src/sync/mwaa';
import { SyncError } from '../../src/sync/sync-error';
import { freeLoopbackPort } from '../helpers/moto';

const ENV: MwaaEnvironmentInfo = {
  name: 'ml-prod',
  status: 'AVAILABLE',
  airflowVersion: '2.10.3',
  bucket: 'acme-mwaa',
  dagPrefix: 'dags',
  requirements: { path: 'config/requirements.txt', version: 'v1' },
  plugins: undefined,
  startup: { path: 'startup.sh', version: 'v7' },
  webserverUrl: undefined,
  kmsKey: undefined,
  lastUpdateError: undefined,
};

const local = (kind: LocalArtifact['kind'], sha256: string): LocalArtifact => ({ kind, source: `mwaa/${kind}`, body: Buffer.from(kind), sha256 });

describe('MWAA artifacts: what to upload and when to update the environment', () => {
  it('uploads new and changed content, re-points a stale version, and leaves the unchanged alone', () => {
    const remote = new Map<LocalArtifact['kind'], RemoteArtifact | undefined>([
      ['requirements', { sha256: 'aaa', versionId: 'v1' }],
      ['plugins', undefined],
      ['startup', { sha256: 'ccc', versionId: 'v8' }],
    ]);
    const actions = planArtifacts([local('requirements', 'aaa'), local('plugins', 'bbb'), local('startup', 'ccc')], ENV, remote);
    expect(actions).to.deep.equal([
      // Same content, and the environment loads exactly that version: nothing at all.
      { kind: 'requirements', key: 'config/requirements.txt', upload: false, updateEnvironment: false, reason: 'unchanged' },
      // The environment names no plugins yet: conventional key at the bucket root.
      { kind: 'plugins', key: 'plugins.zip', upload: true, updateEnvironment: true, reason: 'new' },
      // Content already there (a sync that died before UpdateEnvironment): no upload, but point the environment at it.
      { kind: 'startup', key: 'startup.sh', upload: false, updateEnvironment: true, reason: 'environment loads version v7, S3 has v8' },
    ]);
    const changed = planArtifacts([local('requirements', 'zzz')], ENV, remote);
    expect(changed[0]).to.include({ upload: true, updateEnvironment: true, reason: 'changed' });
  });

  it('reports a failed upload as DS639 and names no version for the environment', async () => {
    const port = await freeLoopbackPort(); // nothing listens there: a real connection failure
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    try {
      const artifacts = [local('plugins', 'bbb')];
      const actions = planArtifacts(artifacts, ENV, new Map([['plugins', undefined]]));
      const err = await uploadArtifacts(s3, ENV, artifacts, actions, new Map()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(SyncError);
      expect((err as SyncError).code).to.equal('DS639');
      expect((err as SyncError).message).to.match(
        /^uploading mwaa\/plugins to s3:\/\/acme-mwaa\/plugins\.zip failed: .*; the environment was not updated$/,
      );
    } finally {
      s3.destroy();
    }
  });
});
