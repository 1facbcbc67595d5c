/**
 * The errors of the MWAA Serverless API, typed as the model declares them (shape names, members, fault, HTTP
 * status, retryable traits), in the form the AWS SDK for JavaScript v3 gives errors: an `Error` whose `name` is the
 * error code, with `$fault`, `$metadata`, `$retryable` and the shape's members as properties. Code that catches
 * these by `name` or by class keeps working with `@aws-sdk/client-mwaa-serverless`.
 */
import type { ValidationExceptionField, ValidationExceptionReason } from './model';

export interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  /** Attempts made, retries included. */
  attempts?: number;
  /** Milliseconds spent waiting between attempts. */
  totalRetryDelay?: number;
}

export interface ServiceExceptionOptions {
  readonly name: string;
  readonly message: string;
  readonly $fault: 'client' | 'server';
  readonly $metadata: ResponseMetadata;
}

/** Base of every error the service returns (and of codes this client does not know). */
export class MwaaServerlessServiceException extends Error {
  readonly $fault: 'client' | 'server';
  $metadata: ResponseMetadata;
  readonly $retryable?: { readonly throttling: boolean };
  Message?: string;

  constructor(opts: ServiceExceptionOptions, retryable?: { throttling: boolean }) {
    super(opts.message);
    this.name = opts.name;
    this.$fault = opts.$fault;
    this.$metadata = opts.$metadata;
    if (retryable) this.$retryable = retryable;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

type Body = Readonly<Record<string, unknown>>;

const str = (body: Body, key: string): string | undefined => {
  const v = body[key];
  return typeof v === 'string' ? v : undefined;
};
const int = (body: Body, key: string): number | undefined => {
  const v = body[key];
  return typeof v === 'number' ? v : undefined;
};

export class ValidationException extends MwaaServerlessServiceException {
  readonly Reason?: ValidationExceptionReason;
  /** The fields that failed; for a workflow definition the service refuses, where in the YAML and why. */
  readonly FieldList?: ValidationExceptionField[];
  constructor(opts: ServiceExceptionOptions, body: Body) {
    super(opts);
    this.Reason = str(body, 'Reason') as ValidationExceptionReason | undefined;
    const fields = body.FieldList;
    if (Array.isArray(fields)) {
      this.FieldList = fields
        .filter((f): f is Record<string, unknown> => f !== null && typeof f === 'object')
        .map((f) => ({ Name: typeof f.Name === 'string' ? f.Name : '', Message: typeof f.Message === 'string' ? f.Message : '' }));
    }
  }
}

export class ConflictException extends MwaaServerlessServiceException {
  readonly ResourceId?: string;
  readonly ResourceType?: string;
  constructor(opts: ServiceExceptionOptions, body: Body) {
    super(opts);
    this.ResourceId = str(body, 'ResourceId');
    this.ResourceType = str(body, 'ResourceType');
  }
}

export class ResourceNotFoundException extends MwaaServerlessServiceException {
  readonly ResourceId?: string;
  readonly ResourceType?: string;
  constructor(opts: ServiceExceptionOptions, body: Body) {
    super(opts);
    this.ResourceId = str(body, 'ResourceId');
    this.ResourceType = str(body, 'ResourceType');
  }
}

export class ThrottlingException extends MwaaServerlessServiceException {
  readonly ServiceCode?: string;
  readonly QuotaCode?: string;
  readonly RetryAfterSeconds?: number;
  constructor(opts: ServiceExceptionOptions, body: Body) {
    super(opts, { throttling: true });
    this.ServiceCode = str(body, 'ServiceCode');
    this.QuotaCode = str(body, 'QuotaCode');
    this.RetryAfterSeconds = int(body, 'RetryAfterSeconds');
  }
}

export class ServiceQuotaExceededException extends MwaaServerlessServiceException {
  readonly ResourceId?: string;
  readonly ResourceType?: string;
  readonly ServiceCode?: string;
  readonly QuotaCode?: string;
  constructor(opts: ServiceExceptionOptions, body: Body) {
    super(opts);
    this.ResourceId = str(body, 'ResourceId');
    this.ResourceType = str(body, 'ResourceType');
    this.ServiceCode = str(body, 'ServiceCode');
    this.QuotaCode = str(body, 'QuotaCode');
  }
}

export class AccessDeniedException extends MwaaServerlessServiceException {}

export class InternalServerException extends MwaaServerlessServiceException {
  readonly RetryAfterSeconds?: number;
  constructor(opts: ServiceExceptionOptions, body: Body) {
    super(opts, { throttling: false });
    this.RetryAfterSeconds = int(body, 'RetryAfterSeconds');
  }
}

export class OperationTimeoutException extends MwaaServerlessServiceException {}

/** The model's errors: their fault and the class that carries their members. */
const ERRORS = new Map<string, { fault: 'client' | 'server'; make: (opts: ServiceExceptionOptions, body: Body) => MwaaServerlessServiceException }>([
  ['ValidationException', { fault: 'client', make: (o, b) => new ValidationException(o, b) }],
  ['ConflictException', { fault: 'client', make: (o, b) => new ConflictException(o, b) }],
  ['ResourceNotFoundException', { fault: 'client', make: (o, b) => new ResourceNotFoundException(o, b) }],
  ['ThrottlingException', { fault: 'client', make: (o, b) => new ThrottlingException(o, b) }],
  ['ServiceQuotaExceededException', { fault: 'client', make: (o, b) => new ServiceQuotaExceededException(o, b) }],
  ['AccessDeniedException', { fault: 'client', make: (o) => new AccessDeniedException(o) }],
  ['InternalServerException', { fault: 'server', make: (o, b) => new InternalServerException(o, b) }],
  ['OperationTimeoutException', { fault: 'server', make: (o) => new OperationTimeoutException(o) }],
]);

/**
 * The error code of an awsJson 1.0 error response: the `x-amzn-errortype` header, else the body's `__type` or
 * `code`, without the shape's namespace (`com.amazonaws.mwaaserverless#ValidationException`) or a trailing
 * `:http://...` (as the SDKs' `loadRestJsonErrorCode` reads it).
 */
export function errorCode(header: string | undefined, body: Body): string | undefined {
  const raw = header ?? str(body, '__type') ?? str(body, 'code');
  if (!raw) return undefined;
  let code = raw;
  if (code.includes(':')) code = code.split(':')[0]!;
  if (code.includes('#')) code = code.split('#')[1]!;
  return code || undefined;
}

/** The typed error for an error response. */
export function toServiceException(
  status: number,
  header: string | undefined,
  body: Body,
  metadata: ResponseMetadata,
): MwaaServerlessServiceException {
  const name = errorCode(header, body) ?? `UnknownError (HTTP ${status})`;
  const message = str(body, 'Message') ?? str(body, 'message') ?? name;
  const known = ERRORS.get(name);
  const opts: ServiceExceptionOptions = { name, message, $fault: known?.fault ?? (status >= 500 ? 'server' : 'client'), $metadata: metadata };
  const error = known ? known.make(opts, body) : new MwaaServerlessServiceException(opts);
  error.Message = message;
  return error;
}
