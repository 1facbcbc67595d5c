/**
 * The command line: parses arguments, calls one use case (src/use-cases/), prints. Each command's file registers its
 * options and loads its use case only when it runs: the AWS SDK (sync, plan, lint --remote), ts-morph and the
 * compiler proper (which a no-op compile never needs) would otherwise cost every start.
 */
import { Command, CommanderError } from 'commander';
import { formatDiagnostics } from '../diagnostics/format';
import { inertText } from '../diagnostics/inert';
import { ConfigError, RemoteError, UsageError } from '../diagnostics/types';
import { VERSION } from '../util/version';
import { registerCompile } from './commands/compile';
import type { CommandContext } from './commands/context';
import { registerGraph } from './commands/graph';
import { registerInit } from './commands/init';
import { registerLint } from './commands/lint';
import { registerDiffEnvs } from './commands/diff-envs';
import { registerPlan } from './commands/plan';
import { registerSchema } from './commands/schema';
import { registerImport } from './commands/import';
import { registerSync } from './commands/sync';
import { registerTest } from './commands/test';
import { registerValidate } from './commands/validate';
import { EXIT, processIO, quietThirdPartyWarnings, type CliIO } from './io';

const COMMANDS = [
  registerInit,
  registerValidate,
  registerCompile,
  registerTest,
  registerSync,
  registerLint,
  registerGraph,
  registerPlan,
  registerDiffEnvs,
  registerSchema,
  registerImport,
];

/** Runs the CLI; returns the exit code. One handler maps every error kind to its exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO, cwd = process.cwd()): Promise<number> {
  quietThirdPartyWarnings();
  let code: number = EXIT.ok;
  const program = new Command()
    .name('dagsmith')
    .description('Validate, lint and compile AWS ingestion pipelines to Apache Airflow DAGs for Amazon MWAA.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);
  const ctx: CommandContext = { cwd, io, exit: (c) => void (code = c) };
  for (const register of COMMANDS) register(program, ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    return handleError(err, io);
  }
}

function handleError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (err instanceof ConfigError) {
    io.err(formatDiagnostics(err.diagnostics, 'stylish'));
    io.err('dagsmith.config.yaml has errors');
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    io.err(`error${codeOf(err)}: ${inertLines(err.message)}`);
    return EXIT.usage;
  }
  if (err instanceof RemoteError) {
    io.err(`error${codeOf(err)}: ${inertLines(err.message)}`);
    return EXIT.remote;
  }
  io.err(`dagsmith: internal error (a bug; please report it): ${inertLines((err as Error)?.stack ?? String(err))}`);
  return 70;
}

/** A message that may span lines (a remote error's detail, a stack), each line inert and indented under the first. */
function inertLines(text: string): string {
  return text.split('\n').map(inertText).join('\n  ');
}

/** ' DS631' for errors that carry a catalog code (sync's), so they print like diagnostics: `error DS631: ...`. */
function codeOf(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^DS\d{3}$/.test(code) ? ` ${code}` : '';
}
