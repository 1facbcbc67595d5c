import type { Diagnostic, JsonPath, Severity, SourceRange } from './types';
import type { Code } from './codes';
import { makeDiagnostic } from './diagnostic';

/** Where a JSON path points, in the source text. `key` asks for the property name, `value` for its value. */
export interface Locator {
  locate(path: JsonPath, at?: 'key' | 'value'): SourceRange;
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
