import type { Diagnostic } from '../diagnostics/types';
import type { EnvironmentConfig, ProjectConfig } from '../config/project-config';
import type { WaitOptions } from './mwaa';

/** Where DAG files are deployed: one S3 prefix, with what is known about the Airflow that reads it. */
export interface SyncDestination {
  readonly bucket: string;
  /** Key prefix of the DAG folder: '' (the bucket's root) or a prefix ending in '/', never starting with '/'. */
  readonly prefix: string;
  /** Region of the bucket; undefined: the SDK's default chain (AWS_REGION, the profile). */
  readonly region?: string;
  /** KMS key (id, alias or ARN) for SSE-KMS uploads; undefined: the bucket's default encryption applies. */
  readonly kmsKeyId?: string;
  /** Airflow version of the environment reading the prefix, when known (MWAA's AirflowVersion). */
  readonly airflowVersion?: string;
  /** How messages name it: "s3://bucket/prefix/", or the MWAA environment and its DAG folder. */
  readonly label: string;
}

/** What `--env <name>` resolves to. */
export interface ResolvedEnvironment {
  readonly destination: SyncDestination;
  /**
   * Runs after the DAG files are synced (MWAA: requirements, plugins and startup script, UpdateEnvironment,
   * --wait, --verify) unless the sync was a dry run or failed. Returns the command's exit code.
   */
  readonly afterDagSync?: (result: DagSyncOutcome) => Promise<number>;
}

export interface EnvironmentContext {
  readonly cwd: string;
  /** The out dir the DAGs were synced from (dags-out/<env>), where problems with a deployed DAG are reported. */
  readonly outDir?: string;
  readonly config: ProjectConfig;
  readonly environment: EnvironmentConfig;
  /** What the environment's deploy has to say (progress of MWAA's update, --verify's findings). */
  readonly onMessage: (message: EnvironmentMessage) => void;
  /** Airflow version the DAGs were compiled for: an MWAA environment running another one is refused. */
  readonly targetVersion: string;
  /** `--wait`: wait out a transient status (UPDATING ...) before the sync and an update started after it. */
  readonly wait?: boolean;
  /** `--verify`: after the sync, ask the environment whether our DAG files imported. */
  readonly verify?: boolean;
  /** `dagsmith plan`: only reading; the environment's status does not matter (its Airflow version does). */
  readonly planOnly?: boolean;
  /** Polling of `--wait` (tests shorten it). */
  readonly waitOptions?: Partial<Pick<WaitOptions, 'timeoutMs' | 'initialDelayMs' | 'maxDelayMs'>>;
  readonly verifyTimeoutMs?: number;
  /** --verify-plain-http: talk plain http to a web server on this machine (a local MWAA emulator without TLS). */
  readonly verifyPlainHttp?: boolean;
}

/** The part of a finished DAG sync that later steps (MWAA update, verify) need. */
export interface DagSyncOutcome {
  readonly destination: SyncDestination;
  /** Object keys of the DAG files now deployed, with their sha256. */
  readonly files: readonly { readonly key: string; readonly sha256: string }[];
  readonly uploaded: number;
  readonly deleted: number;
}

/** One file to deploy: its name under the DAG prefix and its bytes. */
export interface LocalFile {
  /** Path under the prefix, forward slashes ("customer_features.py"). */
  readonly name: string;
  readonly content: Buffer;
  readonly sha256: string;
  /**
   * An opaque JSON object recorded with the file in the manifest (the DAG's structure, for `dagsmith plan`'s
   * diff). sync compares it but never interprets it.
   */
  readonly summary?: Readonly<Record<string, unknown>>;
}

/**
 * What deploying to an environment reports besides the DAG sync: `progress` (waiting, artifacts, updates) and
 * `note` lines are informational; `diagnostics` are findings (--verify: DAGs that failed to import).
 */
export type EnvironmentMessage =
  | { readonly type: 'progress'; readonly line: string }
  | { readonly type: 'note'; readonly line: string }
  | { readonly type: 'diagnostics'; readonly diagnostics: readonly Diagnostic[] };
