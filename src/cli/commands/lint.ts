import { Option, type Command } from 'commander';
import { formatReport, REPORT_FORMATS, summarize, type ReportFormat } from '../../diagnostics/format';
import { UsageError } from '../../diagnostics/types';
import { VERSION } from '../../util/version';
import { EXIT } from '../io';
import { wholeNumber } from '../options';
import type { CommandContext } from './context';

interface LintFlags {
  env?: string;
  allEnvs?: boolean;
  airflow?: string;
  format: ReportFormat;
  maxWarnings?: number;
  remote?: boolean;
}

export function registerLint(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('lint')
    .description('validate, then check pipelines against AWS ingestion best practices (rules DS400-DS499)')
    .option('--env <name>', 'environment whose variables apply')
    .option('--all-envs', 'lint every environment of dagsmith.config.yaml, each as --env would')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', wholeNumber('--max-warnings'))
    .option(
      '--remote',
      'also check, read-only, that referenced Glue jobs, crawlers, security configurations and S3 buckets exist, and bucket encryption and public access blocks (AWS credential chain, AWS_ENDPOINT_URL)',
    )
    .action(async (o: LintFlags) => {
      if (o.maxWarnings !== undefined && (!Number.isInteger(o.maxWarnings) || o.maxWarnings < 0)) {
        throw new UsageError('--max-warnings takes a whole number, 0 or more');
      }
      const { lintProject, lintAllEnvironments } = require('../../use-cases/lint') as typeof import('../../use-cases/lint');
      const lintAll = (opts: Parameters<typeof lintAllEnvironments>[0]) =>
        lintAllEnvironments(opts).then((r) => ({ ...r, files: r.environments[0]?.project.files.length ?? 0 }));
      const { ruleInfo } = require('../../lint/docs') as typeof import('../../lint/docs');
      if (o.allEnvs && o.env !== undefined) throw new UsageError('--all-envs and --env do not go together: --all-envs lints every environment');
      const { diagnostics, repoPrefix, files } = o.allEnvs
        ? await lintAll({ cwd, airflow: o.airflow, remote: o.remote })
        : await lintProject({ cwd, env: o.env, airflow: o.airflow, remote: o.remote }).then((r) => ({ ...r, files: r.project.files.length }));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const tooManyWarnings = o.maxWarnings !== undefined && warnings > o.maxWarnings;
      const reportOptions = { toolVersion: VERSION, repoPrefix, ruleInfo };
      if (o.format === 'stylish') {
        if (diagnostics.length > 0) {
          io.err(formatReport(diagnostics, 'stylish', reportOptions));
          io.err(summarize(diagnostics));
        } else {
          io.out(`${files} pipeline file${files === 1 ? '' : 's'}: no lint findings${o.allEnvs ? ' in any environment' : ''}`);
        }
      } else {
        io.out(formatReport(diagnostics, o.format, reportOptions));
      }
      if (tooManyWarnings) io.err(`dagsmith lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${o.maxWarnings}`);
      exit(errors > 0 || tooManyWarnings ? EXIT.inputErrors : EXIT.ok);
    });
}
