import { Option, type Command } from 'commander';
import { formatDiagnostics } from '../../diagnostics/format';
import { UsageError } from '../../diagnostics/types';
import type { SyncOptions, SyncProgress, SyncResult } from '../../use-cases/sync';
import { printable } from '../../util/printable';
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
  forceUnlock?: boolean;
  wait?: boolean;
  waitTimeout?: number;
  verify?: boolean;
  verifyTimeout?: number;
  run?: boolean | string;
  runTimeout?: number;
  poll?: number;
}

export function registerSync(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('sync')
    .description('deploy dags-out/ to the S3 DAG folder of an MWAA environment (--env) or any bucket (--bucket)')
    .option('--env <name>', 'environment of dagsmith.config.yaml to deploy to')
    .option('--bucket <s3url>', 's3://BUCKET/PREFIX to deploy to, for Airflow outside MWAA')
    .option('--airflow <version>', 'Airflow version the DAGs were compiled for (as given to compile)')
    .option('--kms-key <id>', 'KMS key (id, alias or ARN) for SSE-KMS with --bucket; default: the bucket default encryption')
    .option('--dry-run', 'print the plan; make no write call')
    .option('--json', 'print the plan and the result as JSON')
    .option('--quiet', 'print only errors and the summary line')
    .option('--prune', 'delete objects an earlier sync deployed whose pipeline is gone (never anything else)')
    .option('--force-unlock', 'break a stale lock left by a sync that did not finish')
    .option('--wait', 'MWAA: wait until the environment is AVAILABLE (before the sync, and after an update it started)')
    .addOption(new Option('--wait-timeout <minutes>', 'MWAA: how long --wait waits').argParser(positiveNumber))
    .option('--verify', 'MWAA: after the sync, check that Airflow imported every DAG file deployed (exit 1 if not)')
    .addOption(new Option('--verify-timeout <seconds>', 'MWAA: how long --verify waits for an answer').argParser(positiveNumber))
    .option('--run [pipeline]', "MWAA Serverless: start a run of every deployed workflow (or of one pipeline's) and follow it to the end")
    .addOption(new Option('--run-timeout <minutes>', 'MWAA Serverless: how long --run follows a run (default 120)').argParser(positiveNumber))
    .addOption(
      new Option('--poll <seconds>', 'MWAA Serverless: seconds between two looks at a run (default 10)').argParser(positiveNumber).hideHelp(),
    )
    .action(async (o: SyncFlags) => {
      const { isServerlessEnvironment } = require('../../use-cases/sync-serverless') as typeof import('../../use-cases/sync-serverless');
      if (o.env !== undefined && o.bucket === undefined && isServerlessEnvironment(cwd, o.env)) {
        const mwaaOnly = (['airflow', 'kmsKey', 'prune', 'forceUnlock', 'wait', 'waitTimeout', 'verify', 'verifyTimeout'] as const).filter(
          (k) => o[k] !== undefined,
        );
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
      };
      exit(await sync(opts, o, io));
    });
}

async function sync(opts: SyncOptions, o: SyncFlags, io: CliIO): Promise<number> {
  const { syncProject } = require('../../use-cases/sync') as typeof import('../../use-cases/sync');
  const result = await syncProject(opts, progressPrinter(io, { quiet: o.quiet === true, json: o.json === true }));
  if (printDiagnostics(result.diagnostics, 'stylish', io) || result.status === 'invalid' || result.status === 'stale')
    return printRefusal(result, io);
  if (o.json) io.out(toJson(result.report, result.target.version));
  else if (!o.quiet) printPlan(result.report, io);
  if (result.status === 'conflicts') return printRefusal(result, io);
  if (!o.json) io.out(summaryLine(result.report));
  return result.importErrors ? EXIT.inputErrors : EXIT.ok;
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
      io.err(`sync refused: ${result.outDir}/ is not what '${result.compileCommand}' writes; compile, review and commit it, then sync`);
      return EXIT.inputErrors;
    case 'conflicts':
      printDiagnostics(result.conflicts, 'stylish', io);
      io.err(`sync refused: nothing was written to ${result.report.destination.label}`);
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
      case 'lock-broken':
        if (!o.json)
          io.err(
            `broke a stale lock held by ${printable(e.lock.owner)} since ${printable(e.lock.started)} (${Math.round(e.lock.ageMs / 60000)} minutes old)`,
          );
        return;
      case 'uploaded':
        if (perFile) io.err(`  uploaded ${printable(e.name)} (${e.done}/${e.of}, ${e.bytes} bytes)`);
        return;
      case 'deleted':
        if (perFile) io.err(`  deleted  ${printable(e.name)}`);
        return;
      case 'progress':
      case 'note':
        if (!o.quiet) io.err(e.line);
        return;
      case 'diagnostics':
        io.err(formatDiagnostics(e.diagnostics, 'stylish'));
        return;
      case 'planned':
        return;
    }
  };
}
