/**
 * Use case: deploy a project's pipelines to an MWAA Serverless environment (target mwaa-serverless), one workflow
 * per pipeline, exactly as `compile --env E` wrote them (a missing or stale output folder is refused, as for MWAA),
 * and with `run` start a run of each deployed workflow and follow it to its end. Progress is handed to `onEvent`;
 * the result says what happened; nothing is printed here.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { buildProject } from '../compile/project';
import { loadConfig } from '../config/project-config';
import { ConfigError, UsageError, type Diagnostic } from '../diagnostics/types';
import { Reporter } from '../diagnostics/reporter';
import { createS3Session } from '../sync/s3';
import { parseBucketUrl } from '../sync/destination';
import { MwaaServerlessClient, type TaskInstanceStatus, type WorkflowRunStatus } from '../sync/serverless/api';
import { deployWorkflows, type ServerlessClients, type ServerlessDeployEvent, type ServerlessDeployReport } from '../sync/serverless/deploy';
import { reportRun, runWorkflow, type RunOutcome } from '../sync/serverless/run';
import { DEFAULT_PLATFORM } from '../targets';
import { sha256 } from '../util/hash';
import { VERSION } from '../util/version';
import { staleOutputs } from './sync';

export interface ServerlessSyncOptions {
  readonly cwd: string;
  /** An environment of dagsmith.config.yaml whose target is mwaa-serverless. */
  readonly env: string;
  /** Plan only: read what is deployed, write nothing. */
  readonly dryRun?: boolean;
  /** After deploying, start a run of every workflow (true) or of one pipeline's (its id), and follow it to the end. */
  readonly run?: boolean | string;
  /** Stop following a run after this many minutes (default 120); the run goes on. */
  readonly runTimeoutMinutes?: number;
  /** Seconds between two looks at a run (default 10). */
  readonly pollSeconds?: number;
  /** Clients to use (default: the SDK's configuration: credentials, region, endpoints). */
  readonly clients?: ServerlessClients;
}

export type ServerlessSyncEvent =
  | ServerlessDeployEvent
  | { readonly type: 'run'; readonly workflow: string; readonly state: WorkflowRunStatus }
  | { readonly type: 'task'; readonly workflow: string; readonly taskId: string; readonly state: TaskInstanceStatus };

export interface WorkflowRunResult {
  readonly pipeline: string;
  readonly workflow: string;
  readonly outcome: RunOutcome;
}

export type ServerlessSyncResult =
  | /** The pipelines have errors: nothing was deployed. */ { readonly status: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | /** The output folder is not what a compile writes: nothing was deployed. */ {
      readonly status: 'stale';
      readonly diagnostics: readonly Diagnostic[];
      readonly stale: readonly Diagnostic[];
      readonly outDir: string;
      readonly compileCommand: string;
    }
  | /** Deployed (planned with `dryRun`); refusals, warnings and failed runs are in `diagnostics`. */ {
      readonly status: 'deployed';
      readonly diagnostics: readonly Diagnostic[];
      readonly report: ServerlessDeployReport;
      readonly runs: readonly WorkflowRunResult[];
    };

/** Whether `sync --env E` deploys to MWAA Serverless (the environment's target, else the config's). */
export function isServerlessEnvironment(cwd: string, env: string): boolean {
  const { config, diagnostics } = loadConfig(cwd);
  if (!config) throw new ConfigError(diagnostics);
  const environment = config.environments.get(env);
  return (environment?.target ?? config.target ?? DEFAULT_PLATFORM) === 'mwaa-serverless';
}

export async function syncServerlessProject(
  opts: ServerlessSyncOptions,
  onEvent: (e: ServerlessSyncEvent) => void = () => {},
): Promise<ServerlessSyncResult> {
  const result = buildProject({ cwd: opts.cwd, env: opts.env });
  if (result.target.platform !== 'mwaa-serverless')
    throw new UsageError(`environment '${opts.env}' does not deploy to MWAA Serverless (its target is ${result.target.platform})`);
  const config = result.environment?.serverless;
  if (!config)
    throw new UsageError(`environment '${opts.env}' has no 'serverless' block in dagsmith.config.yaml (bucket, roleArn, ...): sync needs it`);
  const diagnostics = [...result.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) return { status: 'invalid', diagnostics };
  const stale = staleOutputs(opts, result);
  if (stale) return { ...stale, diagnostics };
  if (typeof opts.run === 'string' && !result.pipelines.some((p) => p.ir.id === opts.run)) {
    throw new UsageError(`--run ${opts.run}: no pipeline of that id`);
  }

  const specs = new Map(result.irs.map((x) => [x.ir.id, x.spec]));
  const clients = opts.clients ?? defaultClients(config.bucket, config.region);
  const report = await deployWorkflows({
    environment: opts.env,
    config,
    pipelines: result.pipelines.map((p) => ({ ir: p.ir, spec: specs.get(p.ir.id)!, definition: p.content, sha256: sha256(p.content) })),
    clients,
    dryRun: opts.dryRun,
    generator: `dagsmith ${VERSION}`,
    onEvent,
  });
  diagnostics.push(...report.diagnostics);
  const runs: WorkflowRunResult[] = [];
  if (opts.run && !opts.dryRun && !report.diagnostics.some((d) => d.severity === 'error')) {
    const timeoutMinutes = opts.runTimeoutMinutes ?? 120;
    for (const w of report.workflows) {
      if (w.arn === undefined || (typeof opts.run === 'string' && w.pipeline !== opts.run)) continue;
      const outcome = await runWorkflow(clients.serverless, w.arn, {
        pollMs: (opts.pollSeconds ?? 10) * 1000,
        timeoutMs: timeoutMinutes * 60_000,
        onRun: (state) => onEvent({ type: 'run', workflow: w.workflow, state }),
        onTask: (t) => onEvent({ type: 'task', workflow: w.workflow, ...t }),
      });
      const spec = specs.get(w.pipeline)!;
      const reporter = new Reporter(spec.file, spec.locator);
      reportRun(reporter, w.workflow, outcome, timeoutMinutes);
      diagnostics.push(...reporter.diagnostics);
      runs.push({ pipeline: w.pipeline, workflow: w.workflow, outcome });
    }
  }
  return { status: 'deployed', diagnostics, report, runs };
}

/** The SDK's configuration: credential chain, region (the environment's, else AWS_REGION or the profile's), endpoints. */
function defaultClients(bucket: string, region: string | undefined): ServerlessClients {
  const s3: S3Client = createS3Session(parseBucketUrl(bucket, region ? { region } : {})).client;
  return { s3, serverless: new MwaaServerlessClient(region ? { region } : {}) };
}
