import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLEAN } from '../lint/helpers';

/** The built CLI (dist/), as a user's `npx --no-install dagsmith` runs the installed package's bin. */
export const BIN = join(__dirname, '..', '..', 'bin', 'dagsmith.js');

/**
 * A user's dagsmith project as `dagsmith init` leaves it: package.json with dagsmith as a devDependency, installed
 * (node_modules/.bin/dagsmith runs this checkout's built CLI), one clean pipeline and its compiled DAG.
 */
export function userProject(dir: string, pipeline = CLEAN): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ml-pipelines', private: true, devDependencies: { dagsmith: '0.1.0' } }, null, 2));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  const shim = join(dir, 'node_modules', '.bin', 'dagsmith');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(shim, 0o755);
  mkdirSync(join(dir, 'pipelines'), { recursive: true });
  writeFileSync(join(dir, 'pipelines', 'clean.yaml'), pipeline);
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n.dagsmith/\n');
  const r = spawnSync(process.execPath, [BIN, 'compile'], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compile failed: ${r.stderr}`);
}
