import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { SyncDestination } from './types';

/** An S3 client for one sync, counting the HTTP requests it sends (each retry attempt is one). */
export interface S3Session {
  readonly client: S3Client;
  /** Requests sent so far, in total and by operation ("PutObjectCommand": 3). */
  requests(): { readonly total: number; readonly byOperation: ReadonlyMap<string, number> };
}

export interface S3SessionOptions {
  /**
   * Replaces the SDK's standard retry strategy. Tests pass the same strategy with no backoff delay
   * (ConfiguredRetryStrategy) so that a fault sweep stays fast; production code leaves it alone.
   */
  readonly retryStrategy?: S3ClientConfig['retryStrategy'];
}

/**
 * The standard AWS configuration applies: the credential chain and profiles (AWS_PROFILE), the region
 * (the destination's, else AWS_REGION or the profile's) and AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3.
 * Against such a custom endpoint (a local S3 or an S3-compatible store) bucket names go in the path
 * (no DNS for bucket.127.0.0.1) and checksums are only sent where S3 requires them: the trailing checksums the
 * SDK sends to AWS by default are not understood by every S3 implementation.
 */
export function createS3Session(destination: SyncDestination, opts: S3SessionOptions = {}): S3Session {
  const customEndpoint = Boolean(process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL);
  const client = new S3Client({
    ...(destination.region ? { region: destination.region } : {}),
    retryMode: 'standard',
    ...(opts.retryStrategy ? { retryStrategy: opts.retryStrategy } : {}),
    ...(customEndpoint ? { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
  });
  let total = 0;
  const byOperation = new Map<string, number>();
  // The deserialize step runs below the retry middleware (finalizeRequest), so once per attempt.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      total++;
      const op = context.commandName ?? 'unknown';
      byOperation.set(op, (byOperation.get(op) ?? 0) + 1);
      return next(args);
    },
    { step: 'deserialize', name: 'dagsmithRequestCounter', priority: 'low' },
  );
  return { client, requests: () => ({ total, byOperation }) };
}

/** The HTTP status of an SDK error, if it has one. */
export function httpStatus(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

/** A short, secret-free description of an SDK error: its name, status and message (never request headers). */
export function describeAwsError(err: unknown): string {
  const e = err as { name?: string; message?: string };
  const status = httpStatus(err);
  const message = (e?.message ?? String(err)).split('\n')[0];
  return `${e?.name ?? 'Error'}${status ? ` (HTTP ${status})` : ''}: ${message}`;
}
