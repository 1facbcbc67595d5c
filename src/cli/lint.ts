import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { formatReport, summarize, type ReportFormat } from '../diagnostics/format';
import { UsageError } from '../diagnostics/types';
import { ruleInfo } from '../lint/docs';
import { lintProject } from '../lint/index';
import { EXIT, type CliIO } from './io';

export interface LintCliOptions {
  readonly cwd: string;
  readonly env?: string;
  readonly airflow?: string;
  readonly format?: ReportFormat;
  /** Exit 1 when there are more warnings than this (ESLint's --max-warnings). */
  readonly maxWarnings?: number;
  /** "Now" for rules that count runs; tests pin it. */
  readonly now?: Date;
  /** Look referenced AWS resources up (read-only) with the standard credential chain and AWS_ENDPOINT_URL. */
  readonly remote?: boolean;
}

/** `dagsmith lint`: everything validate reports plus the lint rules, in the chosen format. */
export async function lint(opts: LintCliOptions, io: CliIO): Promise<number> {
  const format = opts.format ?? 'stylish';
  if (opts.maxWarnings !== undefined && (!Number.isInteger(opts.maxWarnings) || opts.maxWarnings < 0)) {
    throw new UsageError('--max-warnings takes a whole number, 0 or more');
  }
  const { project, diagnostics } = await lintProject(opts);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;

  if (format === 'stylish') {
    if (diagnostics.length > 0) {
      io.err(formatReport(diagnostics, 'stylish', sarifOptions(opts.cwd)));
      io.err(summarize(diagnostics));
    } else {
      io.out(`${project.files.length} pipeline file${project.files.length === 1 ? '' : 's'}: no lint findings`);
    }
  } else {
    io.out(formatReport(diagnostics, format, sarifOptions(opts.cwd)));
  }
  if (tooManyWarnings) io.err(`dagsmith lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${opts.maxWarnings}`);
  return errors > 0 || tooManyWarnings ? EXIT.inputErrors : EXIT.ok;
}

function sarifOptions(cwd: string) {
  return { toolVersion: require('../../package.json').version as string, repoPrefix: repoPrefix(cwd), ruleInfo };
}

/** The project's folder relative to its git repository ('' at the root, 'data/' in a subfolder), for repo-relative URIs. */
export function repoPrefix(cwd: string): string {
  let dir = resolve(cwd);
  for (let i = 0; i < 100; i++) {
    if (existsSync(join(dir, '.git'))) {
      const rel = relative(dir, resolve(cwd)).split(sep).join('/');
      return rel === '' ? '' : `${rel}/`;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return '';
}
