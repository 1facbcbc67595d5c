/**
 * Use case: deploy exactly what `compile [--env E]` writes to an S3 DAG folder (an environment of the config, or a
 * bucket), and with an MWAA environment its requirements, plugins and startup script, then (--verify) ask Airflow
 * whether the DAGs imported. It does not compile: like `compile --check`, it refuses when the output folder is
 * missing or stale, so that what is deployed is the reviewed, committed output and a sync never rewrites local
 * files. Progress is handed to `onEvent`; the result says what happened; nothing is printed here.
 */
import { basename } from 'node:path';
import { buildProject, type ProjectResult } from '../compile/project';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import { START_OF_FILE } from '../diagnostics/reporter';
import { RemoteError, UsageError, type Diagnostic } from '../diagnostics/types';
import { planIsClean, planOutputs } from '../emit/output';
import { syncDags, type DagSyncReport, type SyncEvent } from '../sync/apply';
import { manifestSummary } from '../sync/dag-summary';
import { parseBucketUrl } from '../sync/destination';
import { resolveEnvironment } from '../sync/environment';
import type { EnvironmentMessage, LocalFile, ResolvedEnvironment } from '../sync/types';
import type { AirflowTarget } from '../targets';
import { sha256 } from '../util/hash';
import { VERSION } from '../util/version';

export interface SyncOptions {
  readonly cwd: string;
  /**
   * Environment of dagsmith.config.yaml: its values are compiled in (dags-out/E/), and without `bucket` it is where
   * the DAGs go (resolved by src/sync/environment.ts).
   */
  readonly env?: string;
  /**
   * s3://BUCKET/PREFIX to deploy to (Airflow outside MWAA, or an MWAA bucket without asking the MWAA API): the DAGs
   * of `env` when both are given, else those compiled without an environment. At least one of env and bucket.
   */
  readonly bucket?: string;
  readonly airflow?: string;
  /** KMS key for SSE-KMS with `bucket` (an environment names its own). */
  readonly kmsKey?: string;
  /** Plan only; make no write call. */
  readonly dryRun?: boolean;
  /** Delete objects that the previous sync deployed and whose pipeline is gone (nothing else, ever). */
  readonly prune?: boolean;
  /** The id of a lock to break at once: one left by a sync that was killed (DS603 names it). */
  readonly forceUnlock?: string;
  /** Stops the sync: requests in flight are aborted, nothing more is written, the lock is released. */
  readonly signal?: AbortSignal;
  /** MWAA: wait out UPDATING before the sync, and an environment update after it, until AVAILABLE. */
  readonly wait?: boolean;
  /** MWAA: give up waiting after this many minutes (default 90). */
  readonly waitTimeoutMinutes?: number;
  /** MWAA: after the sync, ask the environment whether our DAG files imported. */
  readonly verify?: boolean;
  /** MWAA: seconds to wait for the answer of `verify` (default 120). */
  readonly verifyTimeoutSeconds?: number;
  /** MWAA: `verify` over plain http, for a local emulator on this machine that serves the CLI endpoint without TLS. */
  readonly verifyPlainHttp?: boolean;
  /** `dagsmith plan`: only reading (the environment's status does not matter, its Airflow version does). */
  readonly planOnly?: boolean;
}

/**
 * Everything a sync reports while it runs: the DAG sync's own events and the environment's messages. When the
 * environment's own steps (artifacts, --verify) fail after the DAGs were synced, the result says both
 * (`afterSyncError`).
 */
export type SyncProgress = SyncEvent | EnvironmentMessage;

export type SyncResult =
  | /** The pipelines have errors: nothing was deployed. */ { readonly status: 'invalid'; readonly diagnostics: readonly Diagnostic[] }
  | /** The output folder is not what a compile writes (one DS600 each in `stale`): nothing was deployed. */ {
      readonly status: 'stale';
      readonly diagnostics: readonly Diagnostic[];
      readonly stale: readonly Diagnostic[];
      readonly outDir: string;
      /** The command that would bring it up to date. */
      readonly compileCommand: string;
    }
  | /** Objects dagsmith did not deploy are at our names (one DS602 each): nothing was written. */ {
      readonly status: 'conflicts';
      readonly diagnostics: readonly Diagnostic[];
      readonly report: DagSyncReport;
      readonly files: readonly LocalFile[];
      readonly target: AirflowTarget;
      readonly conflicts: readonly Diagnostic[];
    }
  | /** Synced (or planned, with `dryRun`/`planOnly`). `importErrors`: --verify found DAGs that failed to import. */ {
      readonly status: 'synced';
      readonly diagnostics: readonly Diagnostic[];
      readonly report: DagSyncReport;
      readonly files: readonly LocalFile[];
      readonly target: AirflowTarget;
      readonly importErrors: boolean;
      /**
       * The DAGs were synced, and what came after (the environment's update, --verify) stopped with this error: the
       * caller reports the sync, then the error (exit code 3, or 2 for a usage error).
       */
      readonly afterSyncError?: RemoteError | UsageError;
    };

export async function syncProject(opts: SyncOptions, onEvent: (e: SyncProgress) => void = () => {}): Promise<SyncResult> {
  if (opts.env === undefined && opts.bucket === undefined) {
    throw new UsageError(
      "sync needs --env <name> (an environment of dagsmith.config.yaml), --bucket s3://BUCKET/PREFIX, or both (the environment's DAGs, deployed to that bucket)",
    );
  }
  if (opts.bucket !== undefined && (opts.wait || opts.verify)) {
    throw new UsageError(`--${opts.wait ? 'wait' : 'verify'} asks an MWAA environment; with --bucket, sync deploys to the bucket alone`);
  }
  if (opts.verifyPlainHttp && !opts.verify) throw new UsageError('--verify-plain-http goes with --verify');
  if (opts.kmsKey !== undefined && opts.bucket === undefined) {
    throw new UsageError('--kms-key goes with --bucket; an environment names its own key');
  }
  const fromBucket = opts.bucket !== undefined ? parseBucketUrl(opts.bucket, opts.kmsKey ? { kmsKeyId: opts.kmsKey } : {}) : undefined;

  const result = buildProject({ cwd: opts.cwd, env: opts.env, airflow: opts.airflow });
  if (result.target.platform === 'mwaa-serverless') {
    throw new UsageError(
      `environment '${opts.env}' deploys to MWAA Serverless: 'dagsmith sync --env ${opts.env} --dry-run' shows what a sync would change there`,
    );
  }
  const { diagnostics } = result;
  if (diagnostics.some((d) => d.severity === 'error')) return { status: 'invalid', diagnostics };
  const stale = staleOutputs(opts, result);
  if (stale) return { ...stale, diagnostics };

  const resolved: ResolvedEnvironment = fromBucket
    ? { destination: fromBucket }
    : await resolveEnvironment({
        cwd: opts.cwd,
        outDir: result.outDir,
        config: result.config,
        environment: result.environment!,
        onMessage: onEvent,
        targetVersion: result.target.version,
        wait: opts.wait,
        verify: opts.verify,
        planOnly: opts.planOnly === true,
        ...(opts.waitTimeoutMinutes !== undefined ? { waitOptions: { timeoutMs: opts.waitTimeoutMinutes * 60_000 } } : {}),
        ...(opts.verifyTimeoutSeconds !== undefined ? { verifyTimeoutMs: opts.verifyTimeoutSeconds * 1000 } : {}),
        ...(opts.verifyPlainHttp ? { verifyPlainHttp: true } : {}),
      });
  const files: LocalFile[] = result.pipelines.map((p) => {
    const content = Buffer.from(p.content, 'utf8');
    return { name: basename(p.outPath), content, sha256: sha256(content), summary: manifestSummary(p.ir) };
  });
  const report = await syncDags({
    destination: resolved.destination,
    files,
    airflow: result.target.version,
    prune: opts.prune,
    dryRun: opts.dryRun || opts.planOnly,
    forceUnlock: opts.forceUnlock,
    ...(opts.signal ? { signal: opts.signal } : {}),
    generator: `dagsmith ${VERSION}`,
    onEvent,
  });
  if (report.plan.conflicts.length > 0) {
    const conflicts = report.plan.conflicts.map((name) =>
      makeDiagnostic(
        'DS602',
        `${result.outDir}/${name}`,
        START_OF_FILE,
        `${report.destination.label}${name} exists and was not deployed by dagsmith (no x-amz-meta-dagsmith-sha256); move it away or give the pipeline another id`,
      ),
    );
    return { status: 'conflicts', diagnostics, report, files, target: result.target, conflicts };
  }
  let importErrors = false;
  if (!report.dryRun && resolved.afterDagSync) {
    try {
      const code = await resolved.afterDagSync({
        destination: report.destination,
        files: (report.manifest?.files ?? []).map((e) => ({ key: report.destination.prefix + e.name, sha256: e.sha256 })),
        uploaded: report.uploaded.length,
        deleted: report.deleted.length,
      });
      importErrors = code !== 0;
    } catch (err) {
      if (!(err instanceof RemoteError || err instanceof UsageError)) throw err;
      return { status: 'synced', diagnostics, report, files, target: result.target, importErrors, afterSyncError: err };
    }
  }
  return { status: 'synced', diagnostics, report, files, target: result.target, importErrors };
}

/**
 * The output folder against what a compile writes (sync deploys only what was compiled, reviewed and committed): one
 * DS600 per file missing, stale, orphaned or in the way, or undefined when the folder is current.
 */
export function staleOutputs(
  opts: { readonly cwd: string; readonly env?: string; readonly airflow?: string },
  result: ProjectResult,
): { status: 'stale'; stale: readonly Diagnostic[]; outDir: string; compileCommand: string } | undefined {
  const outputs = planOutputs(
    opts.cwd,
    result.outDir,
    result.pipelines.map((p) => ({ path: p.outPath, content: p.content })),
  );
  if (planIsClean(outputs) && outputs.conflicts.length === 0) return undefined;
  const compileCommand = `dagsmith compile${opts.env ? ` --env ${opts.env}` : ''}${opts.airflow ? ` --airflow ${opts.airflow}` : ''}`;
  const stale = (file: string, message: string): Diagnostic => makeDiagnostic('DS600', file, START_OF_FILE, message);
  // A missing or stale DAG is reported at its pipeline's source, an orphan or a foreign file at itself.
  const sourceOf = new Map(result.pipelines.map((p) => [p.outPath, p.ir.source.file]));
  return {
    status: 'stale',
    outDir: result.outDir,
    compileCommand,
    stale: [
      ...outputs.create.map((f) => stale(sourceOf.get(f.path) ?? f.path, `${f.path} is missing: '${compileCommand}' writes it`)),
      ...outputs.update.map((f) => stale(sourceOf.get(f.path) ?? f.path, `${f.path} is stale: '${compileCommand}' writes it differently`)),
      ...outputs.remove.map((p) => stale(p, `orphaned: its pipeline is gone; '${compileCommand}' removes it`)),
      ...outputs.conflicts.map((p) => stale(p, 'not written by dagsmith: move it away or give the pipeline another id')),
    ],
  };
}
