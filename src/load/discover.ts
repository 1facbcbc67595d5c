import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Code } from '../diagnostics/codes';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic } from '../diagnostics/types';
import { isInside, realPathOf } from './paths';
import { START_OF_FILE } from '../diagnostics/reporter';
import { errnoText } from '../util/errno';

/** File endings that hold pipelines (YAML is loaded by ./yaml.ts, TypeScript by ./typescript.ts). */
export const PIPELINE_EXTENSIONS = ['.yaml', '.yml', '.ts'] as const;

export interface Discovery {
  /** Pipeline files, sorted, as project-relative forward-slash paths. */
  readonly files: readonly string[];
  /**
   * Entries that could not be read or followed. Each is an error: a compile that skipped them would treat the DAGs
   * of the pipelines inside as orphans and delete them.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Pipeline files under `dir` (project-relative). Symbolic links are followed (as editors and git do) only while
 * their real path stays inside the project: a link to /usr is not walked, and a `.ts` file behind it never runs.
 */
export function discoverPipelineFiles(cwd: string, dir: string, extensions: readonly string[]): Discovery {
  const realRoot = realPathOf(cwd);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const rel = (abs: string) => relative(cwd, abs).split(sep).join('/') || '.';
  const report = (code: Code, abs: string, message: string) => diagnostics.push(makeDiagnostic(code, rel(abs), START_OF_FILE, message));
  const isPipeline = (name: string) => extensions.some((x) => name.endsWith(x)) && !name.endsWith('.d.ts');

  const visited = new Set<string>();
  // An explicit stack: a deep folder tree is data too.
  const pending: string[] = [join(cwd, dir)];
  while (pending.length > 0) {
    const abs = pending.pop()!;
    let real: string;
    let entries;
    try {
      real = realpathSync(abs);
      if (visited.has(real)) continue; // a folder reached twice through links, or a link loop
      visited.add(real);
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      // A pipelines folder that does not exist at all is the caller's decision (discover is also used for `init`).
      if (abs === join(cwd, dir) && (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      report('DS140', abs, `cannot read this folder (${errnoText(err)}); the pipelines in it cannot be compiled`);
      continue;
    }
    const folders: string[] = [];
    for (const e of entries) {
      // Hidden entries, node_modules, and `_`-prefixed helpers (e.g. pipelines/_lib/) are not pipelines.
      if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
      const child = join(abs, e.name);
      let stat: Stats | undefined;
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(child);
          stat = statSync(target);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          const why = code === 'ENOENT' ? 'its target does not exist' : `it cannot be followed (${errnoText(err)})`;
          report('DS141', child, `symbolic link that dagsmith cannot follow: ${why}`);
          continue;
        }
        if (!isInside(relative(realRoot, target))) {
          report('DS142', child, `symbolic link to ${stat.isDirectory() ? 'a folder' : 'a file'} outside the project; dagsmith does not follow it`);
          continue;
        }
      } else {
        stat = e.isDirectory() || e.isFile() ? undefined : safeLstat(child);
      }
      const isDir = stat ? stat.isDirectory() : e.isDirectory();
      const isFile = stat ? stat.isFile() : e.isFile();
      if (isDir) folders.push(child);
      else if (isPipeline(e.name)) {
        if (isFile) files.push(rel(child));
        // A FIFO or device named like a pipeline would block or stream forever when read.
        else report('DS140', child, 'not a regular file; a pipeline file must be one');
      }
    }
    // Reverse, so that the stack visits folders in directory order (the result is sorted anyway).
    pending.push(...folders.reverse());
  }
  return { files: files.sort(), diagnostics: diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
}

function safeLstat(abs: string): Stats | undefined {
  try {
    return lstatSync(abs);
  } catch {
    return undefined;
  }
}
