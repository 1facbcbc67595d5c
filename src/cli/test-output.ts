/**
 * What `dagsmith test` prints, in its three formats: text (per test: one line per task with its state and duration,
 * what changed in the emulated AWS, then the verdict with the failures explained), JSON, and JUnit XML (the
 * Jenkins/dtkit junit-4 schema that GitHub test reporters read; schemas/vendor/junit/). Everything a run produced
 * (rendered values, keys, arguments, logs) is untrusted text: it reaches an output only through that format's one
 * escaping function (`inertText` and `inertJson` of src/diagnostics/inert.ts, `xmlSafe` below).
 */
import { formatDiagnostic } from '../diagnostics/format';
import type { Diagnostic } from '../diagnostics/types';
import type { ChangeReport } from '../test-runner/changes';
import type { OutcomeUse } from '../test-runner/protocol';
import type { Failure } from '../test-runner/verdict';
import type { TestOutcome, TestResult } from '../use-cases/test';
import { inertJson, inertText } from '../diagnostics/inert';

// ---------------------------------------------------------------------------------------------------------------
// The escaping functions, one per format.

/** Characters XML 1.0 cannot hold: C0 controls but tab and newline, U+FFFE, U+FFFF, lone surrogates. */
// eslint-disable-next-line no-control-regex -- the characters to escape
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * XML (attribute values and text): the five markup characters as entities; characters XML 1.0 cannot hold (C0
 * controls but tab and newline, lone surrogates, U+FFFE/U+FFFF) as visible `\uXXXX`; `##[`, a `::` that would start
 * a line, DEL, the C1 controls and the Unicode line separators as character references, which readers turn back
 * into the text and neither a terminal nor a CI log acts on.
 */
export function xmlSafe(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/##\[/g, '#&#35;[')
    .replace(/(^|\n)([ \t]*)::/g, '$1$2&#58;:')
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

// ---------------------------------------------------------------------------------------------------------------
// Text

const seconds = (s: number | null | undefined): string => (s === null || s === undefined ? '' : `${s.toFixed(1)} s`);

/** Why the emulator does not run a kind whose outcome dagsmith answers (said next to each use). */
const NOT_EMULATED: Readonly<Record<string, string>> = {
  'glue.job': 'Glue job scripts do not run here',
  'lambda.invoke': 'Lambda code does not run here',
  'redshift.statement': 'SQL does not run against Redshift here',
  'athena.query': 'queries are not evaluated here',
  'emr.step': 'EMR steps do not run here',
  'emr-serverless.job': 'EMR Serverless jobs do not run here',
  'databrew.job': 'DataBrew jobs do not run here',
  'flink.application': 'Flink applications do not run here',
};

function compact(value: unknown, max = 240): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}...` : text;
}

function changeLines(changes: ChangeReport, outcomes: readonly OutcomeUse[]): string[] {
  const lines: string[] = [];
  const s3 = changes.s3;
  const by = (task: string | null, outcome?: string) =>
    `(${task ? `task ${task}` : 'outside a task'}${outcome ? `, written by the declared outcome of ${outcome}` : ''})`;
  const s3Lines = [
    ...s3.bucketsCreated.map((b) => `bucket created  ${b}`),
    ...s3.created.map((e) => `created   s3://${e.bucket}/${e.key}${e.size !== undefined ? ` ${e.size} B` : ''}  ${by(e.task, e.outcome)}`),
    ...s3.copied.map((e) => `copied    s3://${e.bucket}/${e.key} from ${e.from ?? '?'}  ${by(e.task)}`),
    ...s3.modified.map((e) => `modified  s3://${e.bucket}/${e.key}  ${by(e.task, e.outcome)}`),
    ...s3.deleted.map((e) => `deleted   s3://${e.bucket}/${e.key}  ${by(e.task)}`),
    ...s3.bucketsDeleted.map((b) => `bucket deleted  ${b}`),
  ];
  lines.push(s3Lines.length ? '  changed in S3' : '  changed in S3: nothing');
  for (const l of s3Lines) lines.push(`    ${inertText(l)}`);
  const uses = new Map(outcomes.map((u) => [u.call, u]));
  if (changes.started.length > 0) lines.push('  started in AWS');
  const shown = new Set<number>();
  for (const x of changes.started) {
    const use = uses.get(x.call);
    if (use) shown.add(x.call);
    const answer =
      x.answeredBy === 'emulator'
        ? 'emulator'
        : `${x.answeredBy}: ${x.result ?? '?'}${use && NOT_EMULATED[use.kind] ? `; ${NOT_EMULATED[use.kind]}` : ''}`;
    const who = x.task ? `task ${x.task}${x.phase !== 'task' ? ` ${x.phase}` : ''}` : 'outside a task';
    const args = Object.keys(x.args).length ? `  ${compact(x.args)}` : '';
    const err = x.error ? `  error ${x.error}` : '';
    lines.push(`    ${inertText(`${x.what} ${x.name}  (${who}; ${answer})${args}${err}`)}`);
  }
  const others = outcomes.filter((u) => !shown.has(u.call));
  if (others.length > 0) lines.push('  answered by dagsmith');
  for (const u of others) {
    const why = NOT_EMULATED[u.kind] ? `; ${NOT_EMULATED[u.kind]}` : '';
    lines.push(
      `    ${inertText(`${u.kind} ${compact(u.resource, 120)}  (${u.task ? `task ${u.task}` : 'outside a task'}; ${u.declared ? 'declared' : 'default'} outcome: ${u.result}${why})`)}`,
    );
  }
  return lines;
}

/** `file:line:col` of the expectation that failed, or the file. */
function where(o: TestOutcome, f: Failure): string {
  return f.at ? `${o.file}:${f.at.line}:${f.at.col}` : o.file;
}

function failureLines(o: TestOutcome, f: Failure): string[] {
  const lines = [`    ${inertText(`${where(o, f)}: ${f.message}`)}`];
  for (const d of f.details) {
    // A multi-line value (SQL) is shown as its lines, each quoted.
    if (d.text.includes('\n')) lines.push(`      ${inertText(d.label)}:`, ...quoted(d.text, 40, '        '));
    else lines.push(`      ${inertText(`${d.label}: ${d.text}`)}`);
  }
  return lines;
}

/** A block of untrusted lines (a log), each quoted with `| `. */
function quoted(text: string, limit: number, indent = '    '): string[] {
  const all = text.trimEnd().split('\n');
  const tail = all.slice(-limit);
  return [...(all.length > limit ? [`${indent}| ... (${all.length - limit} lines before)`] : []), ...tail.map((l) => `${indent}| ${inertText(l)}`)];
}

export interface TextOptions {
  /** Lines of the run's log to print for a test whose tasks failed unexpectedly or that could not run (default 20). */
  readonly logLines?: number;
}

/** One test's report: its tasks, what changed, the verdict and why. */
export function formatTestText(o: TestOutcome, opts: TextOptions = {}): string {
  const lines: string[] = [];
  lines.push(inertText(`${o.name}: pipeline ${o.pipeline}, ${o.date}${o.env ? `, env ${o.env}` : ''}, Airflow ${o.target}`));
  if (!o.ran) {
    // The problems themselves are printed once, before the runs (stderr); here only where they are.
    const where = o.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} at ${p.file}:${p.line}:${p.col}`);
    lines.push(`  NOT RUN ${inertText(o.name)}: ${where.length ? inertText(where.join(', ')) : 'checked only'}`);
    return lines.join('\n');
  }
  const width = Math.max(12, ...o.tasks.map((t) => t.taskId.length));
  for (const t of o.tasks) {
    const tries = t.tries > 1 ? `  (try ${t.tries})` : '';
    lines.push(`    ${inertText(t.taskId.padEnd(width))}  ${t.state.padEnd(16)}${seconds(t.duration).padStart(8)}${tries}`);
  }
  if (o.changes) lines.push(...changeLines(o.changes, o.outcomes));
  for (const w of o.snapshotsWritten) lines.push(`  snapshot written: ${inertText(w)}`);
  const verdict = o.status === 'passed' ? 'PASS' : o.status === 'failed' ? 'FAIL' : 'ERROR';
  lines.push(`  ${verdict} ${inertText(o.name)} (${seconds(o.seconds)})`);
  for (const p of o.problems) lines.push(`    ${inertText(formatDiagnostic(p))}`);
  for (const f of o.failures) lines.push(...failureLines(o, f));
  // The log helps when a task failed unexpectedly or the run could not finish; not for a wrong SQL text.
  const unexpected = o.status === 'error' || o.problems.length > 0 || o.failures.some((f) => f.kind === 'task');
  if (unexpected && o.log) {
    const n = opts.logLines ?? 20;
    lines.push(`  log of the run (last ${n} lines)`);
    lines.push(...quoted(o.log, n));
  }
  return lines.join('\n');
}

export function formatSummaryText(r: TestResult): string {
  const passed = r.tests.filter((t) => t.ran && t.status === 'passed').length;
  const failed = r.tests.filter((t) => t.ran && t.status === 'failed').length;
  const errors = r.tests.filter((t) => t.ran && t.status === 'error').length;
  const notRun = r.tests.filter((t) => !t.ran).length;
  const parts = [
    `${passed} passed`,
    ...(failed ? [`${failed} failed`] : []),
    ...(errors ? [`${errors} could not run`] : []),
    ...(notRun ? [`${notRun} not run`] : []),
  ];
  const on = r.targets.length ? ` on Airflow ${r.targets.join(', ')}` : '';
  return `${r.tests.length} test${r.tests.length === 1 ? '' : 's'}${on}: ${parts.join(', ')} (${seconds(r.seconds)})`;
}

export function formatDiagnosticsText(diags: readonly Diagnostic[]): string {
  return diags.map((d) => inertText(formatDiagnostic(d))).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

/** The whole result as JSON (the outcomes' logs included), escaped by `inertJson`. */
export function formatJson(r: TestResult): string {
  return inertJson({
    status: r.status,
    seconds: r.seconds,
    targets: r.targets,
    files: r.files,
    diagnostics: r.diagnostics,
    tests: r.tests,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// JUnit XML

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlSafe(String(v))}"`)
    .join('');
}

/** The plain-text report of a test (its text block without escaping for a terminal: XML escapes it). */
function failureText(o: TestOutcome, f: Failure): string {
  return [`${where(o, f)}: ${f.message}`, ...f.details.map((d) => `  ${d.label}: ${d.text}`)].join('\n');
}

/**
 * JUnit XML after the junit-4 schema of Jenkins' dtkit (schemas/vendor/junit/junit-4.xsd): one `testsuite` per
 * Airflow target, one `testcase` per test file (classname `tests.<name>`), `failure` for each expectation that did
 * not hold, `error` for a test that could not run (its diagnostics), the report in `system-out`.
 */
export function formatJunit(r: TestResult): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = r.tests.filter((t) => t.status === 'failed').length;
  const errors = r.tests.filter((t) => t.status === 'error').length;
  out.push(`<testsuites${attrs({ name: 'dagsmith test', tests: r.tests.length, failures, errors, time: r.seconds.toFixed(3) })}>`);
  const byTarget = new Map<string, TestOutcome[]>();
  for (const t of r.tests) byTarget.set(t.target, [...(byTarget.get(t.target) ?? []), t]);
  // Problems of no test file (a pipeline that does not compile, a test folder that cannot be read) are a suite error.
  const claimed = new Set(r.tests.flatMap((t) => t.problems.map((p) => p.file)));
  for (const t of r.tests) claimed.add(t.file);
  let unclaimed = r.diagnostics.filter((d) => d.severity === 'error' && !claimed.has(d.file));
  if (byTarget.size === 0 && unclaimed.length > 0) byTarget.set('', []);
  for (const [target, tests] of byTarget) {
    const time = tests.reduce((a, t) => a + t.seconds, 0);
    // The project's own errors go to the first suite, as a test case of their own.
    const project = unclaimed;
    unclaimed = [];
    const suiteErrors = tests.filter((t) => t.status === 'error').length + (project.length > 0 ? 1 : 0);
    out.push(
      `  <testsuite${attrs({
        name: target ? `dagsmith test on Airflow ${target}` : 'dagsmith test',
        tests: tests.length + (project.length > 0 ? 1 : 0),
        failures: tests.filter((t) => t.status === 'failed').length,
        errors: suiteErrors,
        skipped: 0,
        time: time.toFixed(3),
      })}>`,
    );
    if (project.length > 0) {
      out.push(`    <testcase${attrs({ name: 'project', classname: 'dagsmith', time: '0' })}>`);
      out.push(
        `      <error${attrs({ message: `${project.length} error${project.length === 1 ? '' : 's'} in the project`, type: project[0]!.code })}>${xmlSafe(project.map(formatDiagnostic).join('\n'))}</error>`,
      );
      out.push('    </testcase>');
    }
    for (const t of tests) {
      out.push(`    <testcase${attrs({ name: t.name, classname: `tests.${t.name.replace(/\//g, '.')}`, time: t.seconds.toFixed(3) })}>`);
      if (t.status === 'error') {
        const first = t.problems[0];
        const message = first ? `${first.code}: ${first.message}` : 'the test could not run';
        const body = [...t.problems.map(formatDiagnostic), ...(t.log && !first ? [t.log] : [])].join('\n');
        out.push(`      <error${attrs({ message: message.slice(0, 1000), type: first?.code ?? 'runner' })}>${xmlSafe(body)}</error>`);
      }
      if (t.status === 'failed') {
        for (const p of t.problems)
          out.push(
            `      <failure${attrs({ message: `${p.code}: ${p.message}`.slice(0, 1000), type: p.code })}>${xmlSafe(formatDiagnostic(p))}</failure>`,
          );
        for (const f of t.failures)
          out.push(`      <failure${attrs({ message: f.message.slice(0, 1000), type: f.kind })}>${xmlSafe(failureText(t, f))}</failure>`);
      }
      if (t.ran) out.push(`      <system-out>${xmlSafe(plainReport(t))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n');
}

/** A test's tasks and changes as plain text (for JUnit's system-out, which xmlSafe escapes). */
function plainReport(o: TestOutcome): string {
  const lines = o.tasks.map((t) => `${t.taskId} ${t.state} ${seconds(t.duration)}`.trimEnd());
  if (o.changes) {
    for (const e of o.changes.s3.created) lines.push(`created s3://${e.bucket}/${e.key}`);
    for (const e of o.changes.s3.copied) lines.push(`copied s3://${e.bucket}/${e.key} from ${e.from ?? '?'}`);
    for (const e of o.changes.s3.deleted) lines.push(`deleted s3://${e.bucket}/${e.key}`);
    for (const x of o.changes.started) lines.push(`${x.what} ${x.name} (${x.task ?? '-'}; ${x.answeredBy}${x.result ? `: ${x.result}` : ''})`);
  }
  return lines.join('\n');
}
