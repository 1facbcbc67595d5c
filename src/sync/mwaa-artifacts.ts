/**
 * requirements.txt, plugins.zip and startup.sh: read from the project's mwaa/ folder, compared with S3 by content
 * hash (never by date), uploaded when they differ, and then the environment is pointed at the new object
 * versions. An unchanged artifact causes neither an upload nor an environment update (which would restart
 * every Airflow component of the environment for 20-30 minutes).
 */
import { sha256 } from '../util/hash';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ArtifactRef, ArtifactUpdate, MwaaEnvironmentInfo } from './mwaa';
import { pluginsZipFromFolder } from './plugins-zip';
import { errnoText } from '../util/errno';
import { SyncError, SyncUsageError } from './sync-error';

export type ArtifactKind = 'requirements' | 'plugins' | 'startup';
export const ARTIFACT_KINDS: readonly ArtifactKind[] = ['requirements', 'plugins', 'startup'];

/** Where each artifact comes from in the project, and its S3 key when the environment names none yet. */
export const ARTIFACT_LAYOUT: Readonly<Record<ArtifactKind, { source: string; defaultKey: string; contentType: string }>> = {
  requirements: { source: 'mwaa/requirements.txt', defaultKey: 'requirements.txt', contentType: 'text/plain' },
  plugins: { source: 'mwaa/plugins', defaultKey: 'plugins.zip', contentType: 'application/zip' },
  startup: { source: 'mwaa/startup.sh', defaultKey: 'startup.sh', contentType: 'text/x-shellscript' },
};

/** Object metadata holding the sha256 of the content (x-amz-meta-dagsmith-sha256). */
export const SHA256_METADATA = 'dagsmith-sha256';

export interface LocalArtifact {
  readonly kind: ArtifactKind;
  /** Project-relative source (a file, or the plugins folder). */
  readonly source: string;
  readonly body: Buffer;
  readonly sha256: string;
}

/** The artifacts the project has (none is fine: most projects deploy DAGs only). */
export function readLocalArtifacts(projectRoot: string): LocalArtifact[] {
  const out: LocalArtifact[] = [];
  for (const kind of ARTIFACT_KINDS) {
    const { source } = ARTIFACT_LAYOUT[kind];
    const abs = join(projectRoot, source);
    if (!existsSync(abs)) continue;
    const body = kind === 'plugins' && statSync(abs).isDirectory() ? pluginsZipFromFolder(abs) : readArtifactFile(abs, source);
    out.push({ kind, source, body, sha256: sha256(body) });
  }
  return out;
}

/** A regular file's bytes; anything else (a folder, a FIFO, which would block) is DS639 before any remote call. */
function readArtifactFile(abs: string, source: string): Buffer {
  try {
    if (!statSync(abs).isFile()) throw new SyncUsageError('DS639', `${source} is not a regular file; nothing was deployed`);
    return readFileSync(abs);
  } catch (err) {
    if (err instanceof SyncUsageError) throw err;
    throw new SyncUsageError('DS639', `cannot read ${source} (${errnoText(err)}); nothing was deployed`);
  }
}

/** What S3 holds at an artifact's key: the hash dagsmith recorded and the current object version. */
export interface RemoteArtifact {
  readonly sha256: string | undefined;
  readonly versionId: string | undefined;
}

export interface ArtifactAction {
  readonly kind: ArtifactKind;
  readonly key: string;
  readonly upload: boolean;
  /** UpdateEnvironment must name this artifact (new content, or the environment loads another version/path). */
  readonly updateEnvironment: boolean;
  readonly reason: string;
}

function envRef(env: MwaaEnvironmentInfo, kind: ArtifactKind): ArtifactRef | undefined {
  return kind === 'requirements' ? env.requirements : kind === 'plugins' ? env.plugins : env.startup;
}

/** The key of an artifact: the path the environment already uses, else the conventional name at the bucket root. */
export function artifactKey(env: MwaaEnvironmentInfo, kind: ArtifactKind): string {
  return envRef(env, kind)?.path ?? ARTIFACT_LAYOUT[kind].defaultKey;
}

/** Pure: what to do with each local artifact, given the environment and what S3 holds at each key. */
export function planArtifacts(
  local: readonly LocalArtifact[],
  env: MwaaEnvironmentInfo,
  remote: ReadonlyMap<ArtifactKind, RemoteArtifact | undefined>,
): ArtifactAction[] {
  return local.map((a) => {
    const key = artifactKey(env, a.kind);
    const ref = envRef(env, a.kind);
    const there = remote.get(a.kind);
    if (!there) return { kind: a.kind, key, upload: true, updateEnvironment: true, reason: 'new' };
    if (there.sha256 !== a.sha256) return { kind: a.kind, key, upload: true, updateEnvironment: true, reason: 'changed' };
    if (!ref) return { kind: a.kind, key, upload: false, updateEnvironment: true, reason: 'uploaded, not yet used by the environment' };
    if (ref.version !== there.versionId) {
      return {
        kind: a.kind,
        key,
        upload: false,
        updateEnvironment: true,
        reason: `environment loads version ${ref.version ?? '(latest)'}, S3 has ${there.versionId ?? '(unversioned)'}`,
      };
    }
    return { kind: a.kind, key, upload: false, updateEnvironment: false, reason: 'unchanged' };
  });
}

function awsMessage(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return `${e.name ?? 'Error'}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}: ${e.message ?? String(err)}`;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

/** HeadObject of each artifact key (one request each; a missing object is `undefined`). */
export async function readRemoteArtifacts(
  s3: S3Client,
  env: MwaaEnvironmentInfo,
  kinds: readonly ArtifactKind[],
): Promise<Map<ArtifactKind, RemoteArtifact | undefined>> {
  const out = new Map<ArtifactKind, RemoteArtifact | undefined>();
  for (const kind of kinds) {
    const key = artifactKey(env, kind);
    try {
      const head = await s3.send(new HeadObjectCommand({ Bucket: env.bucket, Key: key }));
      out.set(kind, { sha256: head.Metadata?.[SHA256_METADATA], versionId: head.VersionId });
    } catch (err) {
      if (!isNotFound(err)) throw new SyncError('DS639', `cannot read s3://${env.bucket}/${key}: ${awsMessage(err)}`);
      out.set(kind, undefined);
    }
  }
  return out;
}

/**
 * Uploads what changed and returns the UpdateEnvironment arguments (empty when nothing needs one). A PutObject
 * answer without a VersionId means versioning is off: that is DS633, never an update naming no version.
 */
export async function uploadArtifacts(
  s3: S3Client,
  env: MwaaEnvironmentInfo,
  local: readonly LocalArtifact[],
  actions: readonly ArtifactAction[],
  remote: ReadonlyMap<ArtifactKind, RemoteArtifact | undefined>,
  opts: { kmsKey?: string } = {},
): Promise<ArtifactUpdate> {
  const update: { -readonly [K in keyof ArtifactUpdate]: ArtifactUpdate[K] } = {};
  for (const action of actions) {
    if (!action.updateEnvironment) continue;
    const artifact = local.find((a) => a.kind === action.kind)!;
    let version = remote.get(action.kind)?.versionId;
    if (action.upload) {
      const input = {
        Bucket: env.bucket,
        Key: action.key,
        Body: artifact.body,
        ContentType: ARTIFACT_LAYOUT[action.kind].contentType,
        Metadata: { [SHA256_METADATA]: artifact.sha256 },
        ...(opts.kmsKey ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: opts.kmsKey } : {}),
      };
      const put = await s3.send(new PutObjectCommand(input)).catch((err: unknown) => {
        const where = `${ARTIFACT_LAYOUT[action.kind].source} to s3://${env.bucket}/${action.key}`;
        throw new SyncError('DS639', `uploading ${where} failed: ${awsMessage(err)}; the environment was not updated`);
      });
      version = put.VersionId;
    }
    if (!version || version === 'null') {
      throw new SyncError('DS633', `s3://${env.bucket}/${action.key} has no object version; MWAA needs a versioned bucket to load ${action.kind}`);
    }
    update[action.kind] = { path: action.key, version };
  }
  return update;
}
