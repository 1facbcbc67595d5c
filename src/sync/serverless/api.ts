/**
 * A client for the Amazon MWAA Serverless API, until `@aws-sdk/client-mwaa-serverless` can be installed here.
 *
 * Facts it rests on (the published service model: botocore 1.44.8 `data/mwaa-serverless/2024-07-26/service-2.json`,
 * aws-sdk-js-v3 `codegen/sdk-codegen/aws-models/mwaa-serverless.json` and the generated
 * `clients/client-mwaa-serverless/src/runtimeConfig.shared.ts`):
 * - protocol awsJson 1.0, not REST-JSON: every operation is `POST /` with `X-Amz-Target: AmazonMWAAServerless.<Op>`,
 *   `Content-Type: application/x-amz-json-1.0` and the input as the JSON body (the model also carries REST-style
 *   `@http` routes such as `POST /workflows`, which awsJson clients ignore);
 * - SigV4 with signing name `airflow-serverless`; serviceId "MWAA Serverless", so the SDK's endpoint override
 *   variable is AWS_ENDPOINT_URL_MWAA_SERVERLESS (then AWS_ENDPOINT_URL, then the shared config file);
 * - default endpoint `https://airflow-serverless.<region>.<partition's dual-stack suffix>` (api.aws for `aws`);
 * - timestamps are ISO 8601 strings on the wire; errors carry their code in `x-amzn-errortype` or `__type`;
 * - ThrottlingException is retryable (throttling), InternalServerException retryable, both may carry
 *   RetryAfterSeconds; CreateWorkflow and StartWorkflowRun take an idempotency token (ClientToken).
 *
 * The surface is the official client's: `new MwaaServerlessClient(config).send(new CreateWorkflowCommand(input))`,
 * outputs with `$metadata`, errors typed as in ./errors. Replacing this module by the official package is a change
 * of import path. Credentials, region, endpoint and retries are the SDK's own machinery (credential-provider-node,
 * @smithy/core's config loader and StandardRetryStrategy), signing is @smithy/signature-v4.
 */
import { randomUUID } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { partition } from '@aws-sdk/core/client';
import {
  booleanSelector,
  CONFIG_PREFIX_SEPARATOR,
  loadConfig,
  NODE_REGION_CONFIG_FILE_OPTIONS,
  NODE_REGION_CONFIG_OPTIONS,
  SelectorType,
} from '@smithy/core/config';
import { HttpRequest } from '@smithy/core/protocols';
import { DEFAULT_MAX_ATTEMPTS, isServerError, isThrottlingError, isTransientError, StandardRetryStrategy } from '@smithy/core/retry';
import { Hash, parseRfc3339DateTimeWithOffset, streamCollector } from '@smithy/core/serde';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryErrorInfo, RetryStrategyV2, SourceData } from '@smithy/types';
import { MwaaServerlessServiceException, toServiceException, type ResponseMetadata } from './errors';
import { IDEMPOTENCY_TOKEN_OPERATIONS, OPAQUE_MEMBERS, TIMESTAMP_MEMBERS, type OperationName, type Operations } from './model';

export * from './errors';
export type * from './model';
export { TERMINAL_RUN_STATES } from './model';

export const SERVICE_ID = 'MWAA Serverless';
export const SIGNING_NAME = 'airflow-serverless';
export const TARGET_PREFIX = 'AmazonMWAAServerless';
export const CONTENT_TYPE = 'application/x-amz-json-1.0';

export interface MwaaServerlessClientConfig {
  /** Else AWS_REGION, else the profile's region (as the SDK resolves it). */
  readonly region?: string;
  /** Else AWS_ENDPOINT_URL_MWAA_SERVERLESS, AWS_ENDPOINT_URL or the shared config file, else AWS's endpoint. */
  readonly endpoint?: string;
  /** Else the SDK's default chain (environment, SSO, profiles, process, web identity, container, instance). */
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** The SDK's standard retry strategy with this many attempts (default 3). */
  readonly maxAttempts?: number;
  /** Replaces the standard strategy (tests pass a ConfiguredRetryStrategy without backoff delays). */
  readonly retryStrategy?: RetryStrategyV2;
  /** Per attempt, socket to last byte (default 60 s). */
  readonly requestTimeoutMs?: number;
}

/** A request for one operation, as the official client's `XxxCommand` classes are. */
export interface MwaaServerlessCommand<Op extends OperationName> {
  readonly operation: Op;
  readonly input: Operations[Op]['input'];
}

export type CommandOutput<Op extends OperationName> = Operations[Op]['output'] & { $metadata: ResponseMetadata };

function command<Op extends OperationName>(operation: Op) {
  return class implements MwaaServerlessCommand<Op> {
    static readonly operation = operation;
    readonly operation = operation;
    constructor(readonly input: Operations[Op]['input']) {}
  };
}

export const CreateAirflowUiUrlCommand = command('CreateAirflowUiUrl');
export const CreateWorkflowCommand = command('CreateWorkflow');
export const DeleteWorkflowCommand = command('DeleteWorkflow');
export const GetTaskInstanceCommand = command('GetTaskInstance');
export const GetWorkflowCommand = command('GetWorkflow');
export const GetWorkflowRunCommand = command('GetWorkflowRun');
export const ListTagsForResourceCommand = command('ListTagsForResource');
export const ListTaskInstancesCommand = command('ListTaskInstances');
export const ListWorkflowRunsCommand = command('ListWorkflowRuns');
export const ListWorkflowVersionsCommand = command('ListWorkflowVersions');
export const ListWorkflowsCommand = command('ListWorkflows');
export const StartWorkflowRunCommand = command('StartWorkflowRun');
export const StopWorkflowRunCommand = command('StopWorkflowRun');
export const TagResourceCommand = command('TagResource');
export const UntagResourceCommand = command('UntagResource');
export const UpdateWorkflowCommand = command('UpdateWorkflow');

const ENDPOINT_URL_ENV = `AWS_ENDPOINT_URL_${SERVICE_ID.toUpperCase().replace(/ /g, '_')}`; // AWS_ENDPOINT_URL_MWAA_SERVERLESS
const ENDPOINT_URL_CONFIG_KEY = `${SERVICE_ID.toLowerCase().replace(/ /g, '_')}.endpoint_url`; // in a [services x] section

/**
 * The endpoint configured outside the code, looked up as the SDK's `getEndpointFromConfig` does (in @smithy/core,
 * not exported): unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's ignore_configured_endpoint_urls) is
 * true, AWS_ENDPOINT_URL_MWAA_SERVERLESS, then AWS_ENDPOINT_URL, then the profile's services section
 * (`mwaa_serverless = endpoint_url = ...`), then the profile's endpoint_url.
 */
export async function configuredServerlessEndpoint(): Promise<string | undefined> {
  const ignore = await loadConfig<boolean>({
    environmentVariableSelector: (env) => booleanSelector(env, 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', SelectorType.ENV),
    configFileSelector: (profile) => booleanSelector(profile, 'ignore_configured_endpoint_urls', SelectorType.CONFIG),
    default: false,
  })();
  if (ignore) return undefined;
  return loadConfig<string | undefined>({
    environmentVariableSelector: (env) => env[ENDPOINT_URL_ENV] || env.AWS_ENDPOINT_URL || undefined,
    configFileSelector: (profile, config) => {
      const services = profile.services ? config?.[`services${CONFIG_PREFIX_SEPARATOR}${profile.services}`] : undefined;
      return services?.[ENDPOINT_URL_CONFIG_KEY] || profile.endpoint_url || undefined;
    },
    default: undefined,
  })();
}

/** AWS's endpoint for a region: the model's endpoint rules (dual-stack only, `airflow-serverless.<region>.<suffix>`). */
export function defaultServerlessEndpoint(region: string): string {
  return `https://airflow-serverless.${region}.${partition(region).dualStackDnsSuffix}`;
}

/** Node's crypto as SigV4's hasher (@smithy/core's Hash is that, with the SDK's interface). */
class Sha256 extends Hash {
  constructor(secret?: SourceData) {
    super('sha256', secret);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The SDK's classification of a failed attempt, for the retry strategy. */
function retryErrorInfo(err: unknown): RetryErrorInfo {
  const e = err as Parameters<typeof isThrottlingError>[0] & { RetryAfterSeconds?: number };
  const retryAfterHint = typeof e.RetryAfterSeconds === 'number' ? new Date(Date.now() + e.RetryAfterSeconds * 1000) : undefined;
  const errorType = isThrottlingError(e) ? 'THROTTLING' : isTransientError(e) ? 'TRANSIENT' : isServerError(e) ? 'SERVER_ERROR' : 'CLIENT_ERROR';
  return { errorType, error: err as RetryErrorInfo['error'], ...(retryAfterHint ? { retryAfterHint } : {}) };
}

/** Timestamps (ISO 8601, or epoch seconds) to `Date`, everywhere in an output except inside user data. */
function deserialize(value: unknown, depth = 0): unknown {
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => deserialize(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (OPAQUE_MEMBERS.has(key)) out[key] = v;
    else if (TIMESTAMP_MEMBERS.has(key) && typeof v === 'string') out[key] = parseRfc3339DateTimeWithOffset(v);
    else if (TIMESTAMP_MEMBERS.has(key) && typeof v === 'number') out[key] = new Date(v * 1000);
    else out[key] = deserialize(v, depth + 1);
  }
  return out;
}

export class MwaaServerlessClient {
  private readonly handler: NodeHttpHandler;
  private readonly retryStrategy: RetryStrategyV2;
  private readonly credentials: AwsCredentialIdentityProvider;
  private region?: Promise<string>;
  private endpoint?: Promise<URL>;

  constructor(private readonly config: MwaaServerlessClientConfig = {}) {
    this.handler = new NodeHttpHandler({ requestTimeout: config.requestTimeoutMs ?? 60_000, connectionTimeout: 10_000 });
    this.retryStrategy = config.retryStrategy ?? new StandardRetryStrategy(config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    const creds = config.credentials;
    this.credentials = typeof creds === 'function' ? creds : creds ? () => Promise.resolve(creds) : defaultProvider();
  }

  /** The region requests are signed for. */
  resolveRegion(): Promise<string> {
    this.region ??= (async () => {
      // The SDK's loader throws "Region is missing" when neither the environment nor the profile has one.
      const region = this.config.region ?? (await loadConfig(NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS)().catch(() => undefined));
      if (!region) throw new Error("MWAA Serverless: no region (set AWS_REGION or the profile's region, or pass one)");
      return region;
    })();
    return this.region;
  }

  /** The endpoint requests go to. */
  resolveEndpoint(): Promise<URL> {
    this.endpoint ??= (async () => {
      const text = this.config.endpoint ?? (await configuredServerlessEndpoint()) ?? defaultServerlessEndpoint(await this.resolveRegion());
      const url = new URL(text);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`MWAA Serverless endpoint ${text} is not an http(s) URL`);
      return url;
    })();
    return this.endpoint;
  }

  async send<Op extends OperationName>(cmd: MwaaServerlessCommand<Op>): Promise<CommandOutput<Op>> {
    const input: Record<string, unknown> = { ...cmd.input };
    if (IDEMPOTENCY_TOKEN_OPERATIONS.has(cmd.operation) && input.ClientToken === undefined) input.ClientToken = randomUUID();
    const body = JSON.stringify(input);
    const [region, endpoint] = await Promise.all([this.resolveRegion(), this.resolveEndpoint()]);
    const signer = new SignatureV4({ service: SIGNING_NAME, region, credentials: this.credentials, sha256: Sha256 });
    const invocationId = randomUUID();
    const maxAttempts = this.config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    let token = await this.retryStrategy.acquireInitialRetryToken(cmd.operation);
    let attempts = 0;
    let totalRetryDelay = 0;
    for (;;) {
      attempts++;
      try {
        const request = new HttpRequest({
          protocol: endpoint.protocol,
          hostname: endpoint.hostname,
          ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
          method: 'POST',
          path: endpoint.pathname || '/',
          headers: {
            host: endpoint.host,
            'content-type': CONTENT_TYPE,
            'x-amz-target': `${TARGET_PREFIX}.${cmd.operation}`,
            'amz-sdk-invocation-id': invocationId,
            'amz-sdk-request': `attempt=${attempts}; max=${maxAttempts}`,
            'content-length': String(Buffer.byteLength(body)),
          },
          body,
        });
        const signed = (await signer.sign(request)) as HttpRequest;
        const { response } = await this.handler.handle(signed);
        const text = Buffer.from(await streamCollector(response.body as Parameters<typeof streamCollector>[0])).toString('utf8');
        const metadata: ResponseMetadata = {
          httpStatusCode: response.statusCode,
          requestId: response.headers['x-amzn-requestid'],
          attempts,
          totalRetryDelay,
        };
        let parsed: unknown = {};
        try {
          parsed = text.trim() ? JSON.parse(text) : {};
        } catch {
          if (response.statusCode < 300) throw new Error(`MWAA Serverless ${cmd.operation}: the response is not JSON (HTTP ${response.statusCode})`);
        }
        const json = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
        if (response.statusCode >= 300) throw toServiceException(response.statusCode, response.headers['x-amzn-errortype'], json, metadata);
        this.retryStrategy.recordSuccess(token);
        return { ...(deserialize(json) as object), $metadata: metadata } as CommandOutput<Op>;
      } catch (err) {
        if (err instanceof MwaaServerlessServiceException) err.$metadata = { ...err.$metadata, attempts, totalRetryDelay };
        // Newer strategies wait inside refreshRetryTokenForRetry and hand out a token with no delay left; older ones
        // leave the wait to the caller. Either way the time spent counts as retry delay.
        const waitStart = Date.now();
        try {
          token = await this.retryStrategy.refreshRetryTokenForRetry(token, retryErrorInfo(err));
        } catch {
          throw err;
        }
        const delay = token.getRetryDelay();
        if (delay > 0) await sleep(delay);
        totalRetryDelay += Date.now() - waitStart;
      }
    }
  }

  destroy(): void {
    this.handler.destroy();
  }
}
