import type { Command } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/format';
import { EXIT } from '../io';
import { diagnosticFormatOption } from '../options';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

export function registerValidate(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('validate')
    .description('check every pipeline (schema and semantics) without writing anything')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(diagnosticFormatOption())
    .action((o: { env?: string; airflow?: string; format: DiagnosticFormat }) => {
      const { validateProject } = require('../../use-cases/validate') as typeof import('../../use-cases/validate');
      const result = validateProject({ cwd, env: o.env, airflow: o.airflow });
      if (printDiagnostics(result.diagnostics, o.format, io)) return exit(EXIT.inputErrors);
      if (o.format === 'stylish') {
        io.out(`${result.files.length} pipeline file${result.files.length === 1 ? '' : 's'} valid for Airflow ${result.target.version}`);
      }
      exit(EXIT.ok);
    });
}
