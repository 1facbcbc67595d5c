import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Pipeline files under `dir`, sorted, as project-relative forward-slash paths. */
export function discoverPipelineFiles(cwd: string, dir: string, extensions: readonly string[]): string[] {
  const root = join(cwd, dir);
  const out: string[] = [];
  const visited = new Set<string>();
  const walk = (abs: string): void => {
    const real = safe(() => realpathSync(abs));
    if (real === undefined || visited.has(real)) return; // a symlinked folder loop
    visited.add(real);
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
      // Follow symbolic links to files and folders, as editors and git do.
      const stat = e.isSymbolicLink() ? safe(() => statSync(child)) : e;
      if (!stat) continue;
      if (stat.isDirectory()) walk(child);
      else if (stat.isFile() && extensions.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts')) {
        out.push(relative(cwd, child).split(sep).join('/'));
      }
    }
  };
  walk(root);
  return out.sort();
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
