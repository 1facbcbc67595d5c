/**
 * SQL snapshots: `tests/__snapshots__/<test>/<task id>.sql`, the rendered SQL of a task as a reviewed file. Read and
 * written inside the project only: a snapshot folder or file that is a symbolic link, or leads outside the project,
 * is refused (DS726); a write goes to a new temp file (exclusive) that is renamed into place.
 */
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { projectRelative } from '../load/paths';
import { readRegularBytes } from '../load/text';
import { errnoText } from '../util/errno';
import { TESTS_DIR } from './load-tests';
import type { SnapshotText } from './verdict';

export const SNAPSHOT_DIR = `${TESTS_DIR}/__snapshots__`;
const MAX_SNAPSHOT_BYTES = 1024 * 1024;

/** The project-relative path of a task's snapshot. */
export function snapshotPath(testName: string, taskId: string): string {
  return `${SNAPSHOT_DIR}/${testName}/${taskId}.sql`;
}

export class SnapshotError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** Refuses a path whose folders or file are links, or that leads outside the project. */
function checkPath(cwd: string, rel: string): void {
  if (projectRelative(cwd, rel) !== rel) throw new SnapshotError(rel, 'leads outside the project (symbolic links resolved)');
  let dir = '';
  for (const part of rel.split('/')) {
    dir = dir ? `${dir}/${part}` : part;
    let stat;
    try {
      stat = lstatSync(join(cwd, dir));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw new SnapshotError(rel, `cannot look at ${dir} (${errnoText(err)})`);
    }
    const what = dir === rel ? 'it' : dir;
    if (stat.isSymbolicLink())
      throw new SnapshotError(rel, `${what} is a symbolic link; snapshots are read and written only as plain files and folders`);
    if (dir !== rel && !stat.isDirectory()) throw new SnapshotError(rel, `${what} is not a folder`);
  }
}

export function readSnapshot(cwd: string, rel: string): SnapshotText {
  checkPath(cwd, rel);
  const read = readRegularBytes(join(cwd, rel), MAX_SNAPSHOT_BYTES, { noFollow: true });
  if (read.kind === 'bytes') return { state: 'present', text: read.bytes.toString('utf8') };
  if (read.kind === 'error' && (read.error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
  const why =
    read.kind === 'too-large'
      ? `is larger than ${MAX_SNAPSHOT_BYTES} bytes`
      : read.kind === 'not-file'
        ? 'is not a regular file'
        : `cannot be read (${errnoText(read.error)})`;
  throw new SnapshotError(rel, `it ${why}`);
}

/** Writes a snapshot (its folders too): a temp file beside it, created exclusively, renamed into place. */
export function writeSnapshot(cwd: string, rel: string, sql: string): void {
  checkPath(cwd, rel);
  const abs = join(cwd, rel);
  try {
    mkdirSync(dirname(abs), { recursive: true });
  } catch (err) {
    throw new SnapshotError(rel, `cannot create its folder (${errnoText(err)})`);
  }
  checkPath(cwd, rel);
  const tmp = join(dirname(abs), `.dagsmith-${randomBytes(8).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, `${sql.trimEnd()}\n`, { flag: 'wx' });
    renameSync(tmp, abs);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new SnapshotError(rel, `cannot write it (${errnoText(err)})`);
  }
}
