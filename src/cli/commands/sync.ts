import { Option, type Command } from 'commander';
import { formatDiagnostics } from '../../diagnostics/format';
import type { DagSyncReport } from '../../sync/apply';
import type { AirflowTarget } from '../../targets';
import { UsageError } from '../../diagnostics/types';
import type { SyncOptions, SyncProgress, SyncResult } from '../../use-cases/sync';
import { inertText } from '../../diagnostics/inert';
import { EXIT, type CliIO } from '../io';
import { positiveNumber } from '../options';
import { printDiagnostics } from '../print';
import { printPlan, summaryLine, toJson } from '../sync-print';
import type { CommandContext } from './context';

interface SyncFlags {
  env?: string;
  bucket?: string;
  airflow?: string;
  kmsKey?: string;
  dryRun?: boolean;
  json?: boolean;
  quiet?: boolean;
  prune?: boolean;
  forceUnlock?: string;
  wait?: boolean;
  waitTimeout?: number;
  verify?: boolean;
  verifyTimeout?: number;
  verifyPlainHttp?: boolean;
  run?: boolean | string;
  runTimeout?: number;
  poll?: number;
}

export function registerSync(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('sync')
    .description('deploy dags-out/ to the S3 DAG folder of an MWAA environment (--env) or any bucket (--bucket)')
    .option('--env <name>', 'environment of dagsmith.config.yaml to deploy to (with --bucket: whose DAGs, compiled with its values)')
    .option('--bucket <s3url>', 's3://BUCKET/PREFIX to deploy to, for Airflow outside MWAA')
    .option('--airflow <version>', 'Airflow version the DAGs were compiled for (as given to compile)')
    .option('--kms-key <id>', 'KMS key (id, alias or ARN) for SSE-KMS with --bucket; default: the bucket default encryption')
    .option('--dry-run', 'print the plan; make no write call')
    .option('--json', 'print the plan and the result as JSON')
    .option('--quiet', 'print only errors and the summary line')
    .option('--prune', 'delete objects an earlier sync deployed whose pipeline is gone (never anything else)')
    .option('--force-unlock <id>', 'break the lock with this id at once (DS603 names it): one left by a sync that was killed')
    .option('--wait', 'MWAA: wait until the environment is AVAILABLE (before the sync, and after an update it started)')
    .addOption(new Option('--wait-timeout <minutes>', 'MWAA: how long --wait waits').argParser(positiveNumber))
    .option('--verify', 'MWAA: after the sync, check that Airflow imported every DAG file deployed (exit 1 if not)')
    .addOption(new Option('--verify-timeout <seconds>', 'MWAA: how long --verify waits for an answer').argParser(positiveNumber))
    .option(
      '--verify-plain-http',
      'MWAA: --verify over plain http, only for a local emulator on this machine that serves the CLI endpoint without TLS (MWAA itself is always https)',
    )
    .option('--run [pipeline]', "MWAA Serverless: start a run of every deployed workflow (or of one pipeline's) and follow it to the end")
    .addOption(new Option('--run-timeout <minutes>', 'MWAA Serverless: how long --run follows a run (default 120)').argParser(positiveNumber))
    .addOption(
      new Option('--poll <seconds>', 'MWAA Serverless: seconds between two looks at a run (default 10)').argParser(positiveNumber).hideHelp(),
    )
    .action(async (o: SyncFlags) => {
      const { isServerlessEnvironment } = require('../../use-cases/sync-serverless') as typeof import('../../use-cases/sync-serverless');
      if (o.env !== undefined && o.bucket === undefined && isServerlessEnvironment(cwd, o.env)) {
        const mwaaOnly = (
          ['airflow', 'kmsKey', 'prune', 'forceUnlock', 'wait', 'waitTimeout', 'verify', 'verifyTimeout', 'verifyPlainHttp'] as const
        ).filter((k) => o[k] !== undefined);
        if (mwaaOnly.length > 0)
          throw new UsageError(
            `environment '${o.env}' deploys to MWAA Serverless, where ${mwaaOnly.map(flagOf).join(', ')} ${mwaaOnly.length === 1 ? 'does' : 'do'} not apply`,
          );
        const { syncServerless } = require('./sync-serverless') as typeof import('./sync-serverless');
        exit(await syncServerless({ cwd, env: o.env, dryRun: o.dryRun, run: o.run, runTimeoutMinutes: o.runTimeout, pollSeconds: o.poll }, o, io));
        return;
      }
      if (o.run !== undefined || o.runTimeout !== undefined)
        throw new UsageError('--run starts MWAA Serverless workflow runs: it goes with an environment whose target is mwaa-serverless');
      const opts: SyncOptions = {
        cwd,
        env: o.env,
        bucket: o.bucket,
        airflow: o.airflow,
        kmsKey: o.kmsKey,
        dryRun: o.dryRun,
        prune: o.prune,
        forceUnlock: o.forceUnlock,
        wait: o.wait,
        waitTimeoutMinutes: o.waitTimeout,
        verify: o.verify,
        verifyTimeoutSeconds: o.verifyTimeout,
        verifyPlainHttp: o.verifyPlainHttp,
      };
      exit(await stoppable(io, (signal) => sync({ ...opts, signal }, o, io)));
    });
}

async function sync(opts: SyncOptions, o: SyncFlags, io: CliIO): Promise<number> {
  const { syncProject } = require('../../use-cases/sync') as typeof import('../../use-cases/sync');
  const result = await syncProject(opts, progressPrinter(io, { quiet: o.quiet === true, json: o.json === true }));
  if (printDiagnostics(result.diagnostics, 'stylish', io) || result.status === 'invalid' || result.status === 'stale')
    return printRefusal(result, io);
  if (result.status === 'conflicts') {
    printSynced(result.report, result.target, { ...o, summary: false }, io);
    return printRefusal(result, io);
  }
  printSynced(result.report, result.target, o, io);
  // The DAGs are synced; the MWAA step after them failed: said after the sync's own report.
  if (result.status === 'synced' && result.afterSyncError) throw result.afterSyncError;
  return result.importErrors ? EXIT.inputErrors : EXIT.ok;
}

/** The plan and the summary line (or the JSON document) of a DAG sync. */
function printSynced(report: DagSyncReport, target: AirflowTarget, o: SyncFlags & { summary?: false }, io: CliIO): void {
  if (o.json) io.out(toJson(report, target.version));
  else if (!o.quiet) printPlan(report, io);
  if (!o.json && o.summary !== false) io.out(summaryLine(report));
}

/** `--kmsKey` -> `--kms-key`. */
function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Why a sync (or plan) refused, printed after its diagnostics; returns the exit code. */
export function printRefusal(result: SyncResult, io: CliIO): number {
  switch (result.status) {
    case 'stale':
      printDiagnostics(result.stale, 'stylish', io);
      io.err(
        `sync refused: ${inertText(`${result.outDir}/ is not what '${result.compileCommand}' writes`)}; compile, review and commit it, then sync`,
      );
      return EXIT.inputErrors;
    case 'conflicts':
      printDiagnostics(result.conflicts, 'stylish', io);
      io.err(`sync refused: nothing was written to ${inertText(result.report.destination.label)}`);
      return EXIT.inputErrors;
    default:
      io.err('sync failed: the pipelines have errors; nothing was deployed');
      return EXIT.inputErrors;
  }
}

/** Progress of a sync as the terminal shows it: per-file lines only on a terminal, messages unless --quiet. */
export function progressPrinter(io: CliIO, o: { quiet: boolean; json: boolean }): (e: SyncProgress) => void {
  const perFile = Boolean(io.interactive) && !o.quiet && !o.json;
  return (e) => {
    switch (e.type) {
      case 'lock-replaced': {
        if (o.json) return;
        const whose = `(id ${inertText(e.lock.id)}) held by ${inertText(e.lock.owner)} since ${inertText(e.lock.started)}`;
        io.err(e.lock.how === 'expired' ? `took over an expired lock ${whose}` : `broke the lock ${whose} (--force-unlock)`);
        return;
      }
      case 'uploaded':
        if (perFile) io.err(`  uploaded ${inertText(e.name)} (${e.done}/${e.of}, ${e.bytes} bytes)`);
        return;
      case 'deleted':
        if (perFile) io.err(`  deleted  ${inertText(e.name)}`);
        return;
      case 'progress':
      case 'note':
        if (!o.quiet) io.err(inertText(e.line));
        return;
      case 'diagnostics':
        io.err(formatDiagnostics(e.diagnostics, 'stylish'));
        return;
      case 'planned':
        return;
    }
  };
}

/** The signals that stop a sync, with their numbers (the exit code is 128 + the number, as a shell reports it). */
const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
/** How long a stopped sync waits for S3 to take its lock back before it exits anyway (the lock then expires). */
const RELEASE_WAIT_MS = 15_000;

/**
 * Runs a sync that SIGINT (Ctrl-C), SIGTERM (a cancelled CI run) and SIGHUP stop cleanly: requests in flight are
 * aborted, nothing more is written, the lock is released, and the process exits 128 + the signal's number. A second
 * signal exits at once.
 */
async function stoppable(io: CliIO, run: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const ac = new AbortController();
  const handlers: [NodeJS.Signals, () => void][] = Object.entries(STOP_SIGNALS).map(([name, n]) => {
    const sig = name as NodeJS.Signals;
    return [
      sig,
      () => {
        if (ac.signal.aborted) process.exit(128 + n);
        ac.abort(sig);
        const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), RELEASE_WAIT_MS).unref());
        // Loaded here, not with the CLI: the lock module brings the S3 client (a quarter of a second for every command).
        const { releaseHeldLocks } = require('../../sync/lock') as typeof import('../../sync/lock');
        void Promise.race([releaseHeldLocks(), timeout]).then((r) => {
          const lock =
            r === undefined || r.failed > 0
              ? 'the lock could not be released (it expires by itself)'
              : r.released > 0
                ? 'lock released'
                : 'no lock was held';
          io.err(`sync stopped by ${sig}: ${lock}; what was written is consistent, and the next sync completes the deploy`);
          process.exit(128 + n);
        });
      },
    ];
  });
  for (const [sig, handler] of handlers) process.on(sig, handler);
  try {
    return await run(ac.signal);
  } finally {
    for (const [sig, handler] of handlers) process.off(sig, handler);
  }
}
