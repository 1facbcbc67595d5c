import type { Command } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/format';
import { EXIT } from '../io';
import { diagnosticFormatOption, targetOption } from '../options';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

export function registerValidate(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('validate')
    .description('check every pipeline (schema and semantics) without writing anything')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(targetOption())
    .addOption(diagnosticFormatOption())
    .action((o: { env?: string; airflow?: string; target?: string; format: DiagnosticFormat }) => {
      const { validateProject } = require('../../use-cases/validate') as typeof import('../../use-cases/validate');
      const result = validateProject({ cwd, env: o.env, airflow: o.airflow, target: o.target });
      if (printDiagnostics(result.diagnostics, o.format, io)) return exit(EXIT.inputErrors);
      if (o.format === 'stylish') {
        io.out(`${result.files.length} pipeline file${result.files.length === 1 ? '' : 's'} valid for ${result.target.label}`);
      }
      exit(EXIT.ok);
    });
}
