/**
 * The incremental-compile cache: what `buildProject` found and produced for each pipeline file, keyed on content.
 *
 * An entry is reused only when every input it was built from is byte-for-byte what it was: the pipeline file, the
 * files it read (SQL files, TypeScript modules it imports), the value of each deploy-time variable it looked up
 * (and the set of defined names when it needed them for a hint), the Airflow target, the output folder, and the
 * dagsmith code itself. Checks that span pipelines (duplicate ids) run every time over cached and fresh results.
 *
 * Layout: `.dagsmith/cache/<key>/index.json`, one per target and output folder, small: it holds no DAG text (a
 * DAG file found missing or edited is compiled again from its pipeline, which costs a few milliseconds). A no-op
 * compile reads only the index: an input whose size, times and inode are what they were when it was hashed is not
 * read again, unless it was written within FRESH_MS of being hashed (a later write could then carry the same
 * timestamps; it is hashed instead, as git does for "racy" files).
 *
 * The project folder may come from a pull request, `.dagsmith/` included, so the cache trusts nothing it did not
 * write itself: the index is signed with an HMAC whose key is a random secret kept in the user's cache folder
 * (outside the project), so a committed or forged index fails it and is ignored, as is one of another format or key.
 * Cache folders that are symbolic links (or not folders) disable the cache for the run: it reads and writes only
 * inside the project, and its index is written as a new file renamed into place (src/util/safe-write.ts), never
 * through a link a pull request committed at the index's name or any other.
 */
import type { PipelineAssets } from '../base/asset-condition';
import { VERSION } from '../util/version';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sha256 } from '../util/hash';
import { isRecord } from '../util/is-record';
import { isUnknownArray, parseJson } from '../util/json';
import { homedir } from 'node:os';
import { mkdirSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { isRealFolderOrAbsent, writeFileSafely, writeNewFile } from '../util/safe-write';
import { MAX_FILE_BYTES, readRegularBytes } from '../load/text';
import { dirname, join, relative } from 'node:path';
import type { Diagnostic, SourceRange } from '../diagnostics/types';

export const CACHE_DIR = '.dagsmith/cache';
const FORMAT = 'dagsmith-compile-cache/3';
/** Cache folders kept per project (one per target and output folder in use); the least recently written go first. */
const MAX_FOLDERS = 8;
/** A file changed less than this long before it was hashed may change again with the same timestamps. */
const FRESH_MS = 2000;
/** DAG files are ours and may be larger than any input (a 5,000-step pipeline); hashing stops past this. */
const MAX_DAG_BYTES = 64 * 1024 * 1024;

/** What a file's metadata says about its bytes: size, mtime, ctime (ms) and inode. */
export type FileSignature = readonly [number, number, number, number];

/** An input of one pipeline: a project-relative file, the sha256 of its bytes (null: unreadable), its signature. */
export interface FileDependency {
  readonly path: string;
  readonly sha256: string | null;
  /** Set when the file was old enough when hashed for its metadata to stand for its bytes. */
  readonly sig: FileSignature | null;
}

export interface CachedPipeline {
  readonly id: string;
  /** Where the `id` value is in the source; null when nothing needed it yet (it is found again on demand). */
  readonly idRange: SourceRange | null;
  readonly outPath: string;
  /** sha256 of the DAG file's text. */
  readonly outSha256: string;
  /** The DAG file's signature after this compile wrote or checked it. */
  readonly outSig: FileSignature | null;
  /** What it produces and is scheduled on (the project's asset graph is checked on every compile). */
  readonly assets?: PipelineAssets;
}

export interface CacheEntry {
  readonly file: string;
  readonly deps: readonly FileDependency[];
  /** Each variable looked up, with its value then (null: undefined). */
  readonly vars: readonly (readonly [string, string | null])[];
  /** The sorted names of all variables, when the file needed them (a "did you mean" hint); else null. */
  readonly varNames: readonly string[] | null;
  /** Everything reported for this file alone. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the file has no errors of its own (and so has a DAG file). */
  readonly pipeline: CachedPipeline | null;
}

interface IndexFile {
  readonly format: string;
  readonly key: string;
  readonly entries: readonly CacheEntry[];
}

/**
 * sha256 of a regular file's bytes; null when it is missing, unreadable or not a regular file (reading a FIFO would
 * never end); a marker that matches no hash when it is larger than `maxBytes` (a compile would refuse it anyway).
 */
export function hashFile(abs: string, maxBytes = MAX_FILE_BYTES): string | null {
  const read = readRegularBytes(abs, maxBytes);
  if (read.kind === 'too-large') return `larger-than-${maxBytes}-bytes`;
  return read.kind === 'bytes' ? sha256(read.bytes) : null;
}

function statOf(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

function signatureOf(st: Stats): FileSignature {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

const sameSig = (a: FileSignature | null, b: FileSignature): boolean => !!a && a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/**
 * A time on the wall clock, in milliseconds, that no file written before this call can carry: file times are the
 * wall clock (to a fraction of a millisecond, and somewhat behind it), and `Date.now()` rounds it down, so a file
 * written in the same millisecond before a compile started would look written after it; one millisecond more is
 * past every such write.
 * Not `performance.timeOrigin + performance.now()`: that is the wall clock read once at process start plus a
 * monotonic clock, and it drifts from the wall clock in a long-lived process (`compile --watch`, a test run, an
 * editor) whenever the wall clock is adjusted. Behind it, every file looked changed during the compile and was never
 * taken from the cache; ahead of it, a file changed during a compile could look settled.
 */
export function preciseNow(): number {
  return Date.now() + 1;
}

/** Stands for "this file changed while it was being compiled": equal to no hash, so the entry is never reused. */
const CHANGED_DURING_COMPILE = 'changed-during-compile';

/**
 * A file's sha256 and (when it had settled FRESH_MS before `since`, so that its metadata can stand for its bytes)
 * its signature, for a compile that started reading at `since` (ms). `readSha256`: the hash of the text the compile
 * actually read, when known; otherwise the file is hashed now, and a file written since `since` gets a marker that
 * matches no hash (what was compiled may not be what is there now). File times come from a clock that may lag by a
 * few milliseconds, so a write in the first milliseconds of a compile can look older than `since`: only files whose
 * text the compile does not hand over (TypeScript modules a pipeline imports) rely on this.
 */
export function fingerprintFile(
  abs: string,
  since: number,
  readSha256?: string | null,
  maxBytes = MAX_FILE_BYTES,
): { sha256: string | null; sig: FileSignature | null } {
  const st = statOf(abs);
  const changed = st ? Math.max(st.mtimeMs, st.ctimeMs) : -Infinity;
  const sha256 = readSha256 !== undefined ? readSha256 : changed >= since ? CHANGED_DURING_COMPILE : hashFile(abs, maxBytes);
  const settled = st?.isFile() && sha256 !== null && sha256 !== CHANGED_DURING_COMPILE && changed < since - FRESH_MS;
  return { sha256, sig: settled ? signatureOf(st!) : null };
}

let fingerprint: string | undefined;
/**
 * The compiler's own code: the path, size and modification time of every .js/.ts/.json file beside this one's root
 * folder, and the package version. A new build or an edited source is a new cache.
 */
export function toolFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = join(__dirname, '..');
  const h = createHash('sha256');
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) pending.push(abs);
      else if (/\.(js|ts|json)$/.test(e.name)) {
        const st = statSync(abs);
        h.update(`${relative(root, abs)}\0${st.size}\0${st.mtimeMs}\0`);
      }
    }
  }
  h.update(VERSION);
  return (fingerprint = h.digest('hex'));
}

/** One compile's view of the cache: lookups against the index read at the start, entries collected for the end. */
export class CompileCache {
  private readonly previous: Map<string, CacheEntry>;
  private readonly next = new Map<string, CacheEntry>();
  /** The cache folder, relative to the project. */
  private readonly folder: string;
  private readonly key: string;
  /** Something differs from the index on disk (entries, signatures): save() writes it. */
  private dirty = false;
  /** The key of the index's signature; undefined: the cache is not used in this run. */
  private readonly secret: Buffer | undefined;
  /** When this compile started reading its inputs (ms): what is written later may not be what it compiled. */
  readonly started = preciseNow();

  constructor(
    private readonly cwd: string,
    parts: { readonly target: string; readonly outDir: string },
  ) {
    this.key = sha256(JSON.stringify([FORMAT, toolFingerprint(), parts.target, parts.outDir]));
    this.folder = `${CACHE_DIR}/${this.key.slice(0, 16)}`;
    this.secret = isRealFolderOrAbsent(cwd, this.folder) ? cacheSecret() : undefined;
    this.previous = new Map(this.read().map((e) => [e.file, e]));
  }

  /** The entry for `file` when all its inputs are unchanged. `vars` is the project's variables for this compile. */
  lookup(file: string, vars: ReadonlyMap<string, string>): CacheEntry | undefined {
    const e = this.previous.get(file);
    if (!e) return undefined;
    for (const [name, value] of e.vars) if ((vars.get(name) ?? null) !== value) return undefined;
    if (e.varNames && JSON.stringify([...vars.keys()].sort()) !== JSON.stringify(e.varNames)) return undefined;
    let refreshed = false;
    const deps: FileDependency[] = [];
    for (const d of e.deps) {
      const abs = join(this.cwd, d.path);
      const st = statOf(abs);
      if (st && d.sig && sameSig(d.sig, signatureOf(st))) {
        deps.push(d);
        continue;
      }
      if (!st && d.sha256 === null) {
        deps.push(d);
        continue;
      }
      const now = fingerprintFile(abs, this.started);
      if (now.sha256 !== d.sha256) return undefined;
      deps.push({ ...d, sig: now.sig });
      refreshed ||= !!now.sig;
    }
    if (refreshed) {
      this.dirty = true;
      return { ...e, deps };
    }
    return e;
  }

  /** Whether the DAG file at `abs` holds exactly the text whose sha256 is `sha256` (by signature, else by hashing). */
  outputIsCurrent(abs: string, pipeline: CachedPipeline): { current: boolean; sig: FileSignature | null } {
    const st = statOf(abs);
    if (!st) return { current: false, sig: null };
    if (sameSig(pipeline.outSig, signatureOf(st))) return { current: true, sig: pipeline.outSig };
    const now = fingerprintFile(abs, preciseNow(), undefined, MAX_DAG_BYTES);
    return { current: now.sha256 === pipeline.outSha256, sig: now.sig };
  }

  /** Keeps an entry for the index. */
  keep(entry: CacheEntry): void {
    if (this.previous.get(entry.file) !== entry) this.dirty = true;
    this.next.set(entry.file, entry);
  }

  /** Records what the DAG file of `file` is on disk after this compile (its signature, when it can stand for it). */
  recordOutput(file: string, sig: FileSignature | null): void {
    const e = this.next.get(file);
    if (!e?.pipeline || sameSigOrBothNull(e.pipeline.outSig, sig)) return;
    this.next.set(file, { ...e, pipeline: { ...e.pipeline, outSig: sig } });
    this.dirty = true;
  }

  /** The entry kept for `file` in this compile. */
  kept(file: string): CacheEntry | undefined {
    return this.next.get(file);
  }

  /** Writes the index (atomically) when anything changed; a cache that cannot be written is skipped silently. */
  save(): void {
    const sameFiles = this.next.size === this.previous.size && [...this.next.keys()].every((f) => this.previous.has(f));
    if ((!this.dirty && sameFiles) || !this.secret) return;
    try {
      const body = JSON.stringify({ format: FORMAT, key: this.key, entries: [...this.next.values()] } satisfies IndexFile);
      writeFileSafely(this.cwd, this.folder, 'index.json', `${sign(this.secret, body)}\n${body}`);
      this.dirty = false;
      pruneFolders(join(this.cwd, CACHE_DIR));
    } catch {
      // The cache only saves time; a read-only or full disk must not fail a compile.
    }
  }

  private read(): CacheEntry[] {
    if (!this.secret) return [];
    const bytes = readRegularFile(join(this.cwd, this.folder, 'index.json'), MAX_INDEX_BYTES);
    if (!bytes) return [];
    const text = bytes.toString('utf8');
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    if (nl !== 64 || sign(this.secret, body) !== text.slice(0, 64)) return [];
    try {
      const parsed = parseJson(body);
      // Signed with this user's secret (checked above): the entries are the ones write() wrote.
      return isRecord(parsed) && parsed.format === FORMAT && parsed.key === this.key && isUnknownArray(parsed.entries)
        ? (parsed.entries as CacheEntry[])
        : [];
    } catch {
      return [];
    }
  }
}

/** An index larger than this is not read (1,000 pipelines take about 0.5 MB). */
const MAX_INDEX_BYTES = 256 * 1024 * 1024;

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** The user's dagsmith cache folder (as scripts/setup-python.js finds it): outside every project. */
export function userCacheDir(): string {
  return process.env.DAGSMITH_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dagsmith');
}

let secret: Buffer | null | undefined;
/** This user's secret for signing cache indexes, created on first use; undefined when it cannot be kept. */
function cacheSecret(): Buffer | undefined {
  if (secret !== undefined) return secret ?? undefined;
  const path = join(userCacheDir(), 'compile-cache.key');
  try {
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeNewFile(path, randomBytes(32), { mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const key = readRegularFile(path, 1024);
    secret = key && key.length >= 32 ? key : null;
  } catch {
    secret = null;
  }
  return secret ?? undefined;
}

/** A regular file's bytes (never through a symbolic link; never a FIFO or device), or undefined. */
function readRegularFile(abs: string, maxBytes: number): Buffer | undefined {
  const read = readRegularBytes(abs, maxBytes, { noFollow: true });
  return read.kind === 'bytes' ? read.bytes : undefined;
}

const sameSigOrBothNull = (a: FileSignature | null, b: FileSignature | null): boolean => (a === null || b === null ? a === b : sameSig(a, b));

/** Keeps the MAX_FOLDERS most recently written cache folders (and removes files of the format-1 cache). */
function pruneFolders(root: string): void {
  const entries = readdirSync(root, { withFileTypes: true }).map((e) => ({ e, t: statSync(join(root, e.name)).mtimeMs }));
  for (const { e } of entries) if (!e.isDirectory()) rmSync(join(root, e.name), { force: true });
  const folders = entries.filter(({ e }) => e.isDirectory()).sort((a, b) => b.t - a.t);
  for (const { e } of folders.slice(MAX_FOLDERS)) rmSync(join(root, e.name), { recursive: true, force: true });
}

/** The variables of a compile, recording which ones each pipeline looks up. */
export class RecordingVars extends Map<string, string> {
  readonly used = new Map<string, string | null>();
  namesUsed = false;

  override get(name: string): string | undefined {
    const v = super.get(name);
    this.used.set(name, v ?? null);
    return v;
  }

  override has(name: string): boolean {
    this.used.set(name, super.get(name) ?? null);
    return super.has(name);
  }

  override keys(): MapIterator<string> {
    this.namesUsed = true;
    return super.keys();
  }
}
