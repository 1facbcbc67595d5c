/**
 * The files `dagsmith init` writes only when they are absent (they are the user's from then on): a package.json that
 * installs this dagsmith, and a .gitignore for the compile cache and node_modules.
 */
import { basename } from 'node:path';
import { VERSION } from '../util/version';

export const PACKAGE_JSON = 'package.json';
export const GITIGNORE = '.gitignore';

/** What dagsmith leaves in a project that is not to be committed. */
export const IGNORED = ['.dagsmith/', 'node_modules/'] as const;

export function gitignoreText(): string {
  return `# dagsmith's incremental-compile cache (signed with a key of your machine; useless to anyone else)\n${IGNORED[0]}\n${IGNORED[1]}\n`;
}

/**
 * package.json for a new project: dagsmith as a development dependency at the version that wrote it (so `npm ci`
 * in CI runs the dagsmith that compiled the committed DAGs), and TypeScript (the version dagsmith type-checks
 * pipelines with) when the project has TypeScript pipelines, so an editor or `npx tsc -p pipelines` checks them the
 * same way.
 */
export function packageJsonText(projectDir: string, opts: { readonly typescript?: string }): string {
  const devDependencies: Record<string, string> = { dagsmith: VERSION };
  if (opts.typescript) devDependencies.typescript = opts.typescript;
  return JSON.stringify({ name: packageName(projectDir), private: true, devDependencies }, null, 2) + '\n';
}

/** An npm package name from the folder's name (lowercase; letters, digits, `-`, `_`, `.`), or `pipelines`. */
function packageName(projectDir: string): string {
  const name = basename(projectDir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '')
    .slice(0, 214);
  return name || 'pipelines';
}
