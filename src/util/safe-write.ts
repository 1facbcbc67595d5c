/**
 * Every file dagsmith writes goes through here, because the folder it writes into may come from a pull request:
 * a committed symbolic link at a temp name or on the way to a folder would otherwise make a plain write land in any
 * file the CI user can write.
 *
 *  - Folders are walked from a trusted root (the project, the user's cache folder) one name at a time with lstat:
 *    each is a real folder, or is created (one mkdir, no parents), never a link or a file; so the folder written
 *    into is a real folder inside the root.
 *  - New files are created exclusively (`wx`: O_CREAT | O_EXCL, which fails on any existing name, dangling links
 *    included) under a random name, so nothing that was there before is written through.
 *  - A file is replaced by renaming such a new file over it: a rename replaces the name itself, so a link at the
 *    target is replaced, never followed.
 */
import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, join } from 'node:path';

/** The calls made here; tests inject faults (a full disk, a failing rename) that no real disk gives on demand. */
export type WriteFs = Pick<typeof nodeFs, 'lstatSync' | 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync'>;

/** A path on the way is a link or not a folder: nothing is written there. `code` is 'EUNSAFEPATH'. */
export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
  readonly code = 'EUNSAFEPATH';
  constructor(
    /** The path that is in the way, relative to the root. */
    readonly path: string,
    readonly what: 'a symbolic link' | 'not a folder',
  ) {
    super(`${path} is ${what}`);
  }
}

function segments(rel: string): string[] {
  const parts = rel.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (isAbsolute(rel) || parts.includes('..')) throw new Error(`internal error: '${rel}' is not a path inside its root`);
  return parts;
}

/**
 * Makes `rel` (a folder relative to `root`) a real folder inside `root`: each name on the way must be a real folder
 * (a link or a file is an UnsafePathError) or is created. Returns the folders created, outermost first (absolute).
 */
export function ensureRealFolder(root: string, rel: string, fs: WriteFs = nodeFs): string[] {
  const created: string[] = [];
  let path = root;
  let shown = '';
  for (const part of segments(rel)) {
    path = join(path, part);
    shown = shown ? `${shown}/${part}` : part;
    let st: nodeFs.Stats | undefined;
    try {
      st = fs.lstatSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (!st) {
      fs.mkdirSync(path);
      created.push(path);
      continue;
    }
    if (st.isSymbolicLink()) throw new UnsafePathError(shown, 'a symbolic link');
    if (!st.isDirectory()) throw new UnsafePathError(shown, 'not a folder');
  }
  return created;
}

/** Whether each name of `rel` under `root` is a real folder, or (from some name on) absent. Never throws. */
export function isRealFolderOrAbsent(root: string, rel: string): boolean {
  let path = root;
  for (const part of segments(rel)) {
    path = join(path, part);
    let st: nodeFs.Stats;
    try {
      st = nodeFs.lstatSync(path);
    } catch {
      return true;
    }
    if (!st.isDirectory()) return false;
  }
  return true;
}

/** A new name in `folder` for a temp file: `.dagsmith-<16 hex>.tmp` (short, so a long target name still fits). */
export function tempName(folder: string): string {
  return join(folder, `.dagsmith-${randomBytes(8).toString('hex')}.tmp`);
}

/** Our temp file names, and only ours. */
export const TEMP_NAME = /^\.dagsmith-[0-9a-f]{16}\.tmp$/;

/** Creates `path` with `data`, exclusively: it fails (EEXIST) if anything, a link included, has that name. */
export function writeNewFile(path: string, data: string | Uint8Array, opts: { mode?: number } = {}, fs: WriteFs = nodeFs): void {
  fs.writeFileSync(path, data, { flag: 'wx', ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
}

/**
 * Writes `data` to `root/folder/name` atomically and without following links: the folder is made a real folder
 * inside `root`, the data goes to a new temp file beside the target, which is renamed over it (replacing a link
 * there, not writing through it). On failure the temp file is removed and the error thrown.
 */
export function writeFileSafely(
  root: string,
  folder: string,
  name: string,
  data: string | Uint8Array,
  opts: { mode?: number; fs?: WriteFs } = {},
): void {
  const fs = opts.fs ?? nodeFs;
  if (name === '' || /[\\/]/.test(name) || name === '.' || name === '..') throw new Error(`internal error: '${name}' is not a file name`);
  ensureRealFolder(root, folder, fs);
  const dir = join(root, ...segments(folder));
  const tmp = tempName(dir);
  const removeTemp = (): void => {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The first error is the one to report.
    }
  };
  try {
    writeNewFile(tmp, data, { mode: opts.mode }, fs);
  } catch (err) {
    // EEXIST: the name was someone else's (it is not removed); anything else: ours, half written.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') removeTemp();
    throw err;
  }
  try {
    fs.renameSync(tmp, join(dir, name));
  } catch (err) {
    removeTemp();
    throw err;
  }
}
