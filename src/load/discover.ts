import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Pipeline files under `dir`, sorted, as project-relative forward-slash paths. */
export function discoverPipelineFiles(cwd: string, dir: string, extensions: readonly string[]): string[] {
  const root = join(cwd, dir);
  const out: string[] = [];
  const walk = (abs: string): void => {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      // Hidden entries, node_modules, and `_`-prefixed helpers (e.g. pipelines/_lib/) are not pipelines.
      if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
      const child = join(abs, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile() && extensions.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts')) {
        out.push(relative(cwd, child).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return out.sort();
}
