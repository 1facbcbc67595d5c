import type { Command } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/format';
import { UsageError } from '../../diagnostics/types';
import { EXIT } from '../io';
import { diagnosticFormatOption } from '../options';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

interface ValidateFlags {
  env?: string;
  allEnvs?: boolean;
  airflow?: string;
  format: DiagnosticFormat;
}

export function registerValidate(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('validate')
    .description('check every pipeline (schema and semantics) without writing anything')
    .option('--env <name>', 'environment whose variables apply')
    .option('--all-envs', 'check every environment of dagsmith.config.yaml, each as --env would')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(diagnosticFormatOption())
    .action((o: ValidateFlags) => {
      const use = require('../../use-cases/validate') as typeof import('../../use-cases/validate');
      if (o.allEnvs) {
        if (o.env !== undefined) throw new UsageError('--all-envs and --env do not go together: --all-envs checks every environment');
        const all = use.validateAllEnvironments({ cwd, airflow: o.airflow });
        if (printDiagnostics(all.diagnostics, o.format, io)) return exit(EXIT.inputErrors);
        if (o.format === 'stylish') {
          const files = all.environments[0]?.result.files.length ?? 0;
          const envs = all.environments.map((e) => `${e.environment} (Airflow ${e.result.target.version})`).join(', ');
          io.out(`${files} pipeline file${files === 1 ? '' : 's'} valid for every environment: ${envs}`);
        }
        return exit(EXIT.ok);
      }
      const result = use.validateProject({ cwd, env: o.env, airflow: o.airflow });
      if (printDiagnostics(result.diagnostics, o.format, io)) return exit(EXIT.inputErrors);
      if (o.format === 'stylish') {
        io.out(`${result.files.length} pipeline file${result.files.length === 1 ? '' : 's'} valid for Airflow ${result.target.version}`);
      }
      exit(EXIT.ok);
    });
}
