import { makeDiagnostic } from '../diagnostics/diagnostic';
import type { Diagnostic, SourceRange } from '../diagnostics/types';

/** `# dagsmith-disable-next-line DS402, DS420 -- why` (YAML) or `// dagsmith-disable-next-line ...` (TypeScript). */
export interface Directive {
  /** 1-based line of the comment. */
  readonly line: number;
  /** 1-based column where the comment starts. */
  readonly col: number;
  readonly codes: readonly { readonly code: string; readonly col: number }[];
  readonly reason: string | null;
  /** The line whose findings it silences: the next line that is not itself a directive. */
  readonly targetLine: number;
}

const DIRECTIVE = 'dagsmith-disable-next-line';
const COMMENT: Readonly<Record<'yaml' | 'ts', RegExp>> = {
  yaml: /^(\s*)(#\s*)dagsmith-disable-next-line\b(.*)$/,
  ts: /^(\s*)(\/\/\s*)dagsmith-disable-next-line\b(.*)$/,
};

/**
 * Finds the directives of a file. Only whole-line comments count, so a `#` inside a YAML string or a `//` inside
 * a TypeScript string never turns into one.
 */
export function parseDirectives(text: string, format: 'yaml' | 'ts'): Directive[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: Omit<Directive, 'targetLine'>[] = [];
  lines.forEach((lineText, i) => {
    const m = COMMENT[format].exec(lineText);
    if (!m) return;
    const indent = m[1]!.length;
    const restStart = indent + m[2]!.length + DIRECTIVE.length;
    const rest = m[3]!;
    const sep = rest.indexOf('--');
    const codePart = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const codes: { code: string; col: number }[] = [];
    for (const cm of codePart.matchAll(/[^\s,]+/g)) codes.push({ code: cm[0], col: restStart + cm.index + 1 });
    found.push({ line: i + 1, col: indent + 1, codes, reason: reason === '' ? null : reason });
  });
  const directiveLines = new Set(found.map((d) => d.line));
  return found.map((d) => {
    let target = d.line + 1;
    while (directiveLines.has(target)) target++;
    return { ...d, targetLine: target };
  });
}

export interface SuppressionResult {
  /** Findings that no directive silences. */
  readonly kept: Diagnostic[];
  /** DS400 (unused) and DS401 (invalid) findings about the directives themselves, at default severity. */
  readonly problems: Diagnostic[];
}

/**
 * Applies one file's directives to its lint findings. `suppressible` says which codes a directive may name (the
 * lint rules); a directive that names anything else, or gives no reason, is reported, and so is every code of a
 * directive that silenced nothing.
 */
export function applyDirectives(
  file: string,
  directives: readonly Directive[],
  findings: readonly Diagnostic[],
  suppressible: ReadonlySet<string>,
): SuppressionResult {
  const problems: Diagnostic[] = [];
  const at = (line: number, col: number, endCol: number): SourceRange => ({ line, col, endLine: line, endCol });
  const silenced = new Set<Diagnostic>();
  for (const d of directives) {
    if (d.codes.length === 0) {
      problems.push(
        makeDiagnostic(
          'DS401',
          file,
          at(d.line, d.col, d.col + 1),
          `a suppression comment names the rules it silences: ${DIRECTIVE} DS4xx -- reason`,
        ),
      );
      continue;
    }
    if (d.reason === null) {
      problems.push(
        makeDiagnostic(
          'DS401',
          file,
          at(d.line, d.col, d.col + 1),
          `say why the finding does not apply: ${DIRECTIVE} ${d.codes.map((c) => c.code).join(', ')} -- reason`,
        ),
      );
    }
    for (const c of d.codes) {
      if (!suppressible.has(c.code)) {
        const message = /^DS\d{3}$/.test(c.code)
          ? `${c.code} is not a lint rule; only lint findings (DS402-DS499) can be suppressed`
          : `'${c.code}' is not a rule code (DS4xx)`;
        problems.push(makeDiagnostic('DS401', file, at(d.line, c.col, c.col + c.code.length), message));
        continue;
      }
      const hits = findings.filter((f) => f.line === d.targetLine && f.code === c.code);
      if (hits.length === 0) {
        problems.push(
          makeDiagnostic(
            'DS400',
            file,
            at(d.line, c.col, c.col + c.code.length),
            `${c.code} reports nothing on line ${d.targetLine}; remove it from this suppression comment`,
          ),
        );
      }
      for (const h of hits) silenced.add(h);
    }
  }
  return { kept: findings.filter((f) => !silenced.has(f)), problems };
}
