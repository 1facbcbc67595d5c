/**
 * Deploying pipelines as MWAA Serverless workflows. For each pipeline: its definition (the compiled YAML) is put in
 * the environment's versioned bucket under a key made of its content hash (`<prefix><workflow>/<sha256>.yaml`), and
 * the workflow is created (CreateWorkflow) or given a new version (UpdateWorkflow) naming that object's version.
 * What is already there is not written again: an object at the key with our hash is reused, and a workflow whose
 * latest version already names that object version with the same settings is left alone (UpdateWorkflow always
 * makes a new version, so it is called only when something changed). The service's Warnings and the fields of a
 * ValidationException are reported at the spec positions they concern.
 */
import { GetBucketVersioningCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ServerlessEnvironmentConfig } from '../../config/project-config';
import { makeDiagnostic } from '../../diagnostics/diagnostic';
import { Reporter, START_OF_FILE } from '../../diagnostics/reporter';
import { RemoteError, UsageError, type Diagnostic, type JsonPath } from '../../diagnostics/types';
import type { PipelineIR } from '../../ir/types';
import type { SpecFile } from '../../load/source';
import { inertText } from '../../diagnostics/inert';
import { parseBucketUrl } from '../destination';
import { describeAwsError, httpStatus } from '../s3';
import {
  ConflictException,
  CreateWorkflowCommand,
  GetWorkflowCommand,
  ListWorkflowsCommand,
  MwaaServerlessServiceException,
  UpdateWorkflowCommand,
  ValidationException,
  type Code,
  type DefinitionS3Location,
  type GetWorkflowResponse,
  type LoggingConfiguration,
  type MwaaServerlessClient,
  type NetworkConfiguration,
} from './api';
import { specPathOf } from './positions';

/** A compiled pipeline to deploy. */
export interface ServerlessPipeline {
  readonly ir: PipelineIR;
  /** Its source, for positions. */
  readonly spec: SpecFile;
  /** The workflow definition (dags-out/<id>.yaml). */
  readonly definition: string;
  readonly sha256: string;
}

export interface ServerlessClients {
  readonly s3: S3Client;
  readonly serverless: MwaaServerlessClient;
}

export type WorkflowAction = 'create' | 'update' | 'unchanged';

/** What happened to one pipeline's workflow. */
export interface WorkflowOutcome {
  readonly pipeline: string;
  readonly workflow: string;
  readonly action: WorkflowAction;
  /** `done`: created, updated or left as it was; `planned`: dry run; `refused`: the service said no (diagnostics). */
  readonly status: 'done' | 'planned' | 'refused';
  readonly arn?: string;
  /** The workflow version the definition runs as (new for create and update). */
  readonly version?: string;
  readonly location: DefinitionS3Location;
  /** The definition object was uploaded by this sync. */
  readonly uploaded: boolean;
}

export interface ServerlessDeployReport {
  readonly bucket: string;
  readonly workflows: readonly WorkflowOutcome[];
  readonly diagnostics: readonly Diagnostic[];
  /** S3 PutObject and Create/UpdateWorkflow calls made (0 for a no-op or a dry run). */
  readonly writes: number;
  readonly dryRun: boolean;
}

export type ServerlessDeployEvent =
  { readonly type: 'workflow'; readonly outcome: WorkflowOutcome } | { readonly type: 'note'; readonly line: string };

export interface ServerlessDeployOptions {
  readonly environment: string;
  readonly config: ServerlessEnvironmentConfig;
  readonly pipelines: readonly ServerlessPipeline[];
  readonly clients: ServerlessClients;
  readonly dryRun?: boolean;
  /** Written into the uploaded objects' metadata (`dagsmith <version>`). */
  readonly generator: string;
  readonly onEvent?: (e: ServerlessDeployEvent) => void;
}

/** CreateWorkflow's `Name` pattern and length (the service model). */
const WORKFLOW_NAME = /^[a-zA-Z0-9]+[a-zA-Z0-9.\-_]*$/;
const SHA_METADATA = 'dagsmith-sha256';

/** The workflow name of a pipeline: `serverless.workflowName` with `{id}` replaced (default: the id). */
export function workflowNameOf(config: ServerlessEnvironmentConfig, id: string): string {
  return (config.workflowName ?? '{id}').split('{id}').join(id);
}

export async function deployWorkflows(opts: ServerlessDeployOptions): Promise<ServerlessDeployReport> {
  const { config, clients } = opts;
  const destination = parseBucketUrl(config.bucket, config.region ? { region: config.region } : {});
  const diagnostics: Diagnostic[] = [];
  const outcomes: WorkflowOutcome[] = [];
  let writes = 0;
  const report = (): ServerlessDeployReport => ({
    bucket: destination.label,
    workflows: outcomes,
    diagnostics,
    writes,
    dryRun: opts.dryRun === true,
  });

  const named: { p: ServerlessPipeline; name: string; reporter: Reporter }[] = [];
  for (const p of opts.pipelines) {
    const reporter = new Reporter(p.spec.file, p.spec.locator);
    const name = workflowNameOf(config, p.ir.id);
    if (!WORKFLOW_NAME.test(name) || name.length > 255) {
      reporter.report(
        'DS650',
        ['id'],
        `workflow name '${name}' (environment '${opts.environment}') is not one MWAA Serverless takes: letters, digits, '.', '-' and '_', starting with a letter or digit, at most 255 characters`,
      );
      diagnostics.push(...reporter.diagnostics);
    } else named.push({ p, name, reporter });
  }

  const versioning = await aws('GetBucketVersioning', () => clients.s3.send(new GetBucketVersioningCommand({ Bucket: destination.bucket })));
  if (versioning.Status !== 'Enabled') {
    diagnostics.push(
      makeDiagnostic(
        'DS651',
        'dagsmith.config.yaml',
        START_OF_FILE,
        `the bucket of environment '${opts.environment}' (${destination.label}) has versioning ${versioning.Status ? inertText(versioning.Status).toLowerCase() : 'never enabled'}; a workflow names its definition by object version`,
      ),
    );
    return report();
  }

  const existing = await workflowsByName(clients.serverless);
  const desired = settingsOf(config);
  for (const { p, name, reporter } of named) {
    const key = `${destination.prefix}${name}/${p.sha256}.yaml`;
    let versionId = await ourVersion(clients.s3, destination.bucket, key, p.sha256);
    let uploaded = false;
    if (versionId === undefined && !opts.dryRun) {
      const put = await aws('PutObject', () =>
        clients.s3.send(
          new PutObjectCommand({
            Bucket: destination.bucket,
            Key: key,
            Body: p.definition,
            ContentType: 'application/yaml',
            Metadata: { [SHA_METADATA]: p.sha256, 'dagsmith-generator': opts.generator },
          }),
        ),
      );
      writes++;
      uploaded = true;
      versionId = put.VersionId;
      if (!versionId) throw new RemoteError(`S3 returned no version id for ${destination.label}${key}; is versioning enabled?`);
    }
    const location: DefinitionS3Location = { Bucket: destination.bucket, ObjectKey: key, ...(versionId ? { VersionId: versionId } : {}) };
    const arn = existing.get(name);
    const current = arn ? await aws('GetWorkflow', () => clients.serverless.send(new GetWorkflowCommand({ WorkflowArn: arn }))) : undefined;
    const description = p.ir.description ?? undefined;
    const action: WorkflowAction = !current
      ? 'create'
      : versionId !== undefined && sameWorkflow(current, location, desired, description)
        ? 'unchanged'
        : 'update';
    if (current && config.kmsKey !== undefined && current.EncryptionConfiguration?.KmsKeyId !== config.kmsKey) {
      reporter.report(
        'DS655',
        ['id'],
        `workflow '${name}' is encrypted with ${current.EncryptionConfiguration?.KmsKeyId ? `key ${inertText(current.EncryptionConfiguration.KmsKeyId)}` : 'an AWS managed key'}, not serverless.kmsKey; only a new workflow takes the key`,
      );
    }
    const base = { pipeline: p.ir.id, workflow: name, action, location, uploaded, ...(arn ? { arn } : {}) };
    let outcome: WorkflowOutcome;
    if (opts.dryRun) outcome = { ...base, status: 'planned', ...(current?.WorkflowVersion ? { version: current.WorkflowVersion } : {}) };
    else if (action === 'unchanged') outcome = { ...base, status: 'done', ...(current?.WorkflowVersion ? { version: current.WorkflowVersion } : {}) };
    else {
      writes++;
      const written = await writeWorkflow(clients.serverless, { name, arn, location, desired, description, kmsKey: config.kmsKey }, p.ir, reporter);
      outcome = written
        ? { ...base, status: 'done', arn: written.arn, ...(written.version ? { version: written.version } : {}) }
        : { ...base, status: 'refused' };
    }
    diagnostics.push(...reporter.diagnostics);
    outcomes.push(outcome);
    opts.onEvent?.({ type: 'workflow', outcome });
  }
  return report();
}

/** The settings a workflow gets from the environment (the same on create and update). */
interface WorkflowSettings {
  readonly RoleArn: string;
  readonly LoggingConfiguration?: LoggingConfiguration;
  readonly NetworkConfiguration?: NetworkConfiguration;
  readonly Code?: Code;
}

function settingsOf(config: ServerlessEnvironmentConfig): WorkflowSettings {
  const code = config.code === undefined ? undefined : parseBucketUrl(config.code);
  if (code && code.prefix === '') throw new UsageError(`serverless.code '${config.code}' names a bucket, not an object (s3://bucket/key.zip)`);
  const network = config.network;
  return {
    RoleArn: config.roleArn,
    ...(config.logGroup !== undefined ? { LoggingConfiguration: { LogGroupName: config.logGroup } } : {}),
    ...(network && (network.subnetIds?.length || network.securityGroupIds?.length)
      ? {
          NetworkConfiguration: {
            ...(network.subnetIds?.length ? { SubnetIds: [...network.subnetIds] } : {}),
            ...(network.securityGroupIds?.length ? { SecurityGroupIds: [...network.securityGroupIds] } : {}),
          },
        }
      : {}),
    ...(code ? { Code: { S3Location: { Bucket: code.bucket, ObjectKey: code.prefix.replace(/\/$/, '') } } } : {}),
  };
}

/** Whether the workflow's latest version already is what this sync would make. */
function sameWorkflow(
  current: GetWorkflowResponse,
  location: DefinitionS3Location,
  desired: WorkflowSettings,
  description: string | undefined,
): boolean {
  const loc = current.DefinitionS3Location;
  const sorted = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort().join(',');
  return (
    loc?.Bucket === location.Bucket &&
    loc.ObjectKey === location.ObjectKey &&
    loc.VersionId === location.VersionId &&
    current.RoleArn === desired.RoleArn &&
    (current.Description ?? undefined) === description &&
    current.LoggingConfiguration?.LogGroupName === desired.LoggingConfiguration?.LogGroupName &&
    sorted(current.NetworkConfiguration?.SubnetIds) === sorted(desired.NetworkConfiguration?.SubnetIds) &&
    sorted(current.NetworkConfiguration?.SecurityGroupIds) === sorted(desired.NetworkConfiguration?.SecurityGroupIds) &&
    current.Code?.S3Location.Bucket === desired.Code?.S3Location.Bucket &&
    current.Code?.S3Location.ObjectKey === desired.Code?.S3Location.ObjectKey
  );
}

/** Create or update; the service's warnings and refusals become diagnostics. Undefined when refused. */
async function writeWorkflow(
  client: MwaaServerlessClient,
  w: {
    name: string;
    arn: string | undefined;
    location: DefinitionS3Location;
    desired: WorkflowSettings;
    description: string | undefined;
    kmsKey: string | undefined;
  },
  ir: PipelineIR,
  reporter: Reporter,
): Promise<{ arn: string; version?: string } | undefined> {
  const common = { DefinitionS3Location: w.location, ...w.desired, ...(w.description !== undefined ? { Description: w.description } : {}) };
  try {
    const out = w.arn
      ? await client.send(new UpdateWorkflowCommand({ WorkflowArn: w.arn, ...common }))
      : await client.send(
          new CreateWorkflowCommand({
            Name: w.name,
            ...common,
            ...(w.kmsKey !== undefined ? { EncryptionConfiguration: { Type: 'CUSTOMER_MANAGED_KEY', KmsKeyId: w.kmsKey } } : {}),
          }),
        );
    for (const warning of out.Warnings ?? []) {
      const { path, text } = placeOf(ir, warning);
      reporter.report('DS652', path, `MWAA Serverless warns about workflow '${w.name}': ${quoted(text)}`);
    }
    return { arn: out.WorkflowArn, ...(out.WorkflowVersion ? { version: out.WorkflowVersion } : {}) };
  } catch (err) {
    if (err instanceof ValidationException) {
      const fields = err.FieldList ?? [];
      if (fields.length === 0) reporter.report('DS653', ['id'], `MWAA Serverless refused workflow '${w.name}': ${quoted(err.message)}`);
      for (const f of fields) {
        const path = specPathOf(ir, f.Name);
        reporter.report('DS653', path ?? ['id'], `MWAA Serverless refused workflow '${w.name}' at ${quoted(f.Name)}: ${quoted(f.Message)}`);
      }
      return undefined;
    }
    if (err instanceof ConflictException) {
      reporter.report('DS654', ['id'], `MWAA Serverless: ${quoted(err.message)} (workflow '${w.name}')`);
      return undefined;
    }
    throw remote(w.arn ? 'UpdateWorkflow' : 'CreateWorkflow', err);
  }
}

/** A warning's place: a leading definition path (`dag.key: text`) mapped to the spec, else the pipeline id. */
function placeOf(ir: PipelineIR, warning: string): { path: JsonPath; text: string } {
  const m = /^([^\s:]+):\s*/.exec(warning);
  const path = m ? specPathOf(ir, m[1]!) : undefined;
  return path ? { path, text: warning } : { path: ['id'], text: warning };
}

/** Service text in a message: printable, bounded, quoted (it is not ours). */
function quoted(text: string): string {
  const t = inertText(text);
  return `"${t.length > 500 ? `${t.slice(0, 500)}...` : t}"`;
}

/** Every workflow of the account and region, by name (names are unique there). */
async function workflowsByName(client: MwaaServerlessClient): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let token: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const res = await aws('ListWorkflows', () => client.send(new ListWorkflowsCommand({ MaxResults: 100, ...(token ? { NextToken: token } : {}) })));
    for (const w of res.Workflows) if (w.Name) out.set(w.Name, w.WorkflowArn);
    token = res.NextToken;
    if (!token) return out;
  }
  throw new RemoteError('MWAA Serverless ListWorkflows: more than 1000 pages');
}

/** The version id of the object at `key` when it is our upload of this content; undefined when there is none. */
async function ourVersion(s3: S3Client, bucket: string, key: string, sha: string): Promise<string | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.Metadata?.[SHA_METADATA] === sha ? head.VersionId : undefined;
  } catch (err) {
    if (httpStatus(err) === 404) return undefined;
    throw remote('HeadObject', err);
  }
}

async function aws<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw remote(what, err);
  }
}

/** A failed call (after the SDK's retries) as a RemoteError: exit code 3, no request details. */
function remote(what: string, err: unknown): Error {
  if (err instanceof RemoteError || err instanceof UsageError) return err;
  const text = err instanceof MwaaServerlessServiceException ? `${err.name}: ${inertText(err.message)}` : describeAwsError(err);
  return new RemoteError(`${what} failed: ${text}`);
}
