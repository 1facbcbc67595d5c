import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { CACHE_DIR } from '../../src/cache/compile-cache';
import { main } from '../../src/cli/main';
import { TARGET_VERSIONS } from '../../src/targets';

export interface CliResult {
  readonly code: number;
  /** Everything printed to stdout, each write ending in a newline, exactly as the real CLI prints it. */
  readonly out: string;
  /** Everything printed to stderr, the same way. */
  readonly err: string;
}

const withNewline = (t: string): string => (t.endsWith('\n') ? t : t + '\n');

/** Runs the CLI in-process (no build needed), capturing stdout and stderr as the process would print them. */
export async function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries(env)) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  try {
    const code = await main(
      args,
      {
        out: (t) => {
          out += withNewline(t);
        },
        err: (t) => {
          err += withNewline(t);
        },
      },
      cwd,
    );
    return { code, out, err };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A fresh folder under the OS temp dir; removed by `removeTemp`. */
export function makeTemp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dagsmith-${prefix}-`));
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Copies `src` into a new temp folder, leaving out the entries `skip` names (top level only). */
export function copyToTemp(src: string, prefix: string, skip: readonly string[] = []): string {
  const dir = makeTemp(prefix);
  for (const entry of readdirSync(src)) {
    if (skip.includes(entry)) continue;
    cpSync(join(src, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/** Every file under `root` (forward-slash relative paths, sorted) with its bytes. */
/**
 * The CLI's incremental-compile cache (.dagsmith/ at the project root) is the one thing a command may write besides
 * its outputs, failed compiles included (so that an error does not cost the next run its cache); trees compared by
 * the tests leave it out. test/cache/ checks what goes into it.
 */
const CACHE_ROOT = CACHE_DIR.split('/')[0]!;

export function readTree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (dir === root && e.name === CACHE_ROOT) continue;
      if (e.isDirectory()) walk(abs);
      else out.set(relative(root, abs).split(sep).join('/'), e.isFile() ? readFileSync(abs) : Buffer.from(notAFile(abs, e)));
    }
  };
  walk(root);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What stands for an entry that is not a regular file (a link is not followed, a FIFO never read: it would block). */
function notAFile(abs: string, e: Dirent): string {
  return e.isSymbolicLink() ? `symbolic link to ${readlinkSync(abs)}` : 'not a regular file';
}

/** path -> sha256 of every file under `root`, and every folder (as "dir/" -> ""), so empty folders count too. */
export function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (dir === root && e.name === CACHE_ROOT) continue;
      if (e.isDirectory()) {
        out[`${rel}/`] = '';
        walk(abs);
      } else {
        out[rel] = e.isFile() ? createHash('sha256').update(readFileSync(abs)).digest('hex') : notAFile(abs, e);
      }
    }
  };
  walk(root);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The Airflow versions every good fixture is compiled for: every MWAA version dagsmith targets. */
export const TARGETS: readonly string[] = TARGET_VERSIONS;

/** The user id of `nobody`, used to run a command without root's power to read anything. */
const NOBODY = 65534;

/**
 * Runs `f` with the permissions of an ordinary user, so that a folder with mode 000 really cannot be read: as
 * root (CI containers) the effective uid and gid are switched to nobody's for the call and back afterwards;
 * as any other user `f` simply runs. The project folder must be world-traversable (chmod 755).
 */
export function asUnprivileged<T>(f: () => T): T {
  if (process.getuid?.() !== 0 || !process.seteuid || !process.setegid) return f();
  process.setegid(NOBODY);
  process.seteuid(NOBODY);
  try {
    return f();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}
