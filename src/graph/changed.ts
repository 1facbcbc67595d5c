import { execFileSync } from 'node:child_process';
import { UsageError } from '../diagnostics/types';
import type { PipelineIR } from '../ir/types';
import { fieldsOf } from '../ir/queries';

/** Files changed since `ref` (committed, staged, unstaged) and files git does not track yet, relative to `cwd`. */
export function changedFiles(cwd: string, ref: string): Set<string> {
  if (ref.startsWith('-')) throw new UsageError(`--changed takes a git ref, not '${ref}'`);
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const output = (err as { stderr?: unknown }).stderr;
      const stderr = typeof output === 'string' || Buffer.isBuffer(output) ? output.toString().trim() : '';
      throw new UsageError(`git ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
    }
  };
  // -z: names as they are, NUL-separated (without it git quotes names with special or non-ASCII characters).
  const diff = git(['diff', '-z', '--name-only', '--relative', '--no-renames', ref, '--']);
  const untracked = git(['ls-files', '-z', '--others', '--exclude-standard']);
  return new Set([...diff.split('\0'), ...untracked.split('\0')].filter((l) => l !== ''));
}

/**
 * The pipelines a change touches: its own file, a SQL file it inlines (sqlFile, queryFile), or, for TypeScript
 * pipelines, any other TypeScript file under the pipelines folder (a shared helper it may import).
 */
export function changedPipelines(
  pipelines: readonly { ir: PipelineIR; file: string; sqlFiles: readonly string[] }[],
  changed: ReadonlySet<string>,
  pipelinesDir: string,
): PipelineIR[] {
  const helperChanged = [...changed].some((f) => f.startsWith(`${pipelinesDir}/`) && f.endsWith('.ts') && !pipelines.some((p) => p.file === f));
  return pipelines
    .filter((p) => changed.has(p.file) || p.sqlFiles.some((f) => changed.has(f)) || (helperChanged && p.file.endsWith('.ts')))
    .map((p) => p.ir);
}

/** Project-relative paths of the SQL files a pipeline inlines. */
export function sqlFilesOf(ir: PipelineIR, readField: (stepIndex: number, field: string) => unknown): string[] {
  const dir = ir.source.file.slice(0, ir.source.file.lastIndexOf('/') + 1);
  const out: string[] = [];
  ir.steps.forEach((step, i) => {
    if (!fieldsOf(step, 'redshift.sql') && !fieldsOf(step, 'athena.query')) return;
    for (const field of ['sqlFile', 'queryFile']) {
      const v = readField(i, field);
      if (typeof v === 'string') out.push(normalizePath(dir + v));
    }
  });
  return out;
}

function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}
