/**
 * The CLI as a real child process, run from the TypeScript sources (tsx), for what only a process can show: how it
 * behaves when it is sent a signal (SIGTERM from a cancelled CI run, SIGINT from Ctrl-C, SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');

export interface CliProcess {
  readonly child: ChildProcess;
  /** What it printed so far. */
  output(): { readonly out: string; readonly err: string };
  /** Resolves when it has exited: its exit code, or the signal that ended it. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }>;
}

/** Starts `dagsmith ...args` in `cwd`, with this process's environment plus `env`. */
export function spawnCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): CliProcess {
  const code = `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
  const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), '-e', code, '--', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (c, signal) => resolve({ code: c, signal })),
  );
  return { child, output: () => ({ out, err }), exited };
}

/** Runs `dagsmith ...args` as a process to its end: its exit code and output, as `runCli` gives them in-process. */
export async function runCliProcess(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ code: number; out: string; err: string }> {
  const cli = spawnCli(args, cwd, env);
  const { code, signal } = await cli.exited;
  if (code === null) throw new Error(`dagsmith ${args.join(' ')} was killed by ${signal}: ${cli.output().err}`);
  return { code, ...cli.output() };
}
