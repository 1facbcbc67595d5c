/** Use case: scaffold a dagsmith project (see src/scaffold/). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { scaffold } from '../scaffold/files';

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
 */
export function initProject(opts: InitOptions): InitResult {
  const files = scaffold();
  const existing = Object.keys(files).filter((f) => existsSync(join(opts.cwd, f)));
  if (existing.length > 0 && !opts.force) return { status: 'exists', existing };
  const written: { file: string; overwrote: boolean }[] = [];
  for (const [file, text] of Object.entries(files)) {
    const abs = join(opts.cwd, file);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    written.push({ file, overwrote: existing.includes(file) });
  }
  return { status: 'written', files: written };
}
