import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { RemoteError, UsageError } from '../diagnostics/types';
import { SyncError } from './sync-error';
import { acquireLock, LockedError, type Lease, type LockTarget, type ReplacedLock } from './lock';
import {
  LOCK_NAME,
  MANIFEST_NAME,
  ManifestError,
  parseManifest,
  serializeManifest,
  STATE_FOLDER,
  type Manifest,
  type ManifestEntry,
} from './manifest';
import { planSync, type ProbeResult, type RemoteObject, type SyncPlan } from './plan';
import { createS3Session, describeAwsError, httpStatus, type S3Session, type S3SessionOptions } from './s3';
import type { LocalFile, SyncDestination } from './types';

/** Metadata key holding the sha256 of an uploaded file (x-amz-meta-dagsmith-sha256). */
export const SHA256_METADATA = 'dagsmith-sha256';
const DEFAULT_CONCURRENCY = 8;
// DeleteObjects takes at most 1000 keys per request.
const DELETE_BATCH = 1000;

export interface DagSyncRequest {
  readonly destination: SyncDestination;
  readonly files: readonly LocalFile[];
  /** Airflow version the files were compiled for (recorded in the manifest). */
  readonly airflow: string;
  readonly prune?: boolean;
  readonly dryRun?: boolean;
  /** The id of a lock to break at once (`--force-unlock ID`): a sync that died holding it. */
  readonly forceUnlock?: string;
  /** How long the lock lives after its last renewal (default: DAGSMITH_LOCK_LEASE_SECONDS, else 5 minutes). */
  readonly leaseMs?: number;
  /** Stops the sync (SIGINT, SIGTERM, SIGHUP): requests in flight are aborted, nothing more is written, the lock goes. */
  readonly signal?: AbortSignal;
  readonly concurrency?: number;
  /** "dagsmith 0.1.0": recorded in the manifest. */
  readonly generator: string;
  readonly onEvent?: (event: SyncEvent) => void;
  readonly session?: S3SessionOptions;
}

export type SyncEvent =
  | { readonly type: 'planned'; readonly plan: SyncPlan }
  | { readonly type: 'uploaded'; readonly name: string; readonly bytes: number; readonly done: number; readonly of: number }
  | { readonly type: 'deleted'; readonly name: string }
  /** A lock whose lease had run out was taken over, or the one --force-unlock named was broken. */
  | { readonly type: 'lock-replaced'; readonly lock: ReplacedLock };

export interface DagSyncReport {
  readonly destination: SyncDestination;
  readonly dryRun: boolean;
  readonly plan: SyncPlan;
  readonly uploaded: readonly string[];
  readonly deleted: readonly string[];
  /** Bytes of DAG files uploaded (the manifest and the lock not included). */
  readonly bytes: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsByOperation: Readonly<Record<string, number>>;
  readonly brokeLock?: ReplacedLock;
  /** The manifest now stored (after a dry run or a no-op: the one read). */
  readonly manifest: Manifest | undefined;
}

/** A sync that stopped part-way. What was written is consistent: see the class comment of the error. */
export class SyncFailedError extends RemoteError {
  constructor(
    message: string,
    readonly requests: number,
  ) {
    super(message);
  }
}

/** A sync stopped by a signal (SIGINT, SIGTERM, SIGHUP): what was written is consistent, and the lock is released. */
export class SyncStoppedError extends SyncFailedError {
  constructor(
    /** The abort reason: the signal's name when the CLI stopped it. */
    readonly reason: unknown,
    message: string,
    requests: number,
  ) {
    super(message, requests);
  }
}

interface RemoteState {
  readonly manifest: Manifest | undefined;
  readonly manifestEtag: string | undefined;
  readonly remote: readonly RemoteObject[];
}

/**
 * Plan, then apply: uploads (bounded concurrency, the SDK's standard retries), then the manifest, then (with
 * --prune) the deletes and a manifest without them. Whatever request fails, the stored manifest lists only
 * objects that exist, no object the manifest does not list is deleted, and the next sync converges.
 */
export async function syncDags(req: DagSyncRequest): Promise<DagSyncReport> {
  const started = Date.now();
  const dest = req.destination;
  const session = createS3Session(dest, req.session);
  const s3 = new Remote(session, dest, req.signal);
  const lockTarget: LockTarget = {
    client: session.client,
    bucket: dest.bucket,
    key: dest.prefix + LOCK_NAME,
    label: `s3://${dest.bucket}/${dest.prefix}${LOCK_NAME}`,
    ...(dest.kmsKeyId ? { sse: { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: dest.kmsKeyId } } : {}),
  };
  const local = new Map(req.files.map((f) => [f.name, f]));
  const planFiles = req.files.map((f) => ({ name: f.name, sha256: f.sha256, size: f.content.length, ...(f.summary ? { summary: f.summary } : {}) }));

  const makePlan = async (state: RemoteState): Promise<SyncPlan> => {
    const input = { local: planFiles, remote: state.remote, manifest: state.manifest, airflow: req.airflow, prune: Boolean(req.prune) };
    const first = planSync(input);
    if (first.probe.length === 0) return first;
    return planSync({ ...input, probes: await s3.probe(first.probe, req.concurrency) });
  };
  const report = (plan: SyncPlan, extra: Partial<DagSyncReport>): DagSyncReport => {
    const { total, byOperation } = session.requests();
    return {
      destination: dest,
      dryRun: Boolean(req.dryRun),
      plan,
      uploaded: [],
      deleted: [],
      bytes: 0,
      seconds: (Date.now() - started) / 1000,
      requests: total,
      requestsByOperation: Object.fromEntries([...byOperation].sort()),
      manifest: undefined,
      ...extra,
    };
  };
  const fail = (what: string, err: unknown, after: string): never => {
    if (err instanceof LockedError || err instanceof RemoteError || err instanceof UsageError) throw err;
    if (req.signal?.aborted) throw new SyncStoppedError(req.signal.reason, `${what} was stopped. ${after}`, session.requests().total);
    throw new SyncFailedError(`${what} failed: ${describeAwsError(err)}. ${after}`, session.requests().total);
  };

  try {
    try {
      await session.client.config.region();
    } catch {
      throw new UsageError('no AWS region: set AWS_REGION, or a region in the AWS profile (AWS_PROFILE)');
    }
    let state: RemoteState;
    try {
      state = await s3.readState();
    } catch (err) {
      return fail(`reading s3://${dest.bucket}/${dest.prefix}`, err, 'Nothing was written.');
    }
    let plan = await makePlan(state).catch((err) => fail('reading object metadata', err, 'Nothing was written.'));
    req.onEvent?.({ type: 'planned', plan });
    if (req.dryRun || plan.conflicts.length > 0) return report(plan, { manifest: state.manifest });
    if (!plan.writes) {
      // Nothing to write, so no lock is needed; but --force-unlock asks for a lock to go, and it goes.
      const broke =
        req.forceUnlock !== undefined
          ? await breakLock(lockTarget, req.forceUnlock, req.leaseMs).catch((err) => fail('breaking the lock', err, 'Nothing else was written.'))
          : undefined;
      if (broke) req.onEvent?.({ type: 'lock-replaced', lock: broke });
      return report(plan, { manifest: state.manifest, ...(broke ? { brokeLock: broke } : {}) });
    }

    req.signal?.throwIfAborted();
    let lock: Lease;
    try {
      lock = await acquireLock(lockTarget, { forceUnlock: req.forceUnlock, leaseMs: req.leaseMs });
    } catch (err) {
      return fail('taking the lock', err, 'Nothing was written.');
    }
    if (lock.replaced) req.onEvent?.({ type: 'lock-replaced', lock: lock.replaced });
    // Before each write: still ours, and not stopped.
    const mayWrite = (): void => {
      lock.assertHeld();
      req.signal?.throwIfAborted();
    };
    let released = false;
    try {
      // Another sync may have finished between our read and the lock: if the manifest changed, plan again.
      const fresh = await s3.readStateIfChanged(state).catch((err) => fail('re-reading the manifest', err, 'Nothing was written.'));
      if (fresh) {
        state = fresh;
        plan = await makePlan(state).catch((err) => fail('reading object metadata', err, 'Nothing was written.'));
        req.onEvent?.({ type: 'planned', plan });
        if (!plan.writes || plan.conflicts.length > 0) return report(plan, { manifest: state.manifest, brokeLock: lock.replaced });
      }

      mayWrite();
      const etags = await s3
        .upload(plan, local, req.concurrency, req.onEvent)
        .catch((err) => fail('uploading', err, 'The manifest was not changed; the next sync uploads what is missing.'));
      const uploaded = plan.uploads.map((u) => u.file.name);
      const bytes = plan.uploads.reduce((n, u) => n + u.file.size, 0);
      let manifest: Manifest = {
        ...plan.manifest,
        files: plan.manifest.files.map((e) => (e.etag === '' ? { ...e, etag: etags.get(e.name)! } : e)),
      };
      try {
        mayWrite();
      } catch (err) {
        return fail('the sync', err, 'The manifest was not changed; the next sync records or uploads what is missing.');
      }
      await s3
        .writeManifest(manifest, req.generator)
        .catch((err) => fail('writing the manifest', err, 'The DAG files are uploaded; the next sync records them without uploading them again.'));

      let deleted: string[] = [];
      if (plan.deletes.length > 0) {
        try {
          mayWrite();
        } catch (err) {
          return fail('the sync', err, 'The manifest holds the objects as pending deletion; the next sync with --prune deletes them.');
        }
        const outcome = await s3
          .deleteObjects(plan.deletes, req.onEvent)
          .catch((err) => fail('pruning', err, 'The manifest holds the objects as pending deletion; the next sync with --prune deletes them.'));
        deleted = outcome.deleted;
        manifest = { ...manifest, pruning: plan.manifest.pruning.filter((e) => !outcome.deleted.includes(e.name)) };
        await s3
          .writeManifest(manifest, req.generator)
          .catch((err) => fail('writing the manifest after pruning', err, 'The next sync with --prune records the deletes.'));
        if (outcome.failed.length > 0) {
          throw new SyncFailedError(
            `could not delete ${outcome.failed.map((f) => `${f.name} (${f.reason})`).join(', ')}; the next sync with --prune tries again`,
            session.requests().total,
          );
        }
      }
      released = true;
      await lock
        .release()
        .catch((err) =>
          fail(
            'removing the lock',
            err,
            `The sync is complete, but the lock ${lockTarget.label} is left behind: it expires by itself ${Math.round(lock.leaseMs / 1000)}s after its last renewal (or use --force-unlock ${lock.info.id}).`,
          ),
        );
      return report(plan, { uploaded, deleted, bytes, manifest, brokeLock: lock.replaced });
    } finally {
      if (!released) await lock.release().catch(() => undefined);
    }
  } finally {
    session.client.destroy();
  }
}

/** --force-unlock ID on a sync with nothing to write: breaks that lock (taking it, then giving it back at once). */
async function breakLock(target: LockTarget, id: string, leaseMs: number | undefined): Promise<ReplacedLock | undefined> {
  const lock = await acquireLock(target, { forceUnlock: id, leaseMs });
  await lock.release();
  return lock.replaced;
}

/** The S3 calls of a sync, scoped to one destination. */
class Remote {
  private readonly sse: Partial<PutObjectCommandInput>;

  constructor(
    private readonly session: S3Session,
    private readonly dest: SyncDestination,
    /** Aborts the requests in flight when the sync is stopped. */
    private readonly signal?: AbortSignal,
  ) {
    this.sse = dest.kmsKeyId ? { ServerSideEncryption: 'aws:kms', SSEKMSKeyId: dest.kmsKeyId } : {};
  }

  private get client() {
    return this.session.client;
  }

  async readState(): Promise<RemoteState> {
    const [manifest, remote] = await Promise.all([this.readManifest(), this.list()]);
    if (manifest === 'unchanged') throw new Error('internal error: an unconditional GET answered 304');
    return { ...manifest, remote };
  }

  /** One conditional GET: undefined when the manifest is as read before, else the whole state read again. */
  async readStateIfChanged(before: RemoteState): Promise<RemoteState | undefined> {
    const now = await this.readManifest(before.manifestEtag);
    if (now === 'unchanged') return undefined;
    if (now.manifestEtag === undefined && before.manifestEtag === undefined) return undefined;
    return { ...now, remote: await this.list() };
  }

  private async readManifest(ifNoneMatch?: string): Promise<{ manifest: Manifest | undefined; manifestEtag: string | undefined } | 'unchanged'> {
    const Key = this.dest.prefix + MANIFEST_NAME;
    let res;
    try {
      res = await this.client.send(new GetObjectCommand({ Bucket: this.dest.bucket, Key, ...(ifNoneMatch ? { IfNoneMatch: ifNoneMatch } : {}) }), {
        abortSignal: this.signal,
      });
    } catch (err) {
      const status = httpStatus(err);
      if (status === 304) return 'unchanged';
      if (status === 404 && (err as { name?: string }).name !== 'NoSuchBucket') return { manifest: undefined, manifestEtag: undefined };
      throw err;
    }
    const text = (await res.Body?.transformToString('utf8')) ?? '';
    try {
      return { manifest: parseManifest(text), manifestEtag: res.ETag };
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      throw new SyncError(
        'DS601',
        `the manifest s3://${this.dest.bucket}/${Key} cannot be used: ${err.message}. ` +
          'dagsmith will not guess what it manages; restore an earlier version of the object (the bucket is versioned) or delete it',
      );
    }
  }

  private async list(): Promise<RemoteObject[]> {
    const out: RemoteObject[] = [];
    const pages = paginateListObjectsV2({ client: this.client }, { Bucket: this.dest.bucket, Prefix: this.dest.prefix });
    for await (const page of pages) {
      for (const o of page.Contents ?? []) {
        const name = (o.Key ?? '').slice(this.dest.prefix.length);
        // Folder markers ("dags/") and dagsmith's own state are not DAG files.
        if (name === '' || name.endsWith('/') || name.startsWith(STATE_FOLDER)) continue;
        out.push({ name, size: o.Size ?? 0, etag: o.ETag ?? '' });
      }
    }
    return out;
  }

  async probe(names: readonly string[], concurrency = DEFAULT_CONCURRENCY): Promise<Map<string, ProbeResult>> {
    const limit = pLimit(concurrency);
    const results = await Promise.all(
      names.map((name) =>
        limit(async () => {
          const res = await this.client.send(new HeadObjectCommand({ Bucket: this.dest.bucket, Key: this.dest.prefix + name }), {
            abortSignal: this.signal,
          });
          const sha256 = res.Metadata?.[SHA256_METADATA];
          return [name, { etag: res.ETag ?? '', sha256: sha256 && /^[0-9a-f]{64}$/.test(sha256) ? sha256 : undefined }] as const;
        }),
      ),
    );
    return new Map(results);
  }

  /** Uploads the planned files; returns the ETag of each. Stops queuing at the first failure. */
  async upload(
    plan: SyncPlan,
    local: ReadonlyMap<string, LocalFile>,
    concurrency = DEFAULT_CONCURRENCY,
    onEvent?: (e: SyncEvent) => void,
  ): Promise<Map<string, string>> {
    const limit = pLimit(concurrency);
    const etags = new Map<string, string>();
    let done = 0;
    const jobs = plan.uploads.map(({ file }) =>
      limit(async () => {
        const content = local.get(file.name)!.content;
        const res = await this.client.send(
          new PutObjectCommand({
            Bucket: this.dest.bucket,
            Key: this.dest.prefix + file.name,
            Body: content,
            ContentType: file.name.endsWith('.py') ? 'text/x-python' : 'application/octet-stream',
            Metadata: { [SHA256_METADATA]: file.sha256 },
            ...this.sse,
          }),
          { abortSignal: this.signal },
        );
        if (!res.ETag) throw new Error(`S3 returned no ETag for ${file.name}`);
        etags.set(file.name, res.ETag);
        onEvent?.({ type: 'uploaded', name: file.name, bytes: content.length, done: ++done, of: plan.uploads.length });
      }).catch((err) => {
        limit.clearQueue();
        throw err;
      }),
    );
    const settled = await Promise.allSettled(jobs);
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    return etags;
  }

  async writeManifest(manifest: Manifest, generator: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.dest.bucket,
        Key: this.dest.prefix + MANIFEST_NAME,
        Body: serializeManifest(manifest, generator),
        ContentType: 'application/json',
        ...this.sse,
      }),
      { abortSignal: this.signal },
    );
  }

  async deleteObjects(
    entries: readonly ManifestEntry[],
    onEvent?: (e: SyncEvent) => void,
  ): Promise<{ deleted: string[]; failed: { name: string; reason: string }[] }> {
    const deleted: string[] = [];
    const failed: { name: string; reason: string }[] = [];
    for (let i = 0; i < entries.length; i += DELETE_BATCH) {
      const batch = entries.slice(i, i + DELETE_BATCH);
      const res = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.dest.bucket,
          Delete: { Objects: batch.map((e) => ({ Key: this.dest.prefix + e.name })), Quiet: true },
        }),
        { abortSignal: this.signal },
      );
      const errors = new Map((res.Errors ?? []).map((e) => [(e.Key ?? '').slice(this.dest.prefix.length), `${e.Code}: ${e.Message}`]));
      for (const e of batch) {
        const reason = errors.get(e.name);
        if (reason !== undefined) failed.push({ name: e.name, reason });
        else {
          deleted.push(e.name);
          onEvent?.({ type: 'deleted', name: e.name });
        }
      }
    }
    return { deleted, failed };
  }
}
