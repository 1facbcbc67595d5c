import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic, SourceRange } from '../diagnostics/types';

/**
 * A suppression comment, with the reason after `--`:
 * - `dagsmith-disable-next-line DS402, DS420 -- why` silences the next line; when that line is the first line of a
 *   step (`- id: ...` in YAML, the line that opens the step's object in TypeScript), the whole step, including the
 *   SQL files it reads;
 * - `dagsmith-disable-file DS403 -- why` silences the whole file (a pipeline file: also the SQL files its steps read).
 * Written as a whole-line comment: `#` in YAML, `//` in TypeScript, `--` in SQL (also inside inline SQL).
 */
export interface Directive {
  readonly kind: 'next-line' | 'file';
  /** 1-based line of the comment. */
  readonly line: number;
  /** 1-based column where the comment starts. */
  readonly col: number;
  readonly codes: readonly { readonly code: string; readonly col: number }[];
  readonly reason: string | null;
  /** The line whose findings it silences (next-line): the next line that is not itself a directive. */
  readonly targetLine: number;
}

export type DirectiveFormat = 'yaml' | 'ts' | 'sql';

/** `--` is SQL's comment: it may stand in SQL text inside YAML and TypeScript too (a block scalar, a literal). */
const COMMENT: Readonly<Record<DirectiveFormat, RegExp>> = {
  yaml: /^(\s*)((?:#|--)\s*)(dagsmith-disable-next-line|dagsmith-disable-file)\b(.*)$/,
  ts: /^(\s*)((?:\/\/|--)\s*)(dagsmith-disable-next-line|dagsmith-disable-file)\b(.*)$/,
  sql: /^(\s*)(--\s*)(dagsmith-disable-next-line|dagsmith-disable-file)\b(.*)$/,
};

/**
 * Finds the directives of a file. Only whole-line comments count, so a `#` inside a YAML string or a `//` inside
 * a TypeScript string never turns into one.
 */
export function parseDirectives(text: string, format: DirectiveFormat): Directive[] {
  // Most files have none: one search decides.
  if (!text.includes('dagsmith-disable-')) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const found: Omit<Directive, 'targetLine'>[] = [];
  lines.forEach((lineText, i) => {
    const m = COMMENT[format].exec(lineText);
    if (!m) return;
    const indent = m[1]!.length;
    const name = m[3] as 'dagsmith-disable-next-line' | 'dagsmith-disable-file';
    const restStart = indent + m[2]!.length + name.length;
    const rest = m[4]!;
    const sep = rest.indexOf('--');
    const codePart = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const codes: { code: string; col: number }[] = [];
    for (const cm of codePart.matchAll(/[^\s,]+/g)) codes.push({ code: cm[0], col: restStart + cm.index + 1 });
    found.push({
      kind: name === 'dagsmith-disable-file' ? 'file' : 'next-line',
      line: i + 1,
      col: indent + 1,
      codes,
      reason: reason === '' ? null : reason,
    });
  });
  const directiveLines = new Set(found.map((d) => d.line));
  return found.map((d) => {
    let target = d.line + 1;
    while (directiveLines.has(target)) target++;
    return { ...d, targetLine: target };
  });
}

/** A finding with the step it belongs to (`file#path`), so a step directive reaches its SQL files too. */
export interface Entry {
  readonly d: Diagnostic;
  readonly step?: string;
}

/** The lines of a step in the file whose directives are applied, by step key. */
export interface StepSpan {
  readonly key: string;
  readonly line: number;
  readonly endLine: number;
}

export interface SuppressionResult {
  /** Findings that no directive silences. */
  readonly kept: Entry[];
  /** Findings a directive silenced, with its reason (SARIF keeps them as suppressed results). */
  readonly suppressed: { readonly entry: Entry; readonly justification: string }[];
  /** DS400 (unused) and DS401 (invalid) findings about the directives themselves, at default severity. */
  readonly problems: Diagnostic[];
}

/**
 * Applies one file's directives. `entries` are the findings in this file, plus (for a pipeline file) those of its
 * steps in the SQL files they read. `suppressible` says which codes a directive may name (the lint rules and the
 * validation warnings); a directive that names anything else, or gives no reason, is reported, and so is every
 * code of a directive that silenced nothing.
 */
export function applyDirectives(
  file: string,
  directives: readonly Directive[],
  entries: readonly Entry[],
  suppressible: ReadonlySet<string>,
  steps: readonly StepSpan[] = [],
): SuppressionResult {
  const problems: Diagnostic[] = [];
  const at = (line: number, col: number, endCol: number): SourceRange => ({ line, col, endLine: line, endCol });
  const silenced = new Map<Entry, string>();
  const form = (d: Directive) => (d.kind === 'file' ? 'dagsmith-disable-file' : 'dagsmith-disable-next-line');
  for (const d of directives) {
    if (d.codes.length === 0) {
      problems.push(
        makeDiagnostic('DS401', file, at(d.line, d.col, d.col + 1), `a suppression comment names the rules it silences: ${form(d)} DS4xx -- reason`),
      );
      continue;
    }
    if (d.reason === null) {
      problems.push(
        makeDiagnostic(
          'DS401',
          file,
          at(d.line, d.col, d.col + 1),
          `say why the finding does not apply: ${form(d)} ${d.codes.map((c) => c.code).join(', ')} -- reason`,
        ),
      );
    }
    const step = d.kind === 'next-line' ? steps.find((s) => s.line === d.targetLine) : undefined;
    const covers = (e: Entry): boolean => {
      if (d.kind === 'file') return e.d.file === file || e.step !== undefined;
      if (step) return e.step === step.key || (e.d.file === file && e.d.line >= step.line && e.d.line <= step.endLine);
      return e.d.file === file && e.d.line === d.targetLine;
    };
    for (const c of d.codes) {
      if (!suppressible.has(c.code)) {
        const message = /^DS\d{3}$/.test(c.code)
          ? `${c.code} cannot be suppressed; only lint findings (DS402-DS499) and validation warnings can`
          : `'${c.code}' is not a rule code (DS4xx)`;
        problems.push(makeDiagnostic('DS401', file, at(d.line, c.col, c.col + c.code.length), message));
        continue;
      }
      const hits = entries.filter((e) => e.d.code === c.code && covers(e));
      if (hits.length === 0) {
        const where = d.kind === 'file' ? 'in this file' : step ? `in the step on line ${d.targetLine}` : `on line ${d.targetLine}`;
        problems.push(
          makeDiagnostic(
            'DS400',
            file,
            at(d.line, c.col, c.col + c.code.length),
            `${c.code} reports nothing ${where}; remove it from this suppression comment`,
          ),
        );
      }
      for (const h of hits) if (!silenced.has(h)) silenced.set(h, d.reason ?? '');
    }
  }
  return {
    kept: entries.filter((e) => !silenced.has(e)),
    suppressed: [...silenced].map(([entry, justification]) => ({ entry, justification })),
    problems,
  };
}
