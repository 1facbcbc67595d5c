/**
 * The MWAA control plane as sync sees it: which bucket and prefix an environment reads its DAGs from, whether it
 * can take a deploy now (status, Airflow version), pointing it at new requirements/plugins/startup versions and
 * waiting for it to come back.
 */
import {
  GetEnvironmentCommand,
  MWAAClient,
  UpdateEnvironmentCommand,
  type Environment,
  type MWAAClientConfig,
  type UpdateEnvironmentInput,
} from '@aws-sdk/client-mwaa';
import { GetBucketVersioningCommand, type S3Client } from '@aws-sdk/client-s3';
import { MWAA_TARGETS, TARGET_VERSIONS } from '../targets';
import { inertText } from '../diagnostics/inert';
import { SyncError } from './sync-error';

/** One of an environment's S3 artifacts (paths are relative to the bucket, as MWAA gives them). */
export interface ArtifactRef {
  readonly path: string;
  readonly version: string | undefined;
}

export interface MwaaEnvironmentInfo {
  readonly name: string;
  readonly status: string;
  readonly airflowVersion: string;
  readonly bucket: string;
  /** DagS3Path without leading or trailing slashes ('dags'); objects are `<dagPrefix>/<file>`. */
  readonly dagPrefix: string;
  readonly requirements: ArtifactRef | undefined;
  readonly plugins: ArtifactRef | undefined;
  readonly startup: ArtifactRef | undefined;
  readonly webserverUrl: string | undefined;
  readonly kmsKey: string | undefined;
  /** Why the last update failed, when MWAA says. */
  readonly lastUpdateError: string | undefined;
}

/** Statuses that end by themselves; `--wait` waits them out. Every other non-AVAILABLE status needs a human. */
const TRANSIENT = new Set(['CREATING', 'UPDATING', 'ROLLING_BACK', 'CREATING_SNAPSHOT', 'PENDING', 'MAINTENANCE']);

/** The endpoint the SDK will use instead of AWS's, read the way the SDK reads it (service-specific first). */
export function mwaaEndpointOverride(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) return undefined;
  return env.AWS_ENDPOINT_URL_MWAA || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * Client settings. MWAA's API prefixes the endpoint host per operation (`api.`, `env.`); against an endpoint the
 * user configured (a local server, a VPC endpoint) that prefix would name a host that does not exist, so it is
 * turned off exactly then.
 */
export function mwaaClientConfig(region: string | undefined, env: NodeJS.ProcessEnv = process.env): MWAAClientConfig {
  return { ...(region ? { region } : {}), disableHostPrefix: mwaaEndpointOverride(env) !== undefined };
}

export function createMwaaClient(region: string | undefined): MWAAClient {
  return new MWAAClient(mwaaClientConfig(region));
}

/** `arn:aws:s3:::bucket` -> `bucket`. */
export function bucketFromArn(arn: string): string | undefined {
  const m = /^arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/.exec(arn);
  return m?.[1];
}

function artifact(path: string | undefined, version: string | undefined): ArtifactRef | undefined {
  return path ? { path: path.replace(/^\/+/, ''), version: version || undefined } : undefined;
}

/** The parts of GetEnvironment's answer sync needs; a malformed answer is DS630. */
export function environmentInfo(name: string, env: Environment | undefined): MwaaEnvironmentInfo {
  if (!env) throw new SyncError('DS630', `MWAA returned no environment for '${name}'`);
  const bucket = env.SourceBucketArn ? bucketFromArn(env.SourceBucketArn) : undefined;
  if (!bucket) {
    throw new SyncError('DS630', `MWAA environment '${name}' has no usable SourceBucketArn (${JSON.stringify(env.SourceBucketArn ?? null)})`);
  }
  if (!env.DagS3Path) throw new SyncError('DS630', `MWAA environment '${name}' has no DagS3Path`);
  return {
    name,
    status: env.Status ?? 'UNKNOWN',
    airflowVersion: env.AirflowVersion ?? 'unknown',
    bucket,
    dagPrefix: env.DagS3Path.replace(/^\/+|\/+$/g, ''),
    requirements: artifact(env.RequirementsS3Path, env.RequirementsS3ObjectVersion),
    plugins: artifact(env.PluginsS3Path, env.PluginsS3ObjectVersion),
    startup: artifact(env.StartupScriptS3Path, env.StartupScriptS3ObjectVersion),
    webserverUrl: env.WebserverUrl,
    kmsKey: env.KmsKey,
    lastUpdateError: env.LastUpdate?.Error ? `${env.LastUpdate.Error.ErrorCode ?? ''} ${env.LastUpdate.Error.ErrorMessage ?? ''}`.trim() : undefined,
  };
}

/**
 * Why an error says that nothing at the endpoint speaks the MWAA API (rather than that MWAA refused the call): no
 * connection, an answer that is not MWAA's JSON (an S3 server's XML, an HTML error page), an operation it does not
 * know. Undefined for MWAA's own errors.
 */
export function mwaaApiMissing(err: unknown): string | undefined {
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string };
    $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
  };
  const net = e.code ?? e.cause?.code;
  if (net && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/.test(net)) return `no connection (${net})`;
  if (e.name === 'UnknownOperationException') return 'it does not know the GetEnvironment operation';
  if (e.$response && /Deserialization error/.test(e.message ?? '')) {
    const type = e.$response.headers?.['content-type'];
    return `it answers HTTP ${e.$response.statusCode ?? '?'}${type ? ` with ${inertText(type.split(';')[0]!.trim())}` : ''}, not MWAA's JSON`;
  }
  return undefined;
}

function remoteMessage(err: unknown): string {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  return `${e.name ?? 'Error'}${e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}: ${e.message ?? String(err)}`;
}

export async function describeEnvironment(client: MWAAClient, name: string): Promise<MwaaEnvironmentInfo> {
  let out;
  try {
    out = await client.send(new GetEnvironmentCommand({ Name: name }));
  } catch (err) {
    if ((err as { name?: string }).name === 'ResourceNotFoundException') {
      throw new SyncError('DS630', `MWAA environment '${name}' does not exist (in this account and region)`);
    }
    const missing = mwaaApiMissing(err);
    if (missing) {
      const override = mwaaEndpointOverride();
      const where = override
        ? `${inertText(override)} (${process.env.AWS_ENDPOINT_URL_MWAA ? 'AWS_ENDPOINT_URL_MWAA' : 'AWS_ENDPOINT_URL'}) does not serve the MWAA API`
        : "MWAA's API cannot be reached";
      throw new SyncError(
        'DS610',
        `cannot ask MWAA where environment '${name}' takes its DAGs: ${where}: ${missing}; point AWS_ENDPOINT_URL_MWAA at the MWAA API, or deploy to the bucket itself with --bucket s3://BUCKET/PREFIX (add --env for the environment's values)`,
      );
    }
    throw new SyncError('DS630', `cannot describe MWAA environment '${name}': ${remoteMessage(err)}`);
  }
  return environmentInfo(name, out.Environment);
}

/**
 * Whether a deploy can go ahead: 'ready', or 'wait' when the status is transient and `--wait` was given.
 * Refuses (DS631, DS632) otherwise. The version check comes first: waiting would not fix it.
 */
export function checkDeployable(info: MwaaEnvironmentInfo, targetVersion: string, opts: { wait: boolean; anyStatus?: boolean }): 'ready' | 'wait' {
  if (info.airflowVersion !== targetVersion) {
    const known = MWAA_TARGETS.has(info.airflowVersion);
    throw new SyncError(
      'DS632',
      `MWAA environment '${info.name}' runs Airflow ${info.airflowVersion}, but the DAGs were compiled for Airflow ${targetVersion}; ` +
        (known
          ? `set airflow: "${info.airflowVersion}" for this environment in dagsmith.config.yaml (or pass --airflow ${info.airflowVersion}) and compile again`
          : `dagsmith does not target Airflow ${info.airflowVersion} (targets: ${TARGET_VERSIONS.join(', ')})`),
    );
  }
  if (info.status === 'AVAILABLE' || opts.anyStatus) return 'ready';
  if (TRANSIENT.has(info.status)) {
    if (opts.wait) return 'wait';
    throw new SyncError(
      'DS631',
      `MWAA environment '${info.name}' is ${info.status}, not AVAILABLE; nothing was uploaded (pass --wait to wait for it)`,
    );
  }
  throw new SyncError(
    'DS631',
    `MWAA environment '${info.name}' is ${info.status}, not AVAILABLE; nothing was uploaded${info.lastUpdateError ? ` (last update: ${info.lastUpdateError})` : ''}`,
  );
}

export interface WaitOptions {
  /** Give up after this long (DS634). */
  readonly timeoutMs: number;
  /** First pause between polls; doubled after each poll up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Called after every poll with the status seen and the seconds waited so far. */
  readonly onProgress?: (status: string, elapsedSeconds: number) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export const DEFAULT_WAIT: WaitOptions = { timeoutMs: 90 * 60_000, initialDelayMs: 5_000, maxDelayMs: 60_000 };

/** Polls GetEnvironment until AVAILABLE (exponential backoff, capped); a failed or non-transient status is DS634. */
export async function waitUntilAvailable(client: MWAAClient, name: string, opts: WaitOptions): Promise<MwaaEnvironmentInfo> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const start = now();
  let delay = opts.initialDelayMs;
  for (;;) {
    const info = await describeEnvironment(client, name);
    const elapsed = (now() - start) / 1000;
    opts.onProgress?.(info.status, elapsed);
    if (info.status === 'AVAILABLE') return info;
    if (!TRANSIENT.has(info.status)) {
      throw new SyncError('DS634', `MWAA environment '${name}' became ${info.status}${info.lastUpdateError ? ` (${info.lastUpdateError})` : ''}`);
    }
    if (now() - start + delay > opts.timeoutMs) {
      throw new SyncError(
        'DS634',
        `MWAA environment '${name}' is still ${info.status} after ${Math.round(elapsed)}s; gave up waiting (it goes on updating)`,
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, opts.maxDelayMs);
  }
}

/** MWAA reads requirements, plugins and startup scripts by object version: the bucket must be versioned (DS633). */
export async function checkBucketVersioning(s3: S3Client, bucket: string): Promise<void> {
  let status: string | undefined;
  try {
    status = (await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status;
  } catch (err) {
    throw new SyncError('DS633', `cannot read the versioning of bucket '${bucket}': ${remoteMessage(err)}`);
  }
  if (status !== 'Enabled') {
    throw new SyncError(
      'DS633',
      `bucket '${bucket}' has versioning ${status ? status.toLowerCase() : 'never enabled'}; MWAA needs a versioned bucket to use requirements.txt, plugins.zip or a startup script (enable it: aws s3api put-bucket-versioning --bucket ${bucket} --versioning-configuration Status=Enabled)`,
    );
  }
}

/** What an UpdateEnvironment call changes: each artifact's path and the object version MWAA should load. */
export interface ArtifactUpdate {
  readonly requirements?: { readonly path: string; readonly version: string };
  readonly plugins?: { readonly path: string; readonly version: string };
  readonly startup?: { readonly path: string; readonly version: string };
}

export function updateEnvironmentInput(name: string, update: ArtifactUpdate): UpdateEnvironmentInput {
  return {
    Name: name,
    ...(update.requirements ? { RequirementsS3Path: update.requirements.path, RequirementsS3ObjectVersion: update.requirements.version } : {}),
    ...(update.plugins ? { PluginsS3Path: update.plugins.path, PluginsS3ObjectVersion: update.plugins.version } : {}),
    ...(update.startup ? { StartupScriptS3Path: update.startup.path, StartupScriptS3ObjectVersion: update.startup.version } : {}),
  };
}

export async function updateEnvironment(client: MWAAClient, name: string, update: ArtifactUpdate): Promise<void> {
  try {
    await client.send(new UpdateEnvironmentCommand(updateEnvironmentInput(name, update)));
  } catch (err) {
    throw new SyncError('DS634', `UpdateEnvironment of '${name}' was refused: ${remoteMessage(err)}`);
  }
}
