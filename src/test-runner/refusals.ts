import type { CodeInfo } from '../diagnostics/code-info';
import type { RefusalCode } from './protocol';

/**
 * What each code of a runner refusal means (DS7xx, the `dagsmith test` range). The entries have the catalog's shape
 * (src/diagnostics/codes/<phase>.ts); they move into the catalog with the `dagsmith test` command, whose golden
 * cases the catalog test requires. DS708 (given cannot be applied) and DS709 (run timed out) are results of a run,
 * not refusals, and are listed for the same move.
 */
export const RUNNER_CODES: Readonly<Record<RefusalCode | 'DS708' | 'DS709', CodeInfo>> = {
  DS700: {
    severity: 'error',
    title: 'a task of this class does not run in a test',
    why: 'A test runs the operators of pipelines from pull requests on your machine; by default only the operators of dagsmith\u2019s step kinds and EmptyOperator run, so a BashOperator or PythonOperator in a fork cannot run commands.',
    fix: 'If the class is safe to run here, allow it: `--allow-operator <module.Class>` or `test.allowOperators` in dagsmith.config.yaml.',
  },
  DS701: {
    severity: 'error',
    title: 'the DAG file imports a module a test does not load, or has code a generated DAG never has',
    why: 'Importing a module, or the DAG file itself, runs code; the runner checks the file\u2019s imports and constructs before importing it, so only what dagsmith generates runs (imports, assignments, calls of imported classes with literal arguments, dependencies).',
    fix: 'Test DAG files dagsmith compiled; allow the operator class an import is for, or remove the step that needs it.',
  },
  DS702: {
    severity: 'error',
    title: 'the emulated AWS endpoint is not on this machine',
    why: 'A test never talks to anything but a local moto server: no request may reach real AWS.',
    fix: 'Let dagsmith start moto (it listens on 127.0.0.1); do not point the runner elsewhere.',
  },
  DS703: {
    severity: 'error',
    title: 'the run\u2019s AWS settings are not the runner\u2019s own',
    why: 'The runner removes every AWS_* variable and sets dummy credentials; anything else could reach a real account.',
    fix: 'This is a bug of the runner or its start: report it.',
  },
  DS704: {
    severity: 'error',
    title: 'templates would render outside Airflow\u2019s sandbox',
    why: 'MWAA renders templates in Airflow\u2019s sandboxed Jinja environment unless a DAG asks for native rendering; a test renders them the same way.',
    fix: 'Do not set render_template_as_native_obj on the DAG.',
  },
  DS705: {
    severity: 'error',
    title: 'a callback of this class does not run in a test',
    why: 'Callbacks are code; only the notifier classes dagsmith writes (and those allowed) run.',
    fix: 'Allow the callback\u2019s class, if it is safe to run here.',
  },
  DS706: {
    severity: 'error',
    title: 'the DAG file does not import in Airflow',
    why: 'A DAG that does not import cannot run; Airflow\u2019s own error says why.',
    fix: 'Compile again (dagsmith output imports on its target); for a hand-edited file, fix the error shown.',
  },
  DS707: {
    severity: 'error',
    title: 'the DAG file defines no DAG of that id',
    why: 'The test names a pipeline whose DAG is not in the compiled file.',
    fix: 'Check the test\u2019s `pipeline:` against the pipeline ids.',
  },
  DS708: {
    severity: 'error',
    title: 'what the test gives cannot be put into the emulated account',
    why: 'The objects and resources a test gives exist before the run; one that moto refuses leaves the account different from what the test describes.',
    fix: 'Fix the entry of `given` the message names.',
  },
  DS709: {
    severity: 'error',
    title: 'the run took longer than its time limit',
    why: 'A run that does not finish (an operator that polls without end) would hang the suite.',
    fix: 'Look at the task that was running in the log; declare the outcome it waits for, or raise the limit.',
  },
  DS710: {
    severity: 'error',
    title: 'no scheduled run of the pipeline starts on that date',
    why: 'A test runs the scheduled run of a date, with the data interval the scheduler gives it; on a date the schedule skips there is none.',
    fix: 'Use a date on which the schedule runs (the message names the next one).',
  },
};
