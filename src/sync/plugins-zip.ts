/**
 * plugins.zip for MWAA, built so that an unchanged plugins/ folder gives byte-identical output: MWAA restarts
 * every worker when the environment is pointed at a new plugins.zip version, so a zip that differed only in
 * timestamps would turn every deploy into a 20-30 minute environment update.
 *
 * What makes it deterministic: entries sorted by path, every entry dated 1980-01-01 00:00 (the ZIP epoch, as
 * reproducible-build tools do), Unix mode 0644 for every file (no executable bit, no umask), no directory
 * entries, one compression level. The ZIP encoding itself is fflate's (a small, widely used, dependency-free
 * library); it is driven through its streaming `Zip` class, one entry at a time, so file names never become
 * keys of a plain object (a file called `__proto__` is just a name).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { SyncUsageError } from './sync-error';

/** Files that differ between machines for the same source and that MWAA never needs. */
const SKIPPED_DIRS = new Set(['__pycache__', '.git', '.mypy_cache', '.pytest_cache']);
const SKIPPED_FILES = new Set(['.DS_Store', 'Thumbs.db']);
const SKIPPED_SUFFIXES = ['.pyc', '.pyo'];

/** Bounds on what a plugins folder may hold (MWAA's own limit on plugins.zip is far below this). */
export const PLUGINS_LIMITS = { files: 10_000, depth: 32 } as const;

/** 1980-01-01 00:00:00 in local time: fflate writes the DOS date from the local fields of the Date it is given. */
const ZIP_EPOCH = (): Date => new Date(1980, 0, 1, 0, 0, 0);
/** Regular file, rw-r--r--, in the high 16 bits of the external attributes (with `os: 3`, Unix). */
const FILE_ATTRS = (0o100644 << 16) >>> 0;

export interface PluginFile {
  /** Forward-slash path inside the zip. */
  readonly path: string;
  readonly data: Uint8Array;
}

/**
 * Every file of a plugins folder, sorted by path (code-unit order, so the same on every machine and locale).
 * Symbolic links are refused: they could pull a file from outside the project (a credentials file) into a zip
 * that is uploaded to S3.
 */
export function collectPluginFiles(dir: string): PluginFile[] {
  const files: PluginFile[] = [];
  // Iterative walk with an explicit depth: the folder is user data.
  const stack: { abs: string; rel: string; depth: number }[] = [{ abs: dir, rel: '', depth: 0 }];
  while (stack.length > 0) {
    const { abs, rel, depth } = stack.pop()!;
    if (depth > PLUGINS_LIMITS.depth) {
      throw new SyncUsageError('DS636', `mwaa/plugins nests deeper than ${PLUGINS_LIMITS.depth} levels at 'mwaa/plugins/${rel}'`);
    }
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const childAbs = join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        throw new SyncUsageError('DS636', `mwaa/plugins/${childRel} is a symbolic link; plugins.zip takes regular files only`);
      }
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) stack.push({ abs: childAbs, rel: childRel, depth: depth + 1 });
      } else if (entry.isFile()) {
        if (SKIPPED_FILES.has(entry.name) || SKIPPED_SUFFIXES.some((s) => entry.name.endsWith(s))) continue;
        if (files.length >= PLUGINS_LIMITS.files) {
          throw new SyncUsageError('DS636', `mwaa/plugins has more than ${PLUGINS_LIMITS.files} files`);
        }
        // lstat again: the entry type comes from readdir, the content from the path; refuse a swap in between.
        if (!lstatSync(childAbs).isFile()) throw new SyncUsageError('DS636', `mwaa/plugins/${childRel} changed while it was read`);
        files.push({ path: childRel, data: readFileSync(childAbs) });
      }
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The zip of `files` (already sorted, or sorted here): the same files give the same bytes, always. */
export function buildPluginsZip(files: readonly PluginFile[]): Buffer {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chunks: Uint8Array[] = [];
  // Set by the callback (an object: a local variable assigned there would read as still null below).
  const failed: { error?: Error } = {};
  const zip = new Zip((err, chunk) => {
    if (err) failed.error = err;
    else chunks.push(chunk);
  });
  for (const file of sorted) {
    // ZipDeflate is synchronous: each push() has emitted its bytes by the time it returns.
    const entry = new ZipDeflate(file.path, { level: 9 });
    // The streaming entry takes its header fields as properties (its constructor options are deflate's only).
    entry.mtime = ZIP_EPOCH();
    entry.os = 3;
    entry.attrs = FILE_ATTRS;
    zip.add(entry);
    entry.push(file.data, true);
  }
  zip.end();
  if (failed.error) throw failed.error;
  return Buffer.concat(chunks);
}

/** plugins.zip of a folder. */
export function pluginsZipFromFolder(dir: string): Buffer {
  return buildPluginsZip(collectPluginFiles(dir));
}
