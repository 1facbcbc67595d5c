import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic } from '../diagnostics/types';
import { UsageError } from '../diagnostics/types';
import { START_OF_FILE } from '../load/source';
import { planIsClean, planOutputs } from '../emit/output';
import { buildProject } from '../project';
import { manifestSummary } from '../sync/dag-summary';
import { planMarkdown } from '../sync/plan-report';
import { syncDags, type DagSyncReport, type SyncEvent } from '../sync/apply';
import { parseBucketUrl } from '../sync/destination';
import { resolveEnvironment } from '../sync/environment';
import type { LocalFile, ResolvedEnvironment } from '../sync/types';
import { EXIT, type CliIO } from './io';
import { printDiagnostics } from './report';
import { printable, printPlan, summaryLine, toJson } from './sync-output';

export interface SyncOptions {
  readonly cwd: string;
  /** Environment of dagsmith.config.yaml to deploy to (resolved by src/sync/environment.ts). */
  readonly env?: string;
  /** s3://BUCKET/PREFIX, for Airflow outside MWAA. Exactly one of env and bucket. */
  readonly bucket?: string;
  readonly airflow?: string;
  /** KMS key for SSE-KMS with --bucket (an environment names its own). */
  readonly kmsKey?: string;
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
  /** `dagsmith plan`: a dry run whose only output (stdout) is the plan as Markdown, with each changed DAG's diff. */
  readonly markdown?: boolean;
}

/**
 * `dagsmith sync`: deploys exactly what `dagsmith compile [--env E]` writes to dags-out/. It does not compile:
 * like `compile --check`, it refuses (exit 1, DS600) when dags-out/ is missing or stale, so that what is deployed is
 * the reviewed, committed output and a sync never rewrites local files.
 */
export async function sync(opts: SyncOptions, io: CliIO): Promise<number> {
  if ((opts.env === undefined) === (opts.bucket === undefined)) {
    throw new UsageError('sync needs exactly one of --env <name> or --bucket s3://BUCKET/PREFIX');
  }
  if (opts.kmsKey !== undefined && opts.bucket === undefined) {
    throw new UsageError('--kms-key goes with --bucket; an environment names its own key');
  }
  const fromBucket = opts.bucket !== undefined ? parseBucketUrl(opts.bucket, opts.kmsKey ? { kmsKeyId: opts.kmsKey } : {}) : undefined;

  const result = buildProject({ cwd: opts.cwd, env: opts.env, airflow: opts.airflow });
  if (printDiagnostics(result.diagnostics, 'stylish', io)) {
    io.err('sync failed: the pipelines have errors; nothing was deployed');
    return EXIT.inputErrors;
  }
  const outputs = planOutputs(opts.cwd, result.outDir, result.pipelines.map((p) => ({ path: p.outPath, content: p.content })));
  if (!planIsClean(outputs) || outputs.conflicts.length > 0) {
    const compileCmd = `dagsmith compile${opts.env ? ` --env ${opts.env}` : ''}${opts.airflow ? ` --airflow ${opts.airflow}` : ''}`;
    const stale = (file: string, message: string): Diagnostic => makeDiagnostic('DS600', file, START_OF_FILE, message);
    // A missing or stale DAG is reported at its pipeline's source, an orphan or a foreign file at itself.
    const sourceOf = new Map(result.pipelines.map((p) => [p.outPath, p.ir.source.file]));
    printDiagnostics(
      [
        ...outputs.create.map((f) => stale(sourceOf.get(f.path) ?? f.path, `${f.path} is missing: '${compileCmd}' writes it`)),
        ...outputs.update.map((f) => stale(sourceOf.get(f.path) ?? f.path, `${f.path} is stale: '${compileCmd}' writes it differently`)),
        ...outputs.remove.map((p) => stale(p, `orphaned: its pipeline is gone; '${compileCmd}' removes it`)),
        ...outputs.conflicts.map((p) => stale(p, 'not written by dagsmith: move it away or give the pipeline another id')),
      ],
      'stylish',
      io,
    );
    io.err(`sync refused: ${result.outDir}/ is not what '${compileCmd}' writes; compile, review and commit it, then sync`);
    return EXIT.inputErrors;
  }

  const resolved: ResolvedEnvironment = fromBucket
    ? { destination: fromBucket }
    : await resolveEnvironment({
        cwd: opts.cwd,
        outDir: result.outDir,
        config: result.config,
        environment: result.environment!,
        io,
        targetVersion: result.target.version,
        wait: opts.wait,
        verify: opts.verify,
        quiet: opts.quiet,
        planOnly: opts.markdown === true,
        ...(opts.waitTimeoutMinutes !== undefined ? { waitOptions: { timeoutMs: opts.waitTimeoutMinutes * 60_000 } } : {}),
        ...(opts.verifyTimeoutSeconds !== undefined ? { verifyTimeoutMs: opts.verifyTimeoutSeconds * 1000 } : {}),
      });
  const files: LocalFile[] = result.pipelines.map((p) => {
    const content = Buffer.from(p.content, 'utf8');
    return {
      name: basename(p.outPath),
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
      summary: manifestSummary(p.ir),
    };
  });

  const progress = Boolean(io.interactive) && !opts.quiet && !opts.json;
  const onEvent = (e: SyncEvent): void => {
    if (e.type === 'lock-broken' && !opts.json) {
      io.err(`broke a stale lock held by ${printable(e.lock.owner)} since ${printable(e.lock.started)} (${Math.round(e.lock.ageMs / 60000)} minutes old)`);
    }
    if (!progress) return;
    if (e.type === 'uploaded') io.err(`  uploaded ${printable(e.name)} (${e.done}/${e.of}, ${e.bytes} bytes)`);
    if (e.type === 'deleted') io.err(`  deleted  ${printable(e.name)}`);
  };
  const report: DagSyncReport = await syncDags({
    destination: resolved.destination,
    files,
    airflow: result.target.version,
    prune: opts.prune,
    dryRun: opts.dryRun || opts.markdown,
    forceUnlock: opts.forceUnlock,
    generator: `dagsmith ${require('../../package.json').version}`,
    onEvent,
  });

  const conflicts = report.plan.conflicts;
  if (opts.markdown) io.out(planMarkdown(report, files));
  else if (opts.json) io.out(toJson(report, result.target.version));
  else {
    if (!opts.quiet) printPlan(report, io);
    if (conflicts.length === 0) io.out(summaryLine(report));
  }
  if (conflicts.length > 0) {
    printDiagnostics(
      conflicts.map((name) =>
        makeDiagnostic(
          'DS602',
          `${result.outDir}/${name}`,
          START_OF_FILE,
          `${report.destination.label}${printable(name)} exists and was not deployed by dagsmith (no x-amz-meta-dagsmith-sha256); move it away or give the pipeline another id`,
        ),
      ),
      'stylish',
      io,
    );
    io.err(`sync refused: nothing was written to ${report.destination.label}`);
    return EXIT.inputErrors;
  }
  if (report.dryRun || !resolved.afterDagSync) return EXIT.ok;
  return resolved.afterDagSync({
    destination: report.destination,
    files: (report.manifest?.files ?? []).map((e) => ({ key: report.destination.prefix + e.name, sha256: e.sha256 })),
    uploaded: report.uploaded.length,
    deleted: report.deleted.length,
  });
}
