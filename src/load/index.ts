import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/types';
import { loadYamlText, type LoadResult } from './yaml';

/** File endings that hold pipelines, and who loads them. */
export const PIPELINE_EXTENSIONS = ['.yaml', '.yml'] as const;

/** Loads pipeline files (project-relative paths). Each result has the file's data or its load diagnostics. */
export function loadSpecFiles(cwd: string, files: readonly string[]): LoadResult[] {
  return files.map((file) => {
    const abs = join(cwd, file);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      const d: Diagnostic = {
        code: 'DS100',
        severity: 'error',
        message: `cannot read the file: ${(err as Error).message}`,
        file,
        line: 1,
        col: 1,
        path: [],
      };
      return { spec: undefined, diagnostics: [d] };
    }
    return loadYamlText(file, abs, text);
  });
}
