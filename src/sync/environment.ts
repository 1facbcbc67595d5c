import { S3Client } from '@aws-sdk/client-s3';
import type { MWAAClient } from '@aws-sdk/client-mwaa';
import { parseBucketUrl } from './destination';
import { ARTIFACT_LAYOUT, planArtifacts, readLocalArtifacts, readRemoteArtifacts, uploadArtifacts, type LocalArtifact } from './mwaa-artifacts';
import {
  checkBucketVersioning,
  checkDeployable,
  createMwaaClient,
  DEFAULT_WAIT,
  describeEnvironment,
  updateEnvironment,
  waitUntilAvailable,
  type MwaaEnvironmentInfo,
  type WaitOptions,
} from './mwaa';
import { SyncUsageError } from './sync-error';
import type { DagSyncOutcome, EnvironmentContext, ResolvedEnvironment } from './types';
import { verifyImports, verifyReport } from './verify';

export const DEFAULT_VERIFY_TIMEOUT_MS = 120_000;

/**
 * Resolves `sync --env <name>` to the S3 prefix it deploys to. The one place where an environment of
 * dagsmith.config.yaml becomes a destination: `bucket:` as written, or MWAA's GetEnvironment (SourceBucketArn,
 * DagS3Path), after checking that the environment can take a deploy (AVAILABLE, same Airflow version).
 */
export async function resolveEnvironment(ctx: EnvironmentContext): Promise<ResolvedEnvironment> {
  const env = ctx.environment;
  if (!env.mwaa) {
    if (env.bucket) return { destination: parseBucketUrl(env.bucket) };
    throw new SyncUsageError('DS638', `environment '${env.name}' in dagsmith.config.yaml names neither mwaa: {name, region} nor bucket: s3://...`);
  }
  const { name, region } = env.mwaa;
  const progress = (line: string): void => ctx.onMessage({ type: 'progress', line });
  const waitOptions: WaitOptions = {
    ...DEFAULT_WAIT,
    ...ctx.waitOptions,
    onProgress: (status, seconds) => progress(`MWAA environment '${name}': ${status} (${Math.round(seconds)}s)`),
  };
  // Read (and zip) the artifacts before any upload: a bad plugins folder stops the sync before it starts.
  const artifacts = readLocalArtifacts(ctx.cwd);
  const client = createMwaaClient(region);
  let info = await describeEnvironment(client, name);
  if (checkDeployable(info, ctx.targetVersion, { wait: ctx.wait === true, anyStatus: ctx.planOnly === true }) === 'wait') {
    progress(`MWAA environment '${name}' is ${info.status}; waiting until it is AVAILABLE`);
    info = await waitUntilAvailable(client, name, waitOptions);
  }
  const destination = {
    bucket: info.bucket,
    prefix: `${info.dagPrefix}/`,
    ...(region ? { region } : {}),
    // An environment encrypted with a customer key gets its DAG objects encrypted with that key too.
    ...(info.kmsKey ? { kmsKeyId: info.kmsKey } : {}),
    airflowVersion: info.airflowVersion,
    label: `MWAA environment '${name}' (s3://${info.bucket}/${info.dagPrefix}/)`,
  };
  return {
    destination,
    afterDagSync: async (outcome) => {
      try {
        await deployArtifacts(ctx, client, info, artifacts, waitOptions, progress);
        if (!ctx.verify) return 0;
        return await verify(ctx, client, info, outcome);
      } finally {
        client.destroy();
      }
    },
  };
}

/** requirements.txt, plugins.zip, startup.sh: upload what changed, point the environment at it, maybe wait. */
async function deployArtifacts(
  ctx: EnvironmentContext,
  client: MWAAClient,
  info: MwaaEnvironmentInfo,
  artifacts: readonly LocalArtifact[],
  waitOptions: WaitOptions,
  progress: (line: string) => void,
): Promise<void> {
  if (artifacts.length === 0) return;
  const s3 = new S3Client(ctx.environment.mwaa?.region ? { region: ctx.environment.mwaa.region } : {});
  try {
    await checkBucketVersioning(s3, info.bucket);
    const remote = await readRemoteArtifacts(
      s3,
      info,
      artifacts.map((a) => a.kind),
    );
    const actions = planArtifacts(artifacts, info, remote);
    for (const a of actions) {
      progress(
        `${ARTIFACT_LAYOUT[a.kind].source} -> s3://${info.bucket}/${a.key}: ${a.upload ? 'upload' : a.updateEnvironment ? 'use' : 'unchanged'} (${a.reason})`,
      );
    }
    const update = await uploadArtifacts(s3, info, artifacts, actions, remote, info.kmsKey ? { kmsKey: info.kmsKey } : {});
    const changed = Object.keys(update);
    if (changed.length === 0) return;
    await updateEnvironment(client, info.name, update);
    progress(`MWAA environment '${info.name}' is updating to the new ${changed.join(', ')} (this restarts Airflow; usually 10-30 minutes)`);
    // --verify needs the updated environment, so it waits too.
    if (ctx.wait || ctx.verify) await waitUntilAvailable(client, info.name, waitOptions);
    else progress(`not waiting for it (pass --wait to wait until it is AVAILABLE)`);
  } finally {
    s3.destroy();
  }
}

async function verify(ctx: EnvironmentContext, client: MWAAClient, info: MwaaEnvironmentInfo, outcome: DagSyncOutcome): Promise<number> {
  const prefix = outcome.destination.prefix;
  const ours = outcome.files.map((f) => (f.key.startsWith(prefix) ? f.key.slice(prefix.length) : f.key));
  const result = await verifyImports(client, info.name, ours, {
    timeoutMs: ctx.verifyTimeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS,
    ...(ctx.verifyPlainHttp ? { plainHttp: true } : {}),
  });
  const report = verifyReport(info.name, result, ours.length, ctx.outDir ?? ctx.config.outDir);
  if (report.diagnostics.length > 0) ctx.onMessage({ type: 'diagnostics', diagnostics: report.diagnostics });
  for (const line of report.notes) ctx.onMessage({ type: 'note', line });
  return result.ours.length > 0 ? 1 : 0;
}
