import { join } from 'node:path';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { START_OF_FILE } from '../diagnostics/reporter';
import { readTextFile } from './text';
import { loadYamlText, type LoadResult } from './yaml';

export { PIPELINE_EXTENSIONS } from './discover';

/** Loads pipeline files (project-relative paths). Each result has the file's data or its load diagnostics. */
export function loadSpecFiles(cwd: string, files: readonly string[]): LoadResult[] {
  const results: (LoadResult | undefined)[] = [];
  const typescript: { index: number; file: string; absPath: string; text: string }[] = [];
  files.forEach((file, index) => {
    const abs = join(cwd, file);
    const read = readTextFile(abs);
    if (!read.ok) {
      const at = read.range ?? START_OF_FILE;
      results[index] = { spec: undefined, diagnostics: [makeDiagnostic(read.code, file, at, read.message)] };
      return;
    }
    const text = read.text;
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
