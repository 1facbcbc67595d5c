import { Option, type Command } from 'commander';
import { formatReport, REPORT_FORMATS, summarize, type ReportFormat } from '../../diagnostics/format';
import { UsageError } from '../../diagnostics/types';
import { VERSION } from '../../util/version';
import { EXIT } from '../io';
import { targetOption, wholeNumber } from '../options';
import type { CommandContext } from './context';

interface LintFlags {
  env?: string;
  airflow?: string;
  target?: string;
  format: ReportFormat;
  maxWarnings?: number;
  remote?: boolean;
}

export function registerLint(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('lint')
    .description('validate, then check pipelines against AWS ingestion best practices (rules DS400-DS499)')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(targetOption())
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
      const { lintProject } = require('../../use-cases/lint') as typeof import('../../use-cases/lint');
      const { ruleInfo } = require('../../lint/docs') as typeof import('../../lint/docs');
      const { project, diagnostics, repoPrefix } = await lintProject({ cwd, env: o.env, airflow: o.airflow, target: o.target, remote: o.remote });
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const tooManyWarnings = o.maxWarnings !== undefined && warnings > o.maxWarnings;
      const reportOptions = { toolVersion: VERSION, repoPrefix, ruleInfo };
      if (o.format === 'stylish') {
        if (diagnostics.length > 0) {
          io.err(formatReport(diagnostics, 'stylish', reportOptions));
          io.err(summarize(diagnostics));
        } else {
          io.out(`${project.files.length} pipeline file${project.files.length === 1 ? '' : 's'}: no lint findings`);
        }
      } else {
        io.out(formatReport(diagnostics, o.format, reportOptions));
      }
      if (tooManyWarnings) io.err(`dagsmith lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${o.maxWarnings}`);
      exit(errors > 0 || tooManyWarnings ? EXIT.inputErrors : EXIT.ok);
    });
}
