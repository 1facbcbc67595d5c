import { Option, type Command } from 'commander';
import { UsageError } from '../../diagnostics/types';
import type { TestProgress, TestResult } from '../../use-cases/test';
import { EXIT, type CliIO } from '../io';
import { formatDiagnosticsText, formatJson, formatJunit, formatSummaryText, formatTestText } from '../test-output';
import { inertText } from '../../diagnostics/inert';
import type { CommandContext } from './context';

interface TestFlags {
  target?: string;
  env?: string;
  json?: boolean;
  format?: 'text' | 'json' | 'junit';
  updateSnapshots?: boolean;
  allowOperator: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerTest(program: Command, ctx: CommandContext): void {
  const { cwd, io } = ctx;
  program
    .command('test')
    .description(
      "run the tests in tests/ (or the named ones): each runs a pipeline with dag.test() in the target's real Airflow against an emulated AWS",
    )
    .argument('[names...]', 'test names (the file name without .test.yaml / .test.ts) or test file paths')
    .option('--target <version>', 'Airflow version to run on (default: the environment\u2019s, else dagsmith.config.yaml\u2019s)')
    .option('--env <name>', 'environment whose variables apply to tests that name none')
    .option('--json', 'print the result as JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'junit']))
    .option('--update-snapshots', 'write the SQL snapshots that are missing or differ, instead of failing')
    .option('--allow-operator <class>', 'let airflow.operator steps of this class (module.Class) run (repeatable)', collect, [])
    .action(async (names: string[], o: TestFlags) => {
      if (o.json && o.format && o.format !== 'json') throw new UsageError(`--json and --format ${o.format} do not go together`);
      for (const cls of o.allowOperator) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(cls))
          throw new UsageError(
            `--allow-operator takes a dotted class path such as airflow.providers.http.sensors.http.HttpSensor; got '${inertText(cls)}'`,
          );
      }
      const format = o.json ? 'json' : (o.format ?? 'text');
      const { testProject, stopInstalls } = require('../../use-cases/test') as typeof import('../../use-cases/test');
      // Ctrl-C or a cancelled CI job: a virtualenv install runs in a process group of its own, which the signal does
      // not reach; stop it (the environment has no marker yet and is rebuilt next time) before going.
      for (const [sig, code] of [
        ['SIGINT', 130],
        ['SIGTERM', 143],
      ] as const)
        process.once(sig, () => {
          stopInstalls();
          process.exit(code);
        });
      const progress = progressPrinter(io, format);
      let result: TestResult;
      try {
        // A missing Python or a failed install (VenvError, DS740-DS742) is a usage error: main prints `error DS74x: ...`.
        result = await testProject({
          cwd,
          ...(names.length ? { names } : {}),
          ...(o.target !== undefined ? { target: o.target } : {}),
          ...(o.env !== undefined ? { env: o.env } : {}),
          updateSnapshots: o.updateSnapshots === true,
          allowOperators: o.allowOperator,
          onProgress: progress.event,
        });
      } finally {
        progress.done();
      }
      if (format === 'json') io.out(formatJson(result));
      else if (format === 'junit') io.out(formatJunit(result));
      else if (result.status === 'no-tests') io.out('no tests: write tests/<name>.test.yaml (see docs/testing.md)');
      else {
        for (const t of result.tests) if (!t.ran && !progress.printed.has(t.file)) io.out(formatTestText(t));
        io.out(formatSummaryText(result));
      }
      ctx.exit(result.status === 'invalid' ? EXIT.usage : result.status === 'failed' ? EXIT.inputErrors : EXIT.ok);
    });
}

/**
 * Text output while the tests run: the problems found before any run (stderr), each test's report as it finishes
 * (stdout), and on stderr what takes time (an Airflow virtualenv being installed, the runner starting). JSON and
 * JUnit print only at the end; their progress goes to stderr on a terminal only.
 */
function progressPrinter(io: CliIO, format: string): { event: (e: TestProgress) => void; done: () => void; printed: Set<string> } {
  const printed = new Set<string>();
  const text = format === 'text';
  const note = (s: string) => {
    if (text || io.interactive) io.err(s);
  };
  let lastInstallNote = 0;
  return {
    printed,
    done: () => undefined,
    event: (e) => {
      switch (e.type) {
        case 'loaded':
          if (e.tests > 0 && e.targets.length > 0)
            note(`dagsmith test: ${e.tests} test${e.tests === 1 ? '' : 's'} on Airflow ${e.targets.join(', ')}`);
          return;
        case 'checked':
          if (text && e.diagnostics.length > 0) io.err(formatDiagnosticsText(e.diagnostics));
          return;
        case 'venv': {
          const p = e.progress;
          if (p.phase === 'creating') note(`installing the ${p.env} environment (first use; a few minutes)`);
          else if (p.phase === 'done') note(`installed the ${p.env} environment in ${p.seconds.toFixed(0)} s`);
          else if (p.line && Date.now() - lastInstallNote > 5_000) {
            lastInstallNote = Date.now();
            note(`  ${p.env} (${p.seconds.toFixed(0)} s): ${inertText(p.line.slice(0, 120))}`);
          }
          return;
        }
        case 'runner-ready':
          note(`Airflow ${e.airflowVersion} ready in ${e.seconds.toFixed(1)} s${e.restart ? ' (restarted)' : ''}`);
          return;
        case 'runner-warmed':
        case 'moto-ready':
        case 'test-start':
          return;
        case 'test-done':
          if (text) {
            printed.add(e.outcome.file);
            io.out(formatTestText(e.outcome));
          }
          return;
      }
    },
  };
}
