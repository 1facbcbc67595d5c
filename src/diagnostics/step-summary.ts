/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (the problem matchers page of
 * actions/toolkit, "Limitations"); the rest exist only in the log. When findings go past that, `lint --format
 * github` says how many were not shown and writes every finding as a Markdown table to the job summary
 * ($GITHUB_STEP_SUMMARY, at most 1 MiB per step).
 */
import { markdownText } from './inert';
import type { Diagnostic, Severity } from './types';

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;
/** What a step summary may hold (GitHub's limit is 1 MiB); the table stops before it. */
export const SUMMARY_BUDGET = 1024 * 1024 - 4096;

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos; by place within each (GitHub shows the first ten of each kind). */
export function errorsFirst(diags: readonly Diagnostic[]): Diagnostic[] {
  return diags
    .map((d, i) => ({ d, i }))
    .sort((a, b) => RANK[a.d.severity] - RANK[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

/** How many findings of each kind GitHub will not show as annotations. */
export function annotationsLeftOut(diags: readonly Diagnostic[]): number {
  const per = new Map<Severity, number>();
  for (const d of diags) per.set(d.severity, (per.get(d.severity) ?? 0) + 1);
  let out = 0;
  for (const n of per.values()) out += Math.max(0, n - ANNOTATIONS_PER_KIND);
  return out;
}

/** The job-summary Markdown: a heading, the counts, and every finding as a row (errors first). */
export function stepSummaryMarkdown(diags: readonly Diagnostic[], opts: { readonly leftOut: number; readonly tool: string }): string {
  const sorted = errorsFirst(diags);
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.filter((d) => d.severity === 'warning').length;
  const head = [
    `### ${markdownText(opts.tool)} lint: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    '',
    `GitHub shows ${ANNOTATIONS_PER_KIND} annotations of each kind per step: ${opts.leftOut} finding${opts.leftOut === 1 ? ' is' : 's are'} only in this table.`,
    '',
    '| severity | code | where | message |',
    '|---|---|---|---|',
  ];
  let text = `${head.join('\n')}\n`;
  let shown = 0;
  for (const d of sorted) {
    const row = `| ${d.severity} | ${markdownText(d.code)} | ${markdownText(`${d.file}:${d.line}:${d.col}`)} | ${markdownText(`${d.message}${d.hint ? ` (${d.hint})` : ''}`)} |\n`;
    if (Buffer.byteLength(text) + Buffer.byteLength(row) > SUMMARY_BUDGET) break;
    text += row;
    shown++;
  }
  if (shown < sorted.length) text += `\n${sorted.length - shown} more findings did not fit in the summary; the job log has them all.\n`;
  return text;
}
