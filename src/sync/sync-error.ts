import type { Code } from '../diagnostics/codes';
import { RemoteError, UsageError } from '../diagnostics/types';

/**
 * A sync that has to stop because of what the remote side says (the environment is not AVAILABLE, runs another
 * Airflow version, the bucket is not versioned, a DAG failed to import): exit code 3, with its catalog code.
 */
export class SyncError extends RemoteError {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}

/** A sync that cannot start because of the project (a symlink in plugins/, a bad flag value): exit code 2. */
export class SyncUsageError extends UsageError {
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
  }
}
