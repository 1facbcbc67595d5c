import { createHash } from 'node:crypto';
import type { Diagnostic, JsonPath, Origin, Severity, SourceRange } from '../diagnostics/types';
import type { Code } from '../diagnostics/codes';
import { makeDiagnostic } from '../diagnostics/diagnostic';

/** Where a JSON path points, in the source text. `key` asks for the property name, `value` for its value. */
export interface Locator {
  locate(path: JsonPath, at?: 'key' | 'value'): SourceRange;
}

/** A pipeline or config file after loading: its plain data and a way back to source positions. */
export interface SpecFile {
  /** Project-relative path with forward slashes, as printed in diagnostics. */
  readonly file: string;
  readonly absPath: string;
  readonly format: 'yaml' | 'ts';
  readonly text: string;
  readonly sha256: string;
  /** The plain JavaScript value of the document (undefined when it could not be loaded). */
  readonly data: unknown;
  readonly locator: Locator;
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export const START_OF_FILE: SourceRange = { line: 1, col: 1, endLine: 1, endCol: 1 };

export interface ReportOptions {
  at?: 'key' | 'value';
  hint?: string;
  severity?: Severity;
  /** Report at this exact range instead of locating `path`. */
  range?: SourceRange;
}

/** Collects diagnostics for one file, turning JSON paths into line and column. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    private readonly locator: Locator,
  ) {}

  report(code: Code, path: JsonPath, message: string, opts: ReportOptions = {}): void {
    const range = opts.range ?? this.locator.locate(path, opts.at ?? 'value');
    this.diagnostics.push(makeDiagnostic(code, this.file, range, message, { path, hint: opts.hint, severity: opts.severity }));
  }

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    return this.locator.locate(path, at);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
