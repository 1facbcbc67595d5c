import type { Diagnostic } from '../diagnostics/types';
import { formatDiagnostics, summarize, type DiagnosticFormat } from '../diagnostics/format';
import type { CliIO } from './io';

/** Prints diagnostics (stderr for stylish, stdout for json); returns whether any is an error. */
export function printDiagnostics(diags: readonly Diagnostic[], format: DiagnosticFormat, io: CliIO): boolean {
  const errors = diags.some((d) => d.severity === 'error');
  if (format === 'json') {
    io.out(formatDiagnostics(diags, 'json'));
  } else if (diags.length > 0) {
    io.err(formatDiagnostics(diags, 'stylish'));
    io.err(summarize(diags));
  }
  return errors;
}
