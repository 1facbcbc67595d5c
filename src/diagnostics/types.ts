import type { Code } from './codes';

import type { JsonPath } from '../util/json-path';

export type { JsonPath } from '../util/json-path';

export type Severity = 'error' | 'warning' | 'info';

/** The one diagnostic shape used by every phase (load, schema, semantics, lint, emit, sync). */
export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  /** Project-relative, forward-slash path of the file the problem is in. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly col: number;
  readonly endLine?: number;
  readonly endCol?: number;
  /** JSON path of the offending node inside the file, when there is one. */
  readonly path: JsonPath;
  /** A suggestion, printed after the message in parentheses ("did you mean 'x'?"). */
  readonly hint?: string;
  /** Other places the finding concerns (the YAML field that names a SQL file holding the problem). */
  readonly related?: readonly RelatedLocation[];
}

/** A place related to a diagnostic (SARIF `relatedLocations`). */
export interface RelatedLocation extends SourceRange {
  readonly file: string;
  readonly message: string;
}

/** A source range, 1-based lines and columns; `end*` are exclusive. */
export interface SourceRange {
  readonly line: number;
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
}

/** Where an IR node came from. */
export interface Origin {
  readonly file: string;
  readonly path: JsonPath;
}

/** Errors the user can cause but that are not about a spec file: bad flags, bad config. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Configuration problems found in files (exit code 2), with their diagnostics. */
export class ConfigError extends UsageError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('dagsmith.config.yaml has errors');
  }
}

/** A remote call (AWS) failed after retries. Exit code 3. */
export class RemoteError extends Error {
  override readonly name = 'RemoteError';
}
