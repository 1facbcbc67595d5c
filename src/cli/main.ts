import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { formatDiagnostics } from '../diagnostics/format';
import { ConfigError, RemoteError, UsageError } from '../diagnostics/types';
import { REPORT_FORMATS } from '../diagnostics/format';
import { GRAPH_FORMATS } from '../graph/formats';
import { EXIT, processIO, type CliIO } from './io';

// Each command's module is loaded when that command runs: the AWS SDK (sync, plan, lint --remote), ts-morph, the
// compiler proper (which a no-op compile never needs) would otherwise cost every start.
const loadSync = (): typeof import('./sync').sync => (require('./sync') as typeof import('./sync')).sync;
const compile: typeof import('./compile').compile = (...a) => (require('./compile') as typeof import('./compile')).compile(...a);
const watchCompile: typeof import('./watch').watchCompile = (...a) => (require('./watch') as typeof import('./watch')).watchCompile(...a);
const init: typeof import('./init').init = (...a) => (require('./init') as typeof import('./init')).init(...a);
const graph: typeof import('./graph').graph = (...a) => (require('./graph') as typeof import('./graph')).graph(...a);
const schema: typeof import('./schema').schema = (...a) => (require('./schema') as typeof import('./schema')).schema(...a);
const validate: typeof import('./validate').validate = (...a) => (require('./validate') as typeof import('./validate')).validate(...a);

const formatOption = () =>
  new Option('--format <format>', 'diagnostic output format').choices(['stylish', 'json']).default('stylish');

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
}

function positiveInteger(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new InvalidArgumentError('expected a whole number from 1 to 999');
  return Number(value);
}

/** Runs the CLI; returns the exit code. One handler maps every error kind to its exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO, cwd = process.cwd()): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command()
    .name('dagsmith')
    .description('Validate, lint and compile AWS ingestion pipelines to Apache Airflow DAGs for Amazon MWAA.')
    .version(require('../../package.json').version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);

  program
    .command('init')
    .description('scaffold a project: config, JSON Schema, a YAML and a TypeScript example, pipelines/tsconfig.json')
    .option('--force', 'overwrite files that exist')
    .action(async (o) => {
      code = await init({ cwd, force: o.force }, io);
    });

  program
    .command('validate')
    .description('check every pipeline (schema and semantics) without writing anything')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(formatOption())
    .action(async (o) => {
      code = await validate({ cwd, env: o.env, airflow: o.airflow, format: o.format }, io);
    });

  program
    .command('compile')
    .description('compile pipelines to Airflow DAG files in dags-out/')
    .option('--env <name>', 'environment whose variables apply; output goes to dags-out/<name>/')
    .option('--airflow <version>', 'Airflow version to compile for (overrides dagsmith.config.yaml)')
    .option('--check', 'write nothing; exit 1 if dags-out/ is missing or stale files')
    .option('--no-cache', 'recompile every pipeline, ignoring the incremental-compile cache in .dagsmith/cache/')
    .option('--watch', 'compile, then recompile on every change to the project, printing what changed (Ctrl-C stops)')
    .addOption(new Option('--jobs <n>', 'threads to compile on (default: as many as pay off for the number of files, up to 4)').argParser(positiveInteger))
    .addOption(formatOption())
    .action(async (o) => {
      const opts = { cwd, env: o.env, airflow: o.airflow, check: o.check, format: o.format, cache: o.cache as boolean, jobs: o.jobs as number | undefined };
      if (o.watch && o.check) throw new UsageError('--watch and --check do not go together');
      code = o.watch ? await watchCompile(opts, io) : await compile(opts, io);
    });

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
    .action(async (o) => {
      code = await loadSync()(
        {
          cwd,
          env: o.env,
          bucket: o.bucket,
          airflow: o.airflow,
          kmsKey: o.kmsKey,
          dryRun: o.dryRun,
          json: o.json,
          quiet: o.quiet,
          prune: o.prune,
          forceUnlock: o.forceUnlock,
          wait: o.wait,
          waitTimeoutMinutes: o.waitTimeout,
          verify: o.verify,
          verifyTimeoutSeconds: o.verifyTimeout,
        },
        io,
      );
    });

  program
    .command('lint')
    .description('validate, then check pipelines against AWS ingestion best practices (rules DS400-DS499)')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', (v) => {
      if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings takes a whole number, 0 or more; got '${v}'`);
      return Number(v);
    })
    .option('--remote', 'also check, read-only, that referenced Glue jobs, crawlers, security configurations and S3 buckets exist, and bucket encryption and public access blocks (AWS credential chain, AWS_ENDPOINT_URL)')
    .action(async (o) => {
      code = await (require('./lint') as typeof import('./lint')).lint({ cwd, env: o.env, airflow: o.airflow, format: o.format, maxWarnings: o.maxWarnings, remote: o.remote }, io);
    });

  program
    .command('graph')
    .argument('[ids...]', 'pipeline ids to draw')
    .description('draw pipelines (steps, groups, trigger rules, dependencies) as Mermaid, DOT or SVG')
    .addOption(new Option('--format <format>', 'output format').choices([...GRAPH_FORMATS]).default('mermaid'))
    .option('--changed <ref>', 'draw the pipelines changed since a git ref, as Markdown for a pull request comment')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .action(async (ids: string[], o) => {
      code = await graph({ cwd, ids, format: o.format, changed: o.changed, env: o.env, airflow: o.airflow }, io);
    });

  program
    .command('plan')
    .description('print what `sync` would change, with a structural diff of each changed DAG, as Markdown (for a PR comment)')
    .option('--env <name>', 'environment of dagsmith.config.yaml to plan for')
    .option('--bucket <s3url>', 's3://BUCKET/PREFIX to plan for, for Airflow outside MWAA')
    .option('--airflow <version>', 'Airflow version the DAGs were compiled for (as given to compile)')
    .option('--prune', 'plan as `sync --prune`: files whose pipeline is gone are deleted')
    .action(async (o) => {
      code = await loadSync()({ cwd, env: o.env, bucket: o.bucket, airflow: o.airflow, prune: o.prune, markdown: true }, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of a pipeline file')
    .action(async () => {
      code = await schema({ cwd }, io);
    });

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
    io.err(`error${codeOf(err)}: ${err.message}`);
    return EXIT.usage;
  }
  if (err instanceof RemoteError) {
    io.err(`error${codeOf(err)}: ${err.message}`);
    return EXIT.remote;
  }
  io.err(`dagsmith: internal error (a bug; please report it): ${(err as Error)?.stack ?? String(err)}`);
  return 70;
}

/** ' DS631' for errors that carry a catalog code (sync's), so they print like diagnostics: `error DS631: ...`. */
function codeOf(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^DS\d{3}$/.test(code) ? ` ${code}` : '';
}
