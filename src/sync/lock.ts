import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { RemoteError } from '../diagnostics/types';
import { httpStatus } from './s3';

/**
 * One sync at a time per prefix, with a lease (Terraform's model of state locks, plus an expiry). The lock is an
 * object created with `If-None-Match: *`, so of two syncs exactly one creates it. It records who holds it (user,
 * host, pid, the CI run) and an id, and its holder rewrites it every third of its lease with `If-Match` on its ETag
 * while the sync runs. So:
 *  - a sync that is stopped (SIGINT, SIGTERM, SIGHUP, any error) releases it: see `releaseHeldLocks`;
 *  - a sync that is killed outright stops renewing it, and the next sync takes it over once the lease has run out
 *    since its last renewal (measured on S3's clock: the object's Last-Modified and the Date of the answer);
 *  - `--force-unlock ID` breaks the lock with that id at once, and no other.
 * Only syncs that write take it: a no-op sync reads and stops.
 */

/** How long a lock lives after its last renewal. Syncs of DAG folders take seconds; the holder renews it anyway. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** A lock's own lease is taken between these bounds (a forged lock cannot claim a day). */
const MIN_LEASE_MS = 1000;
const MAX_LEASE_MS = 60 * 60_000;
export const LOCK_FORMAT = 'dagsmith-lock/2';

/** The lease of this process's locks: `DAGSMITH_LOCK_LEASE_SECONDS` (tests, unusual setups), else 5 minutes. */
export function leaseFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const seconds = Number(env.DAGSMITH_LOCK_LEASE_SECONDS);
  return Number.isInteger(seconds) && seconds > 0 ? clampLease(seconds * 1000) : DEFAULT_LEASE_MS;
}

const clampLease = (ms: number): number => Math.min(MAX_LEASE_MS, Math.max(MIN_LEASE_MS, ms));

/** Who holds a lock. Never a secret: user and host names, a pid, the URL of a CI run. */
export interface LockHolder {
  readonly user: string;
  readonly host: string;
  readonly pid: number;
  /** `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID` when dagsmith runs in GitHub Actions. */
  readonly ciRun?: string;
}

export interface LockInfo {
  readonly id: string;
  /** "user@host (pid N, CI run URL)", for messages. */
  readonly owner: string;
  /** When the lock was taken (the holder's clock), ISO. */
  readonly started: string;
}

/** The lock this one replaced: one whose lease had run out, or the one --force-unlock named. */
export interface ReplacedLock extends LockInfo {
  readonly how: 'expired' | 'forced';
}

/** This process: user, host, pid and, in GitHub Actions, the URL of the run. */
export function currentHolder(env: NodeJS.ProcessEnv = process.env): LockHolder {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no user name (some containers)
  }
  const ciRun = ciRunUrl(env);
  return { user, host: hostname(), pid: process.pid, ...(ciRun ? { ciRun } : {}) };
}

/** The GitHub Actions run, from the variables GitHub sets; undefined unless all three have their documented form. */
export function ciRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  const server = env.GITHUB_SERVER_URL;
  const repo = env.GITHUB_REPOSITORY;
  const run = env.GITHUB_RUN_ID;
  if (!server || !repo || !run) return undefined;
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(server) || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo) || !/^\d+$/.test(run)) return undefined;
  return `${server}/${repo}/actions/runs/${run}`;
}

export function describeHolder(h: LockHolder): string {
  return `${h.user}@${h.host} (pid ${h.pid}${h.ciRun ? `, ${h.ciRun}` : ''})`;
}

/** Another sync holds the prefix, or --force-unlock named another lock. Exit code 3. */
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

export interface AcquireOptions {
  /** The id of a lock to break at once (`--force-unlock ID`). */
  readonly forceUnlock?: string;
  readonly leaseMs?: number;
  readonly holder?: LockHolder;
}

/** Leases held by this process, so that a signal handler can release them before the process exits. */
const held = new Set<Lease>();

/**
 * Releases every lock this process holds (each one once), for the CLI's SIGINT, SIGTERM and SIGHUP handlers: how many
 * were released, and how many could not be (they expire by themselves).
 */
export async function releaseHeldLocks(): Promise<{ readonly released: number; readonly failed: number }> {
  const results = await Promise.allSettled([...held].map((l) => l.release()));
  return { released: results.filter((r) => r.status === 'fulfilled').length, failed: results.filter((r) => r.status === 'rejected').length };
}

/** A lock this process holds: renewed every third of its lease until released. */
export class Lease {
  private etag: string;
  private timer: NodeJS.Timeout | undefined;
  private lost: LockedError | undefined;
  private lastRenewal = Date.now();
  private released: Promise<void> | undefined;

  constructor(
    private readonly target: LockTarget,
    readonly info: LockInfo,
    private readonly body: (renewed: Date) => string,
    etag: string,
    readonly leaseMs: number,
    /** The lock this one replaced. */
    readonly replaced?: ReplacedLock,
  ) {
    this.etag = etag;
    held.add(this);
    this.timer = setInterval(() => void this.renew(), Math.max(200, Math.floor(leaseMs / 3)));
    this.timer.unref();
  }

  /** Throws when the lock is no longer ours (broken with --force-unlock, or not renewed within its lease). */
  assertHeld(): void {
    if (this.lost) throw this.lost;
    if (Date.now() - this.lastRenewal >= this.leaseMs) {
      this.lost = new LockedError(`the lock ${this.target.label} could not be renewed within its lease; stopping before the next write`, this.info);
      throw this.lost;
    }
  }

  private async renew(): Promise<void> {
    if (this.released || this.lost) return;
    try {
      const res = await this.target.client.send(
        new PutObjectCommand({
          Bucket: this.target.bucket,
          Key: this.target.key,
          Body: this.body(new Date()),
          ContentType: 'application/json',
          ...this.target.sse,
          IfMatch: this.etag,
        }),
      );
      if (this.released) return;
      if (res.ETag) this.etag = res.ETag;
      this.lastRenewal = Date.now();
    } catch (err) {
      if (isPreconditionFailed(err) || httpStatus(err) === 404) {
        this.lost = new LockedError(
          `the lock ${this.target.label} was broken (--force-unlock) while this sync ran; stopping before the next write`,
          undefined,
        );
        this.stop();
      }
      // Anything else: tried again at the next tick; assertHeld() stops the sync once the lease has run out.
    }
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    held.delete(this);
  }

  /** Deletes the lock if it is still this one (by id, and by ETag where S3 honours If-Match on deletes). Once. */
  release(): Promise<void> {
    this.released ??= (async () => {
      this.stop();
      const now = await readLock(this.target);
      if (!now || now.info?.id !== this.info.id) return;
      await this.target.client.send(new DeleteObjectCommand({ Bucket: this.target.bucket, Key: this.target.key, IfMatch: now.etag }));
    })();
    return this.released;
  }
}

/**
 * Takes the lock: creates it, or replaces one whose lease has run out, or (`forceUnlock`) the one with that id.
 * A LockedError (DS603) names the holder, the lock's id and the way out.
 */
export async function acquireLock(target: LockTarget, opts: AcquireOptions = {}): Promise<Lease> {
  const leaseMs = clampLease(opts.leaseMs ?? leaseFromEnv());
  const holder = opts.holder ?? currentHolder();
  const info: LockInfo = { id: randomUUID(), owner: describeHolder(holder), started: new Date().toISOString() };
  const body = (renewed: Date): string =>
    JSON.stringify({
      format: LOCK_FORMAT,
      id: info.id,
      ...holder,
      started: info.started,
      renewed: renewed.toISOString(),
      leaseSeconds: leaseMs / 1000,
    }) + '\n';
  const put = (condition: { IfNoneMatch: '*' } | { IfMatch: string }) =>
    target.client.send(
      new PutObjectCommand({
        Bucket: target.bucket,
        Key: target.key,
        Body: body(new Date()),
        ContentType: 'application/json',
        ...target.sse,
        ...condition,
      }),
    );
  const lease = (etag: string | undefined, replaced?: ReplacedLock) => new Lease(target, info, body, etag ?? '', leaseMs, replaced);
  try {
    return lease((await put({ IfNoneMatch: '*' })).ETag);
  } catch (err) {
    if (!isPreconditionFailed(err)) {
      // The write may have reached S3 with only its answer lost: leave no lock of ours behind.
      await removeIfOurs(target, info.id);
      throw err;
    }
  }
  const current = await readLock(target);
  // Our own write, whose response was lost: the SDK retried it and S3 refused the retry.
  if (current?.info?.id === info.id) return lease(current.etag);
  if (!current) {
    // Released between our write and our read: one more try, then report as locked.
    try {
      return lease((await put({ IfNoneMatch: '*' })).ETag);
    } catch (err) {
      if (!isPreconditionFailed(err)) throw err;
      throw new LockedError(`another sync is deploying to this prefix (lock ${target.label})`, undefined);
    }
  }
  const shown = current.info ?? { id: current.fallbackId, owner: `an unreadable lock (${current.problem})`, started: 'an unknown time' };
  const expired = current.expiresAt !== undefined && current.serverNow >= current.expiresAt;
  if (opts.forceUnlock !== undefined && opts.forceUnlock !== shown.id) {
    throw new LockedError(
      `--force-unlock ${opts.forceUnlock} does not name the lock held now (lock id ${shown.id}, held by ${shown.owner} since ${shown.started}; ${target.label}); nothing was written`,
      current.info,
    );
  }
  if (opts.forceUnlock === undefined && !expired) {
    const minutes = Math.round(current.leaseMs / 60_000);
    const lease = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(current.leaseMs / 1000)} seconds`;
    throw new LockedError(
      `another sync is deploying to this prefix: locked by ${shown.owner} since ${shown.started}, lock id ${shown.id} (${target.label}). ` +
        `If that sync is gone, run again with --force-unlock ${shown.id}; a lock whose sync stops renewing it expires by itself ${lease} after its last renewal.`,
      current.info,
    );
  }
  try {
    // Replace exactly the lock we read: if a third sync took over meanwhile, this fails with 412.
    const res = await put({ IfMatch: current.etag });
    return lease(res.ETag, { ...shown, how: expired && opts.forceUnlock === undefined ? 'expired' : 'forced' });
  } catch (err) {
    if (!isPreconditionFailed(err) && httpStatus(err) !== 404) {
      await removeIfOurs(target, info.id);
      throw err;
    }
    throw new LockedError(`the lock ${target.label} changed while replacing it: another sync is starting`, undefined);
  }
}

/** Best effort: deletes the lock if it is the one with this id. */
async function removeIfOurs(target: LockTarget, id: string): Promise<void> {
  try {
    const current = await readLock(target);
    if (current?.info?.id === id)
      await target.client.send(new DeleteObjectCommand({ Bucket: target.bucket, Key: target.key, IfMatch: current.etag }));
  } catch {
    // The caller reports the original failure; a lock left behind expires by itself.
  }
}

interface CurrentLock {
  readonly etag: string;
  readonly info?: LockInfo;
  readonly problem?: string;
  /** For a lock that is not ours to read: an id for --force-unlock, from its ETag. */
  readonly fallbackId: string;
  /** The lease it claims (bounded), or the default. */
  readonly leaseMs: number;
  /** S3's clock: when the lock was last written plus its lease, and the time of this answer (ms). */
  readonly expiresAt: number | undefined;
  readonly serverNow: number;
}

/** The lock as stored; its content came from a bucket, so every field is checked (and cut to a sane length). */
async function readLock(target: LockTarget): Promise<CurrentLock | undefined> {
  const cmd = new GetObjectCommand({ Bucket: target.bucket, Key: target.key });
  let date: string | undefined;
  cmd.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const headers = (out.response as { headers?: Record<string, string> } | undefined)?.headers;
      date = headers?.date;
      return out;
    },
    { step: 'deserialize', name: 'dagsmithLockDate' },
  );
  let res;
  try {
    res = await target.client.send(cmd);
  } catch (err) {
    if (httpStatus(err) === 404) return undefined;
    throw err;
  }
  const text = (await res.Body?.transformToString('utf8')) ?? '';
  const etag = res.ETag ?? '';
  const serverNow = date !== undefined && !Number.isNaN(Date.parse(date)) ? Date.parse(date) : Date.now();
  const base = { etag, fallbackId: `etag-${etag.replace(/[^0-9A-Za-z-]/g, '').slice(0, 64)}`, serverNow };
  const expires = (leaseMs: number) => ({ leaseMs, expiresAt: res.LastModified ? res.LastModified.getTime() + leaseMs : undefined });
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { ...base, ...expires(DEFAULT_LEASE_MS), problem: 'not JSON' };
  }
  const str = (v: unknown, max = 200): string | undefined => (typeof v === 'string' && v !== '' ? v.slice(0, max) : undefined);
  const id = str(data.id, 100);
  const started = str(data.started, 40);
  const leaseMs = typeof data.leaseSeconds === 'number' && data.leaseSeconds > 0 ? clampLease(data.leaseSeconds * 1000) : DEFAULT_LEASE_MS;
  // A lock of this format names its holder's parts; an older dagsmith's lock has one `owner` string.
  const user = str(data.user);
  const host = str(data.host);
  const owner =
    user && host && Number.isInteger(data.pid)
      ? describeHolder({ user, host, pid: data.pid as number, ...(str(data.ciRun, 300) ? { ciRun: str(data.ciRun, 300)! } : {}) })
      : str(data.owner);
  if (!id || !owner || !started || Number.isNaN(Date.parse(started))) return { ...base, ...expires(leaseMs), problem: 'no id, holder or start time' };
  return { ...base, ...expires(leaseMs), info: { id, owner, started } };
}

export function isPreconditionFailed(err: unknown): boolean {
  return httpStatus(err) === 412 || (err as { name?: string })?.name === 'PreconditionFailed';
}
