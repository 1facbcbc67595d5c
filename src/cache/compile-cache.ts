/**
 * The incremental-compile cache: what `buildProject` found and produced for each pipeline file, keyed on content.
 *
 * An entry is reused only when every input it was built from is byte-for-byte what it was: the pipeline file, the
 * files it read (SQL files, TypeScript modules it imports), the value of each deploy-time variable it looked up
 * (and the set of defined names when it needed them for a hint), the Airflow target, the output folder, and the
 * dagsmith code itself (a fingerprint of the running compiler's files). Checks that span pipelines (duplicate ids)
 * run every time over cached and fresh results alike.
 *
 * The cache lives in `.dagsmith/cache/` in the project (ignored by git), one file per target and output folder.
 * A file that is unreadable, of another format or fails its checksum is ignored and rewritten, never trusted.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic, SourceRange } from '../diagnostics/types';

export const CACHE_DIR = '.dagsmith/cache';
const FORMAT = 'dagsmith-compile-cache/1';
/** Cache files kept per project (one per target and output folder in use); the least recently written go first. */
const MAX_FILES = 8;

/** An input of one pipeline: a project-relative file and the sha256 of its bytes (null: it could not be read). */
export interface FileDependency {
  readonly path: string;
  readonly sha256: string | null;
}

export interface CachedPipeline {
  readonly id: string;
  /** Where the `id` value is in the source, for the duplicate-id check across pipelines. */
  readonly idRange: SourceRange;
  /** The IR as JSON text: parsed only when a caller reads it, so a no-op compile does not pay for it. */
  readonly irJson: string;
  readonly outPath: string;
  readonly content: string;
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
  /** Set when the file has no errors of its own; then `content` is its DAG file. */
  readonly pipeline: CachedPipeline | null;
}

interface CacheFile {
  readonly format: string;
  readonly key: string;
  readonly entries: readonly CacheEntry[];
}

/** sha256 of a file's bytes, or null when it cannot be read. */
export function hashFile(abs: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(abs)).digest('hex');
  } catch {
    return null;
  }
}

let fingerprint: string | undefined;
/** A hash of the compiler's own code (every .js/.ts/.json file beside this one's root folder): a new build is a new cache. */
export function toolFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = join(__dirname, '..');
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.(js|ts|json)$/.test(e.name)) h.update(`${relative(root, abs)}\0`).update(readFileSync(abs)).update('\0');
    }
  };
  walk(root);
  h.update(require('../../package.json').version as string);
  return (fingerprint = h.digest('hex'));
}

/** One compile's view of the cache: lookups against the file read at the start, entries collected for the end. */
export class CompileCache {
  private readonly previous: Map<string, CacheEntry>;
  private readonly next = new Map<string, CacheEntry>();
  private readonly path: string;
  private readonly key: string;

  constructor(
    private readonly cwd: string,
    parts: { readonly target: string; readonly outDir: string },
  ) {
    this.key = createHash('sha256').update(JSON.stringify([FORMAT, toolFingerprint(), parts.target, parts.outDir])).digest('hex');
    this.path = join(cwd, CACHE_DIR, `${this.key.slice(0, 16)}.json`);
    this.previous = new Map(this.read().map((e) => [e.file, e]));
  }

  /** The entry for `file` when all its inputs are unchanged. `vars` is the project's variables for this compile. */
  lookup(file: string, vars: ReadonlyMap<string, string>): CacheEntry | undefined {
    const e = this.previous.get(file);
    if (!e) return undefined;
    for (const d of e.deps) if (hashFile(join(this.cwd, d.path)) !== d.sha256) return undefined;
    for (const [name, value] of e.vars) if ((vars.get(name) ?? null) !== value) return undefined;
    if (e.varNames && JSON.stringify([...vars.keys()].sort()) !== JSON.stringify(e.varNames)) return undefined;
    return e;
  }

  keep(entry: CacheEntry): void {
    this.next.set(entry.file, entry);
  }

  /**
   * Writes the entries kept by this compile (atomically); a cache that cannot be written is skipped silently.
   * Without `changed` (nothing was recompiled) the file is rewritten only when the set of files differs.
   */
  save(changed: boolean): void {
    if (!changed && this.next.size === this.previous.size && [...this.next.keys()].every((f) => this.previous.has(f))) return;
    try {
      const dir = join(this.cwd, CACHE_DIR);
      mkdirSync(dir, { recursive: true });
      const body = JSON.stringify({ format: FORMAT, key: this.key, entries: [...this.next.values()] } satisfies CacheFile);
      const tmp = `${this.path}.${process.pid}.tmp`;
      writeFileSync(tmp, `${createHash('sha256').update(body).digest('hex')}\n${body}`);
      renameSync(tmp, this.path);
      prune(dir);
    } catch {
      // The cache only saves time; a read-only or full disk must not fail a compile.
    }
  }

  private read(): CacheEntry[] {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    if (nl !== 64 || createHash('sha256').update(body).digest('hex') !== text.slice(0, 64)) return [];
    try {
      const parsed = JSON.parse(body) as CacheFile;
      return parsed.format === FORMAT && parsed.key === this.key && Array.isArray(parsed.entries) ? [...parsed.entries] : [];
    } catch {
      return [];
    }
  }
}

function prune(dir: string): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.json') || n.endsWith('.tmp'))
    .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const f of files.slice(MAX_FILES)) rmSync(join(dir, f.n), { force: true });
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
