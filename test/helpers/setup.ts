/**
 * What a golden case needs in its project that a committed fixture cannot hold (git keeps no FIFO, no link that
 * must point outside the checkout, no 1 MiB file worth committing), made in the temp copy before the run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One step; every path is relative to the project. */
export type SetupStep =
  | { readonly fifo: string }
  | { readonly symlink: string; readonly to: string }
  /** A YAML file of this many bytes (a comment line repeated). */
  | { readonly largeFile: string; readonly bytes: number }
  /** A regular file with this text, replacing whatever is at the path (a folder included). */
  | { readonly file: string; readonly text: string };

export function setupPath(step: SetupStep): string {
  return 'fifo' in step ? step.fifo : 'symlink' in step ? step.symlink : 'largeFile' in step ? step.largeFile : step.file;
}

export function applySetup(dir: string, steps: readonly SetupStep[]): void {
  for (const step of steps) {
    const path = join(dir, setupPath(step));
    mkdirSync(dirname(path), { recursive: true });
    if ('fifo' in step) execFileSync('mkfifo', [path]);
    else if ('symlink' in step) symlinkSync(step.to, path);
    else if ('largeFile' in step) writeFileSync(path, '# padding\n'.repeat(Math.ceil(step.bytes / 10)).slice(0, step.bytes));
    else {
      rmSync(path, { recursive: true, force: true });
      writeFileSync(path, step.text);
    }
  }
}
