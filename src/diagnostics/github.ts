import { inertText } from './inert';
import type { Diagnostic } from './types';

/** GitHub Actions workflow-command escaping of the message (data): %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value: the data escapes plus ':' and ',' which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * One `::error file=...,line=...,col=...,title=...::message` line per diagnostic, for GitHub Actions annotations.
 * File and message are inert text first (no line breaks, controls, bidi characters or `##[`), then escaped as the
 * runner unescapes them.
 */
export function formatGithub(diags: readonly Diagnostic[], titleOf: (code: string) => string | undefined): string {
  return diags
    .map((d) => {
      const title = titleOf(d.code);
      const props: [string, string | number][] = [
        ['file', inertText(d.file)],
        ['line', d.line],
        ['col', d.col],
      ];
      if (d.endLine !== undefined && d.endLine !== d.line) props.push(['endLine', d.endLine]);
      else if (d.endCol !== undefined && d.endCol > d.col) props.push(['endColumn', d.endCol]);
      props.push(['title', title ? `${d.code} ${title}` : d.code]);
      const message = inertText(`${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`);
      return `::${COMMAND[d.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}`;
    })
    .join('\n');
}
