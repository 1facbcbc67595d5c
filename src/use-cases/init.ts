/** Use case: scaffold a dagsmith project (see src/scaffold/). */
import { lstatSync } from 'node:fs';
import { join, posix } from 'node:path';
import { UsageError } from '../diagnostics/types';
import { scaffold } from '../scaffold/files';
import { isRealFolderOrAbsent, writeFileSafely } from '../util/safe-write';

export interface InitOptions {
  readonly cwd: string;
  /** Overwrite files that exist. */
  readonly force?: boolean;
}

export type InitResult =
  | /** Some of the files exist (and `force` is not set): nothing was written. */ { readonly status: 'exists'; readonly existing: readonly string[] }
  | { readonly status: 'written'; readonly files: readonly { readonly file: string; readonly overwrote: boolean }[] };

/**
 * Writes the config, the JSON Schema for editor completion in YAML, a YAML and a TypeScript example pipeline,
 * pipelines/tsconfig.json and a GitHub Actions workflow. Writes nothing when any of these files exists, unless `force`.
 * Folders on the way must be real folders of the project and each file is written as a new file renamed into place
 * (src/util/safe-write.ts): a link at one of these names is replaced, never written through.
 */
export function initProject(opts: InitOptions): InitResult {
  const files = scaffold();
  const existing = Object.keys(files).filter((f) => exists(opts.cwd, f));
  if (existing.length > 0 && !opts.force) return { status: 'exists', existing };
  const blocked = Object.keys(files).find((f) => !isRealFolderOrAbsent(opts.cwd, posix.dirname(f)));
  if (blocked) throw new UsageError(`cannot write ${blocked}: a folder on its path is a symbolic link or a file; nothing was written`);
  const written: { file: string; overwrote: boolean }[] = [];
  for (const [file, text] of Object.entries(files)) {
    writeFileSafely(opts.cwd, posix.dirname(file), posix.basename(file), text);
    written.push({ file, overwrote: existing.includes(file) });
  }
  return { status: 'written', files: written };
}

/** Whether anything (a dangling link too) has this name. */
function exists(cwd: string, rel: string): boolean {
  try {
    lstatSync(join(cwd, rel));
    return true;
  } catch {
    return false;
  }
}
