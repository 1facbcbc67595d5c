import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GENERATED_MARKER } from './marker';
import { errnoText } from '../util/errno';
import { ensureRealFolder, TEMP_NAME, tempName, UnsafePathError, writeFileSafely, writeNewFile, type WriteFs } from '../util/safe-write';

export interface OutputFile {
  /** Project-relative path. */
  readonly path: string;
  readonly content: string;
}

export interface OutputUpdate extends OutputFile {
  /** What the file holds now: written back if a later step of the same compile fails. */
  readonly previous: string;
}

export interface OutputPlan {
  readonly create: readonly OutputFile[];
  readonly update: readonly OutputUpdate[];
  readonly unchanged: readonly string[];
  /** Files dagsmith generated earlier whose pipeline is gone. Files it did not write are never touched. */
  readonly remove: readonly string[];
  /** Files or folders in the way that dagsmith did not write: a compile refuses to overwrite them. */
  readonly conflicts: readonly string[];
  /** Temp files an interrupted compile of ours left behind (project-relative); removed by the next compile. */
  readonly staleTemps: readonly string[];
}

/** The output folder cannot be read or written. `path` is project-relative. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    readonly path: string,
    message: string,
    /** Whether the output folder was changed before the failure (only when removing an orphan fails). */
    readonly changed = false,
  ) {
    super(message);
  }
}

/** What a compile writes: Python DAG files, and MWAA Serverless workflow definitions. */
const OUTPUT_FILE = /\.(py|yaml)$/;

/**
 * Compares what should be in `outDir` with what is there. Pure apart from reading. `current`: files the caller
 * knows hold exactly their wanted text already (the incremental cache checked them), neither read nor compared.
 */
export function planOutputs(cwd: string, outDir: string, files: readonly OutputFile[], current: ReadonlySet<string> = new Set()): OutputPlan {
  const create: OutputFile[] = [];
  const update: OutputUpdate[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  const outAbs = join(cwd, outDir);
  const outStat = lstatOrUndefined(outAbs, outDir);
  if (outStat && !outStat.isDirectory())
    throw new OutputError(outDir, 'this is a file, not a folder; move it away so that the DAGs can be written here');
  for (const f of files) {
    if (current.has(f.path)) {
      unchanged.push(f.path);
      continue;
    }
    const text = readGenerated(join(cwd, f.path), f.path);
    if (text === undefined) create.push(f);
    else if (text === null) conflicts.push(f.path);
    else if (text !== f.content) update.push({ path: f.path, content: f.content, previous: text });
    else unchanged.push(f.path);
  }
  const wanted = new Set(files.map((f) => f.path));
  const remove: string[] = [];
  const staleTemps: string[] = [];
  const folders = new Set([outDir, ...files.map((f) => dirname(f.path))]);
  for (const folder of [...folders].sort()) {
    let entries: nodeFs.Dirent[];
    try {
      entries = nodeFs.readdirSync(join(cwd, folder), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new OutputError(folder, `cannot read this folder (${errnoText(err)})`);
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const rel = `${folder}/${e.name}`;
      if (e.isFile() && TEMP_NAME.test(e.name)) staleTemps.push(rel);
      if (folder !== outDir || !e.isFile() || !OUTPUT_FILE.test(e.name) || wanted.has(rel)) continue;
      if (typeof readGenerated(join(cwd, rel), rel) === 'string') remove.push(rel);
    }
  }
  return { create, update, unchanged, remove, conflicts, staleTemps };
}

/** The file system calls `applyOutputs` makes; tests inject faults a real disk cannot be made to produce here. */
export type OutputFs = WriteFs & Pick<typeof nodeFs, 'rmdirSync'>;

/**
 * Writes the plan as one transaction as far as a file system allows: every new file is first written to a temp
 * file beside its target, and only when all are written are they renamed into place; orphans are removed last.
 * Writes never go through links (src/util/safe-write.ts): folders are created name by name and must be real
 * folders, temp files are created exclusively, renames replace names.
 * On any failure the temp files are removed, files already renamed get their previous content back, folders this
 * call created are removed, and an OutputError names the path and the reason.
 */
export function applyOutputs(cwd: string, plan: OutputPlan, fs: OutputFs = nodeFs): void {
  for (const rel of plan.staleTemps) fs.rmSync(join(cwd, rel), { force: true });
  const writes = [...plan.create, ...plan.update];
  const createdDirs: string[] = [];
  const temps: { file: OutputFile; tmp: string }[] = [];
  const renamed: OutputFile[] = [];
  const undo = (): void => {
    for (const t of temps) quietly(() => fs.rmSync(t.tmp, { force: true }));
    for (const f of renamed.reverse()) {
      const previous = plan.update.find((u) => u.path === f.path)?.previous;
      quietly(() =>
        previous === undefined
          ? fs.rmSync(join(cwd, f.path), { force: true })
          : writeFileSafely(cwd, dirname(f.path), basename(f.path), previous, { fs }),
      );
    }
    for (const d of createdDirs.reverse()) quietly(() => fs.rmdirSync(d));
  };
  let step = '';
  let current = '';
  try {
    step = 'create this folder';
    for (const folder of new Set(writes.map((f) => dirname(f.path)))) {
      current = folder;
      createdDirs.push(...ensureRealFolder(cwd, folder, fs));
    }
    step = 'write this file';
    for (const file of writes) {
      current = file.path;
      const tmp = tempName(join(cwd, dirname(file.path)));
      temps.push({ file, tmp });
      writeNewFile(tmp, file.content, {}, fs);
    }
    step = 'put this file in place';
    for (const t of [...temps]) {
      current = t.file.path;
      fs.renameSync(t.tmp, join(cwd, t.file.path));
      temps.splice(temps.indexOf(t), 1);
      renamed.push(t.file);
    }
  } catch (err) {
    undo();
    const why = err instanceof UnsafePathError ? `${err.path} is ${err.what}` : errnoText(err);
    throw new OutputError(current, `cannot ${step} (${why}); nothing was changed`);
  }
  for (const rel of plan.remove) {
    try {
      fs.rmSync(join(cwd, rel), { force: true });
    } catch (err) {
      throw new OutputError(rel, `the new DAGs are written, but this orphaned DAG cannot be removed (${errnoText(err)})`, true);
    }
  }
}

export function planIsClean(plan: OutputPlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.remove.length === 0;
}

/** The text of a DAG file dagsmith generated; undefined when there is no file; null when something else is there. */
function readGenerated(abs: string, rel: string): string | null | undefined {
  const stat = lstatOrUndefined(abs, rel);
  if (!stat) return undefined;
  if (!stat.isFile()) return null; // a folder named a.py, a symbolic link: not ours to replace
  let text: string;
  try {
    text = nodeFs.readFileSync(abs, 'utf8');
  } catch (err) {
    throw new OutputError(rel, `cannot read this file (${errnoText(err)})`);
  }
  return text.startsWith(GENERATED_MARKER) ? text : null;
}

function lstatOrUndefined(abs: string, rel: string): nodeFs.Stats | undefined {
  try {
    return nodeFs.lstatSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ENOTDIR') throw new OutputError(rel, 'a file is in the way: a folder on this path is a file');
    throw new OutputError(rel, `cannot look at this path (${errnoText(err)})`);
  }
}

function quietly(f: () => void): void {
  try {
    f();
  } catch {
    // Undoing after a failure: the first error is the one to report.
  }
}
