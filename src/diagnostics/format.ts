import type { Diagnostic } from './types';
import { formatGithub } from './github';
import { inertJson, inertText } from './inert';
import { toSarif, type SarifOptions } from './sarif';
import { errorsFirst } from './step-summary';

export type DiagnosticFormat = 'stylish' | 'json';

/** The formats of `lint`: the two above, SARIF 2.1.0 for code scanning, GitHub Actions workflow commands. */
export type ReportFormat = DiagnosticFormat | 'sarif' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['stylish', 'json', 'sarif', 'github'];

/** `file:line:col: severity CODE: message (hint)` — one line, the form editors and CI logs understand; inert text. */
export function formatDiagnostic(d: Diagnostic): string {
  const hint = d.hint ? ` (${inertText(d.hint)})` : '';
  return `${inertText(d.file)}:${d.line}:${d.col}: ${d.severity} ${d.code}: ${inertText(d.message)}${hint}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return cmp(a.file, b.file) || a.line - b.line || a.col - b.col || cmp(a.code, b.code) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted, with exact repeats removed: the same problem is never printed twice. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Sorted by every field that makes a repeat, so a repeat follows what it repeats.
  for (const d of [...diags].sort(compareDiagnostics)) if (out.length === 0 || compareDiagnostics(out[out.length - 1]!, d) !== 0) out.push(d);
  return out;
}

export function formatDiagnostics(diags: readonly Diagnostic[], format: DiagnosticFormat): string {
  return formatSorted(sortDiagnostics(diags), format);
}

/** `formatDiagnostics` of diagnostics `sortDiagnostics` gave (formatReport has sorted them already: not twice). */
function formatSorted(sorted: readonly Diagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') {
    return inertJson(
      sorted.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.file,
        line: d.line,
        col: d.col,
        endLine: d.endLine ?? d.line,
        endCol: d.endCol ?? d.col,
        path: d.path,
        ...(d.hint ? { hint: d.hint } : {}),
      })),
    );
  }
  return sorted.map(formatDiagnostic).join('\n');
}

export function summarize(diags: readonly Diagnostic[]): string {
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** Any report format; SARIF and GitHub need to know about the rules (texts, docs) and where the project sits. */
export function formatReport(diags: readonly Diagnostic[], format: ReportFormat, sarif: SarifOptions): string {
  const sorted = sortDiagnostics(diags);
  if (format === 'sarif') return inertJson(toSarif(sorted, sarif));
  if (format === 'github') {
    // Errors first: GitHub shows the first 10 annotations of each kind, and the errors are what blocks the merge.
    const inRepo = errorsFirst(sorted).map((d) => ({ ...d, file: sarif.repoPrefix + d.file }));
    return formatGithub(inRepo, (code) => sarif.ruleInfo(code).shortDescription);
  }
  return formatSorted(sorted, format);
}
