import type { Command } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/format';
import { UsageError } from '../../diagnostics/types';
import { EXIT, type CliIO } from '../io';
import type { PipelineSchedule } from '../../use-cases/validate';
import { diagnosticFormatOption, targetOption } from '../options';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

interface ValidateFlags {
  env?: string;
  allEnvs?: boolean;
  verbose?: boolean;
  airflow?: string;
  target?: string;
  format: DiagnosticFormat;
}

export function registerValidate(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('validate')
    .description('check every pipeline (schema and semantics) without writing anything')
    .option('--env <name>', 'environment whose variables apply')
    .option('--all-envs', 'check every environment of dagsmith.config.yaml, each as --env would')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(targetOption())
    .option('--verbose', "also print each pipeline's schedule in words and its first data interval")
    .addOption(diagnosticFormatOption())
    .action((o: ValidateFlags) => {
      const use = require('../../use-cases/validate') as typeof import('../../use-cases/validate');
      if (o.allEnvs) {
        if (o.env !== undefined) throw new UsageError('--all-envs and --env do not go together: --all-envs checks every environment');
        const all = use.validateAllEnvironments({ cwd, airflow: o.airflow, target: o.target, schedules: o.verbose === true });
        if (printDiagnostics(all.diagnostics, o.format, io)) return exit(EXIT.inputErrors);
        if (o.format === 'stylish') {
          for (const e of all.environments) printSchedules(e.schedules, io, `[${e.environment}] `);
          const files = all.environments[0]?.result.files.length ?? 0;
          const envs = all.environments.map((e) => `${e.environment} (${e.result.target.label})`).join(', ');
          io.out(`${files} pipeline file${files === 1 ? '' : 's'} valid for every environment: ${envs}`);
        }
        return exit(EXIT.ok);
      }
      const result = use.validateProject({ cwd, env: o.env, airflow: o.airflow, target: o.target, schedules: o.verbose === true });
      if (printDiagnostics(result.diagnostics, o.format, io)) return exit(EXIT.inputErrors);
      if (o.format === 'stylish') {
        printSchedules(result.schedules, io, '');
        io.out(`${result.files.length} pipeline file${result.files.length === 1 ? '' : 's'} valid for ${result.target.label}`);
      }
      exit(EXIT.ok);
    });
}

/** One line per pipeline: its schedule in words, then its first data interval (a run starts at an interval's end). */
function printSchedules(schedules: readonly PipelineSchedule[], io: CliIO, prefix: string): void {
  for (const { file, id, summary } of schedules) {
    const first = summary.firstInterval;
    const interval = first
      ? `; first data interval ${first.start} to ${first.end} ${first.timezone}, run at its end` +
        (summary.catchup ? '' : ' (catchup off: Airflow starts with the latest complete interval when the DAG is deployed)')
      : '';
    io.out(`${prefix}${file}: ${id}: ${summary.words}${interval}`);
  }
}
