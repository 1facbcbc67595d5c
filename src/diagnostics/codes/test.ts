import type { CodeInfo } from '../code-info';

/**
 * DS7xx, test: `dagsmith test` — test files, what a run refuses, and the Python environment it runs in. DS700-DS710
 * are the runner's (python/dagsmith_runner refuses a run with them; DS700 is also found before any run, at the
 * pipeline's step). See src/diagnostics/codes.ts.
 */
export const TEST_CODES = {
  DS700: {
    severity: 'error',
    title: 'a task of this class does not run in a test',
    why: 'A test runs the operators of pipelines from pull requests on your machine; by default only the operators of dagsmith\u2019s step kinds, their sensors and EmptyOperator run, so a BashOperator or PythonOperator in a fork cannot run commands.',
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
    fix: 'Look at the task that was running in the log; declare the outcome it waits for, or raise `limits.runTimeout`.',
  },
  DS710: {
    severity: 'error',
    title: 'no scheduled run of the pipeline starts on that date',
    why: 'A test runs the scheduled run of a date, with the data interval the scheduler gives it; on a date the schedule skips there is none.',
    fix: 'Use a date on which the schedule runs (the message names the next one).',
  },
  DS711: {
    severity: 'error',
    title: 'unknown key in a test file',
    why: 'A misspelt key (`expects:`, `outcome:`) would be ignored and the test would check less than it seems to.',
    fix: 'Use one of the keys the message lists (docs/testing.md describes them all).',
  },
  DS712: {
    severity: 'error',
    title: 'a test file lacks a key it needs',
    why: 'Every test names the pipeline it runs and the logical date of the run; without them there is nothing to run.',
    fix: 'Add the key the message names, e.g. `pipeline: customer_features` and `date: 2026-03-01`.',
  },
  DS713: {
    severity: 'error',
    title: 'a value of a test file has the wrong type or form',
    why: 'Each key of a test file takes one kind of value (a mapping, a list, a string, a number in a range); anything else cannot mean what was intended.',
    fix: 'Write the value in the form the message names (docs/testing.md has an example of each key).',
  },
  DS714: {
    severity: 'error',
    title: 'the test names a pipeline the project does not have',
    why: 'A test runs the DAG compiled from the pipeline of that id.',
    fix: 'Use the `id:` of a pipeline under the pipelines folder (the message suggests the closest one).',
  },
  DS715: {
    severity: 'error',
    title: 'the date of a test is not a date',
    why: 'The logical date decides every rendered value ({{ ds }}, data_interval_start); it must be exact.',
    fix: 'Write `YYYY-MM-DD` (the scheduled run that starts that day) or a date-time with an offset, `2026-03-02T07:00:00+00:00`.',
  },
  DS716: {
    severity: 'error',
    title: 'the test names an environment dagsmith.config.yaml does not define',
    why: 'A test\u2019s `env:` chooses whose ${variables} (bucket names, accounts) the pipeline is compiled with.',
    fix: 'Use an environment of dagsmith.config.yaml, or leave `env:` out for the top-level variables.',
  },
  DS717: {
    severity: 'error',
    title: 'a fixture file cannot be used',
    why: 'Fixture files (`file:`) are read from the project only: a path that leads outside it or through a symbolic link, a folder, or a file over the size limit could read the machine\u2019s files into the emulated account and the report.',
    fix: 'Put the fixture under the project (e.g. tests/fixtures/), as a regular file of at most 5 MiB, and give its project-relative path.',
  },
  DS718: {
    severity: 'error',
    title: 'the test names a task the pipeline does not have',
    why: 'An expectation about a task that never runs would never be checked.',
    fix: 'Use a task id of the pipeline (inside a task group: `group.step`); the message suggests the closest one.',
  },
  DS719: {
    severity: 'error',
    title: 'not a task state a test can expect',
    why: 'A task ends in one of Airflow\u2019s final states; another word cannot match.',
    fix: 'Use success, failed, upstream_failed or skipped.',
  },
  DS720: {
    severity: 'error',
    title: 'an S3 location of a test is not an s3:// URI',
    why: '`expect.s3.exists` and `absent` name objects as `s3://bucket/key` (a prefix ends in /).',
    fix: 'Write the full URI, e.g. `s3://acme-features-dev/customer_features/dt=2026-03-01/`.',
  },
  DS721: {
    severity: 'error',
    title: 'an object of a test has more than one body',
    why: 'An S3 object\u2019s content comes from `body` (text), `json` (a value written as JSON) or `file` (a fixture), one of them.',
    fix: 'Keep one of body, json and file.',
  },
  DS722: {
    severity: 'error',
    title: '`expect.sql` names a task that runs no SQL',
    why: 'Only Athena and Redshift tasks render SQL; for another task the expectation could never be checked.',
    fix: 'Name an athena.query, redshift.sql or redshift.copy task, or check the task\u2019s AWS calls with `expect.calls`.',
  },
  DS723: {
    severity: 'error',
    title: 'two test files have the same name',
    why: 'A test is named after its file (tests/x.test.yaml and tests/x.test.ts are both `x`); `dagsmith test x`, the report and the snapshots could not tell them apart.',
    fix: 'Rename one of the files.',
  },
  DS724: {
    severity: 'warning',
    title: 'a declared outcome names something the pipeline does not run',
    why: 'An outcome for a Glue job, Lambda function or application that no step uses is never applied: usually a misspelt name, and the run then gets the default outcome instead.',
    fix: 'Use the name as the step writes it (job, function, application), or remove the outcome.',
  },
  DS725: {
    severity: 'error',
    title: 'the test names a parameter the pipeline does not declare',
    why: '`conf:` sets the run\u2019s params; Airflow ignores a key no param declares, so the test would not run what it says.',
    fix: 'Use a name from the pipeline\u2019s `params:`.',
  },
  DS726: {
    severity: 'error',
    title: 'a snapshot file cannot be read or written',
    why: 'Snapshots live under tests/__snapshots__ in the project; one that is a symbolic link, a folder or unreadable cannot be compared or updated safely.',
    fix: 'Remove the entry the message names and run `dagsmith test --update-snapshots` to write it again.',
  },
  DS727: {
    severity: 'error',
    title: '`expect.alerts` for a pipeline without failure alerts',
    why: 'An alert fires only from the pipeline’s `notifications.onFailure`; a pipeline without one never alerts, so the expectation could not hold.',
    fix: 'Add `notifications: { onFailure: { sns: <topic ARN> } }` to the pipeline, or remove `expect.alerts`.',
  },
  DS740: {
    severity: 'error',
    title: 'no Python 3.11 or 3.12 to run Airflow with',
    why: '`dagsmith test` runs the real Airflow of the target in a virtualenv it creates; MWAA\u2019s pinned Airflow versions install on CPython 3.11 and 3.12.',
    fix: 'Install Python 3.11 or 3.12 (e.g. `apt-get install python3.11 python3.11-venv`), or point DAGSMITH_PYTHON at one.',
  },
  DS741: {
    severity: 'error',
    title: 'the Python cannot create virtualenvs',
    why: 'Airflow is installed into a virtualenv of its own, created with Python\u2019s `venv` module, which some distributions ship separately.',
    fix: 'Install it (Debian and Ubuntu: `apt-get install python3-venv`, or python3.11-venv for that version), or point DAGSMITH_PYTHON at a Python that has it.',
  },
  DS742: {
    severity: 'error',
    title: 'installing the Airflow environment failed',
    why: 'pip could not install the pinned packages (no network to PyPI, a missing compiler for a package without a wheel, disk full); the log names the cause.',
    fix: 'Read the end of the install log the message names; fix the cause and run again (an unfinished environment is rebuilt).',
  },
} as const satisfies Record<string, CodeInfo>;
