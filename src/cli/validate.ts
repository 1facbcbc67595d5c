import type { DiagnosticFormat } from '../diagnostics/format';
import { buildProject } from '../project';
import { EXIT, type CliIO } from './io';
import { printDiagnostics } from './report';

export interface ValidateOptions {
  readonly cwd: string;
  readonly env?: string;
  readonly airflow?: string;
  readonly format?: DiagnosticFormat;
}

/** Everything compile checks, without writing. */
export async function validate(opts: ValidateOptions, io: CliIO): Promise<number> {
  const result = buildProject(opts);
  const failed = printDiagnostics(result.diagnostics, opts.format ?? 'stylish', io);
  if (failed) return EXIT.inputErrors;
  if ((opts.format ?? 'stylish') === 'stylish') {
    io.out(`${result.files.length} pipeline file${result.files.length === 1 ? '' : 's'} valid for Airflow ${result.target.version}`);
  }
  return EXIT.ok;
}
