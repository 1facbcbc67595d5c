import { CODES, type Code } from './codes';
import type { Diagnostic, JsonPath, Severity, SourceRange } from './types';

export interface DiagnosticOptions {
  /** JSON path of the offending node inside the file; none for problems of the whole file. */
  readonly path?: JsonPath;
  readonly hint?: string;
  /** Only where one code covers both (a TypeScript checker warning is DS110 at warning level). Default: the catalog's. */
  readonly severity?: Severity;
}

/**
 * Builds a diagnostic: the one constructor every phase uses (Reporter does for pipeline files), so that the
 * severity comes from the catalog and every diagnostic has the same shape in every output format.
 */
export function makeDiagnostic(code: Code, file: string, range: SourceRange, message: string, opts: DiagnosticOptions = {}): Diagnostic {
  return {
    code,
    severity: opts.severity ?? CODES[code].severity,
    message,
    file,
    line: range.line,
    col: range.col,
    endLine: range.endLine,
    endCol: range.endCol,
    path: opts.path ?? [],
    ...(opts.hint ? { hint: opts.hint } : {}),
  };
}
