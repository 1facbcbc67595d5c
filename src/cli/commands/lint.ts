import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { formatReport, REPORT_FORMATS, summarize, type ReportFormat } from '../../diagnostics/format';
import { annotationsLeftOut, stepSummaryMarkdown } from '../../diagnostics/step-summary';
import { UsageError } from '../../diagnostics/types';
import { VERSION } from '../../util/version';
import { EXIT } from '../io';
import { positiveInteger, targetOption, wholeNumber } from '../options';
import type { CommandContext } from './context';

interface LintFlags {
  env?: string;
  allEnvs?: boolean;
  airflow?: string;
  target?: string;
  format: ReportFormat;
  maxWarnings?: number;
  remote?: boolean;
  jobs?: number;
}

/** Appends to the job summary file the runner names (no link followed, nothing created elsewhere). */
function appendStepSummary(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Findings are lint's output, so every format goes to stdout (`dagsmith lint > report.txt` captures them, as with
 * ESLint); stderr carries only failures of dagsmith itself (a bad config, an internal error). validate and compile
 * keep their diagnostics on stderr: their output is files and an exit code, and their diagnostics are the compiler's
 * complaints about its input, as compilers print them.
 */
export function registerLint(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('lint')
    .description('validate, then check pipelines against AWS ingestion best practices (rules DS400-DS499)')
    .option('--env <name>', 'environment whose variables apply')
    .option('--all-envs', 'lint every environment of dagsmith.config.yaml, each as --env would')
    .option('--airflow <version>', 'Airflow version to check against')
    .addOption(targetOption())
    .addOption(new Option('--format <format>', 'output format').choices([...REPORT_FORMATS]).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', wholeNumber('--max-warnings'))
    .option(
      '--remote',
      'also check, read-only, that referenced Glue jobs, crawlers, security configurations and S3 buckets exist, and bucket encryption and public access blocks (AWS credential chain, AWS_ENDPOINT_URL)',
    )
    .addOption(
      new Option('--jobs <n>', 'threads to build and lint on (default 1: on 2 cores more threads measured slower, docs/benchmarks.md)').argParser(
        positiveInteger,
      ),
    )
    .action(async (o: LintFlags) => {
      if (o.maxWarnings !== undefined && (!Number.isInteger(o.maxWarnings) || o.maxWarnings < 0)) {
        throw new UsageError('--max-warnings takes a whole number, 0 or more');
      }
      const { lintProject, lintAllEnvironments } = require('../../use-cases/lint') as typeof import('../../use-cases/lint');
      const { ruleInfoFor } = require('../../lint/docs') as typeof import('../../lint/docs');
      if (o.allEnvs && o.env !== undefined) throw new UsageError('--all-envs and --env do not go together: --all-envs lints every environment');
      const { diagnostics, suppressed, repoPrefix, files, docsUrl } = o.allEnvs
        ? await lintAllEnvironments({ cwd, airflow: o.airflow, target: o.target, remote: o.remote }).then((r) => ({
            ...r,
            files: r.environments[0]?.project.files.length ?? 0,
            docsUrl: r.environments[0]?.project.config.lint.docsUrl,
          }))
        : await lintProject({ cwd, env: o.env, airflow: o.airflow, target: o.target, remote: o.remote, jobs: o.jobs }).then((r) => ({
            ...r,
            files: r.project.files.length,
            docsUrl: r.project.config.lint.docsUrl,
          }));
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      const tooManyWarnings = o.maxWarnings !== undefined && warnings > o.maxWarnings;
      // SARIF's informationUri only where the team publishes the docs (no guessed address: it would not resolve).
      const reportOptions = {
        toolVersion: VERSION,
        repoPrefix,
        ruleInfo: ruleInfoFor(docsUrl),
        suppressed,
        ...(docsUrl ? { informationUri: docsUrl } : {}),
      };
      if (o.format === 'stylish') {
        if (diagnostics.length > 0) {
          io.out(formatReport(diagnostics, 'stylish', reportOptions));
          io.out(summarize(diagnostics));
        } else {
          io.out(`${files} pipeline file${files === 1 ? '' : 's'}: no lint findings${o.allEnvs ? ' in any environment' : ''}`);
        }
      } else if (o.format === 'github') {
        if (diagnostics.length > 0) io.out(formatReport(diagnostics, 'github', reportOptions));
        const leftOut = annotationsLeftOut(diagnostics);
        if (leftOut > 0) {
          const summaryFile = process.env.GITHUB_STEP_SUMMARY;
          if (summaryFile) {
            const inRepo = diagnostics.map((d) => ({ ...d, file: repoPrefix + d.file }));
            appendStepSummary(summaryFile, stepSummaryMarkdown(inRepo, { leftOut, tool: 'dagsmith' }));
          }
          io.out(
            `::notice title=dagsmith lint::${leftOut} of ${diagnostics.length} findings are not shown as annotations (GitHub shows 10 of each kind per step); ${summaryFile ? 'the job summary lists them all' : 'the log above lists them all'}`,
          );
        }
        io.out(summarize(diagnostics));
      } else {
        io.out(formatReport(diagnostics, o.format, reportOptions));
      }
      if (tooManyWarnings) io.out(`dagsmith lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${o.maxWarnings}`);
      exit(errors > 0 || tooManyWarnings ? EXIT.inputErrors : EXIT.ok);
    });
}
