import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/types';
import { loadYamlText, type LoadResult } from './yaml';

/** File endings that hold pipelines, and who loads them. */
export const PIPELINE_EXTENSIONS = ['.yaml', '.yml', '.ts'] as const;

/** Loads pipeline files (project-relative paths). Each result has the file's data or its load diagnostics. */
export function loadSpecFiles(cwd: string, files: readonly string[]): LoadResult[] {
  const results: (LoadResult | undefined)[] = [];
  const typescript: { index: number; file: string; absPath: string; text: string }[] = [];
  files.forEach((file, index) => {
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
      results[index] = { spec: undefined, diagnostics: [d] };
      return;
    }
    if (file.endsWith('.ts')) typescript.push({ index, file, absPath: abs, text });
    else results[index] = loadYamlText(file, abs, text);
  });
  if (typescript.length > 0) {
    // All TypeScript files are type-checked together (one program); ts-morph is loaded only when there are any.
    const { loadTypeScriptFiles } = require('./typescript') as typeof import('./typescript');
    loadTypeScriptFiles(cwd, typescript).forEach((r, i) => (results[typescript[i]!.index] = r));
  }
  return results as LoadResult[];
}
