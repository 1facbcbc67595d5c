import { UsageError } from '../diagnostics/types';
import { planIsClean, planOutputs } from '../emit/output';
import { buildProject } from '../project';
import { parseBucketUrl } from '../sync/destination';
import { resolveEnvironment } from '../sync/environment';
import type { ResolvedEnvironment } from '../sync/types';
import { EXIT, type CliIO } from './io';
import { printDiagnostics } from './report';

export interface SyncOptions {
  readonly cwd: string;
  /** Environment of dagsmith.config.yaml to deploy to (resolved by src/sync/environment.ts). */
  readonly env?: string;
  /** s3://BUCKET/PREFIX, for Airflow outside MWAA. Exactly one of env and bucket. */
  readonly bucket?: string;
  readonly airflow?: string;
  /** Print the plan; make no write call. */
  readonly dryRun?: boolean;
  /** The plan and the result as one JSON document on stdout. */
  readonly json?: boolean;
  /** Only errors and the summary line. */
  readonly quiet?: boolean;
  /** Delete objects that the previous sync deployed and whose pipeline is gone (nothing else, ever). */
  readonly prune?: boolean;
  /** Break a lock left by a sync that died, once it is older than the stale limit. */
  readonly forceUnlock?: boolean;
  /** MWAA: wait out UPDATING before the sync, and an environment update after it, until AVAILABLE. */
  readonly wait?: boolean;
  /** MWAA: give up waiting after this many minutes (default 90). */
  readonly waitTimeoutMinutes?: number;
  /** MWAA: after the sync, ask the environment whether our DAG files imported; exit 1 when one did not. */
  readonly verify?: boolean;
  /** MWAA: seconds to wait for the answer of --verify (default 120). */
  readonly verifyTimeoutSeconds?: number;
}

/**
 * `dagsmith sync`: deploys exactly what `dagsmith compile [--env E]` writes to dags-out/. It does not compile:
 * like `compile --check`, it refuses (exit 1) when dags-out/ is missing or stale, so that what is deployed is the
 * reviewed, committed output and a sync never rewrites local files.
 */
export async function sync(opts: SyncOptions, io: CliIO): Promise<number> {
  if ((opts.env === undefined) === (opts.bucket === undefined)) {
    throw new UsageError('sync needs exactly one of --env <name> or --bucket s3://BUCKET/PREFIX');
  }
  const fromBucket = opts.bucket !== undefined ? parseBucketUrl(opts.bucket) : undefined;

  const result = buildProject({ cwd: opts.cwd, env: opts.env, airflow: opts.airflow });
  if (printDiagnostics(result.diagnostics, 'stylish', io)) {
    io.err('sync failed: the pipelines have errors; nothing was deployed');
    return EXIT.inputErrors;
  }
  const outputs = planOutputs(opts.cwd, result.outDir, result.pipelines.map((p) => ({ path: p.outPath, content: p.content })));
  if (!planIsClean(outputs) || outputs.conflicts.length > 0) {
    for (const f of outputs.create) io.err(`missing: ${f.path}`);
    for (const f of outputs.update) io.err(`stale: ${f.path}`);
    for (const p of outputs.remove) io.err(`orphaned: ${p} (its pipeline is gone)`);
    for (const p of outputs.conflicts) io.err(`not written by dagsmith: ${p}`);
    io.err(
      `sync refused: ${result.outDir}/ is not what 'dagsmith compile${opts.env ? ` --env ${opts.env}` : ''}' writes; ` +
        'compile, review and commit it, then sync',
    );
    return EXIT.inputErrors;
  }

  const resolved: ResolvedEnvironment = fromBucket
    ? { destination: fromBucket }
    : await resolveEnvironment({
        cwd: opts.cwd,
        config: result.config,
        environment: result.environment!,
        io,
        targetVersion: result.target.version,
        wait: opts.wait,
        verify: opts.verify,
        quiet: opts.quiet,
        ...(opts.waitTimeoutMinutes !== undefined ? { waitOptions: { timeoutMs: opts.waitTimeoutMinutes * 60_000 } } : {}),
        ...(opts.verifyTimeoutSeconds !== undefined ? { verifyTimeoutMs: opts.verifyTimeoutSeconds * 1000 } : {}),
      });
  throw new UsageError(`sync to ${resolved.destination.label} is not implemented yet`);
}
