import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { RemoteError } from '../diagnostics/types';
import { httpStatus } from './s3';

/**
 * One sync at a time per prefix. The lock is an object created with `If-None-Match: *`, which S3 (and moto
 * 5.1.10's server) refuses with 412 when the object exists, so of two syncs exactly one creates it.
 * Only syncs that write take it: a no-op sync reads and stops.
 */

/** Locks older than this may be broken with --force-unlock. Syncs of DAG folders take seconds. */
export const STALE_LOCK_MS = 15 * 60 * 1000;

export interface LockInfo {
  readonly id: string;
  /** "user@host (pid N)": whose it is, for the message of the sync that finds it. Never a secret. */
  readonly owner: string;
  /** ISO time the lock was taken. */
  readonly started: string;
}

export interface HeldLock {
  readonly info: LockInfo;
  /** The lock this one replaced with --force-unlock. */
  readonly broke?: LockInfo & { readonly ageMs: number };
}

/** Another sync holds the prefix (or held it and died). Exit code 3. */
export class LockedError extends RemoteError {
  readonly code = 'DS603';
  constructor(
    message: string,
    readonly holder: LockInfo | undefined,
  ) {
    super(message);
  }
}

export interface LockTarget {
  readonly client: S3Client;
  readonly bucket: string;
  readonly key: string;
  /** Where the lock is, for messages: s3://bucket/key. */
  readonly label: string;
  /** SSE-KMS settings of every write of the sync (a bucket policy may require them). */
  readonly sse?: { readonly ServerSideEncryption: 'aws:kms'; readonly SSEKMSKeyId: string };
}

export function describeOwner(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no user name (some containers)
  }
  return `${user}@${hostname()} (pid ${process.pid})`;
}

export async function acquireLock(target: LockTarget, opts: { forceUnlock: boolean; staleAfterMs?: number; now?: () => number }): Promise<HeldLock> {
  const now = opts.now ?? Date.now;
  const staleAfterMs = opts.staleAfterMs ?? STALE_LOCK_MS;
  const info: LockInfo = { id: randomUUID(), owner: describeOwner(), started: new Date(now()).toISOString() };
  const body = JSON.stringify(info) + '\n';
  const put = (condition: { IfNoneMatch: '*' } | { IfMatch: string }) =>
    target.client.send(
      new PutObjectCommand({ Bucket: target.bucket, Key: target.key, Body: body, ContentType: 'application/json', ...target.sse, ...condition }),
    );
  try {
    await put({ IfNoneMatch: '*' });
    return { info };
  } catch (err) {
    if (!isPreconditionFailed(err)) {
      // The write may have reached S3 with only its answer lost: leave no lock of ours behind.
      await removeIfOurs(target, info.id);
      throw err;
    }
  }
  // Someone holds it: say who, and break it only if asked and it is stale.
  const held = await readLock(target);
  // Our own write, whose response was lost: the SDK retried it and S3 refused the retry.
  if (held?.info?.id === info.id) return { info };
  if (!held) {
    // Released between our write and our read: one more try, then report as locked.
    try {
      await put({ IfNoneMatch: '*' });
      return { info };
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      throw new LockedError(`another sync is deploying to this prefix (lock ${target.label})`, undefined);
    }
  }
  const ageMs = held.info ? now() - Date.parse(held.info.started) : Number.NaN;
  const whose = held.info ? `${held.info.owner} since ${held.info.started}` : `an unreadable lock (${held.problem})`;
  const limit = `${Math.round(staleAfterMs / 60000)} minutes`;
  if (!opts.forceUnlock) {
    throw new LockedError(
      `another sync is deploying to this prefix: locked by ${whose} (${target.label}). ` +
        `If that sync died, run again with --force-unlock once the lock is older than ${limit}.`,
      held.info,
    );
  }
  // An unreadable lock (not our format) counts as stale: nothing says when it was taken.
  if (held.info && !(ageMs >= staleAfterMs)) {
    throw new LockedError(
      `locked by ${whose} (${target.label}), ${Math.max(0, Math.round(ageMs / 1000))}s ago: --force-unlock only breaks locks older than ${limit}`,
      held.info,
    );
  }
  try {
    // Replace exactly the lock we read: if a third sync took over meanwhile, this fails with 412.
    await put({ IfMatch: held.etag });
  } catch (err) {
    if (!isPreconditionFailed(err) && httpStatus(err) !== 404) {
      await removeIfOurs(target, info.id);
      throw err;
    }
    throw new LockedError(`the lock ${target.label} changed while breaking it: another sync is starting`, undefined);
  }
  const fallback: LockInfo = { id: 'unknown', owner: 'unknown owner', started: 'unknown time' };
  return { info, broke: { ...(held.info ?? fallback), ageMs: Number.isNaN(ageMs) ? 0 : ageMs } };
}

export async function releaseLock(target: LockTarget): Promise<void> {
  await target.client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: target.key }));
}

/** Best effort: deletes the lock if it is the one with this id. */
async function removeIfOurs(target: LockTarget, id: string): Promise<void> {
  try {
    const held = await readLock(target);
    if (held?.info?.id === id) await releaseLock(target);
  } catch {
    // The caller reports the original failure; a lock left behind names its owner and can be broken.
  }
}

async function readLock(target: LockTarget): Promise<{ etag: string; info?: LockInfo; problem?: string } | undefined> {
  let res;
  try {
    res = await target.client.send(new GetObjectCommand({ Bucket: target.bucket, Key: target.key }));
  } catch (err) {
    if (httpStatus(err) === 404) return undefined;
    throw err;
  }
  const text = (await res.Body?.transformToString('utf8')) ?? '';
  const etag = res.ETag ?? '';
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    if (typeof data.owner === 'string' && typeof data.started === 'string' && !Number.isNaN(Date.parse(data.started))) {
      return { etag, info: { id: typeof data.id === 'string' ? data.id : '', owner: data.owner.slice(0, 200), started: data.started } };
    }
    return { etag, problem: 'no owner or start time' };
  } catch {
    return { etag, problem: 'not JSON' };
  }
}

export function isPreconditionFailed(err: unknown): boolean {
  return httpStatus(err) === 412 || (err as { name?: string })?.name === 'PreconditionFailed';
}
