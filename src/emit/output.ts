import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GENERATED_MARKER } from './python/dag';

export interface OutputFile {
  /** Project-relative path. */
  readonly path: string;
  readonly content: string;
}

export interface OutputPlan {
  readonly create: readonly OutputFile[];
  readonly update: readonly OutputFile[];
  readonly unchanged: readonly string[];
  /** Files dagsmith generated earlier whose pipeline is gone. Files it did not write are never touched. */
  readonly remove: readonly string[];
  /** Files in the way that dagsmith did not write: a compile refuses to overwrite them. */
  readonly conflicts: readonly string[];
}

/** Compares what should be in `outDir` with what is there. Pure apart from reading. */
export function planOutputs(cwd: string, outDir: string, files: readonly OutputFile[]): OutputPlan {
  const create: OutputFile[] = [];
  const update: OutputFile[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  for (const f of files) {
    const current = readIfExists(join(cwd, f.path));
    if (current === undefined) create.push(f);
    else if (!current.startsWith(GENERATED_MARKER)) conflicts.push(f.path);
    else if (current !== f.content) update.push(f);
    else unchanged.push(f.path);
  }
  const wanted = new Set(files.map((f) => f.path));
  const remove: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(join(cwd, outDir));
  } catch {
    entries = [];
  }
  for (const name of entries.sort()) {
    const rel = `${outDir}/${name}`;
    if (!name.endsWith('.py') || wanted.has(rel)) continue;
    const text = readIfExists(join(cwd, rel));
    if (text?.startsWith(GENERATED_MARKER)) remove.push(rel);
  }
  return { create, update, unchanged, remove, conflicts };
}

/** Writes each changed file atomically (temp file + rename in the same folder) and removes orphans. */
export function applyOutputs(cwd: string, plan: OutputPlan): void {
  for (const f of [...plan.create, ...plan.update]) {
    const abs = join(cwd, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    const tmp = `${abs}.${process.pid}.tmp`;
    writeFileSync(tmp, f.content);
    renameSync(tmp, abs);
  }
  for (const rel of plan.remove) rmSync(join(cwd, rel), { force: true });
}

export function planIsClean(plan: OutputPlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.remove.length === 0;
}

function readIfExists(abs: string): string | undefined {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}
