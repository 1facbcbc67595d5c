/**
 * What `dagsmith test` prints, in text, JSON and JUnit XML, for results that carry hostile text where a run puts
 * untrusted text (task ids and rendered values from a pipeline, keys from a bucket, logs, error messages): no
 * control character, no line a CI runner would take for a workflow command (`::x::` after leading space, `##[x]`
 * anywhere), and the JUnit XML valid against the vendored schema (schemas/vendor/junit/junit-4.xsd), checked with
 * libxml2 itself (xmllint-wasm), its text read back unchanged.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { formatJson, formatJunit, formatSummaryText, formatTestText, xmlSafe } from '../../src/cli/test-output';
import { inertJson, inertText } from '../../src/diagnostics/inert';
import { makeDiagnostic } from '../../src/diagnostics/diagnostic';
import type { TestOutcome, TestResult } from '../../src/use-cases/test';

const XSD = readFileSync(join(__dirname, '..', '..', 'schemas', 'vendor', 'junit', 'junit-4.xsd'), 'utf8');

const HOSTILE = [
  '::error file=x,line=1::owned',
  '  ::add-mask::secret',
  'a ##[set-output name=x]y',
  'line1\n::warning::two\r\nthree',
  'esc \u001b[31mred\u001b[0m bell \u0007 nul \u0000 del \u007f c1 \u009b',
  'xml <tag attr="v"> & \'q\' ]]> \ud800 lone \ufffe',
  'sep \u2028 \u2029 end',
];

const hostile = HOSTILE.join(' | ');

function outcome(over: Partial<TestOutcome>): TestOutcome {
  return {
    name: 'landing',
    file: 'tests/landing.test.yaml',
    pipeline: 'landing',
    date: '2026-03-01',
    env: undefined,
    target: '2.10.3',
    status: 'passed',
    ran: true,
    seconds: 3.25,
    tasks: [],
    outcomes: [],
    adjustments: [],
    failures: [],
    problems: [],
    snapshotsWritten: [],
    ...over,
  };
}

const failed = outcome({
  name: 'late_batch',
  file: 'tests/late_batch.test.yaml',
  status: 'failed',
  tasks: [
    { taskId: 'wait_raw', state: 'failed', duration: 10.2, tries: 1 },
    { taskId: `odd${HOSTILE[0]}`, state: 'upstream_failed', duration: null, tries: 0 },
  ],
  changes: {
    s3: {
      created: [{ bucket: 'acme-raw-dev', key: HOSTILE[3]!, task: 'wait_raw', size: 3 }],
      copied: [{ bucket: 'acme-raw-dev', key: 'a', task: 'copy', from: `s3://acme-raw-dev/${HOSTILE[2]}` }],
      modified: [],
      deleted: [{ bucket: 'acme-raw-dev', key: HOSTILE[1]!, task: 'clear' }],
      bucketsCreated: [],
      bucketsDeleted: [],
    },
    started: [
      {
        what: 'Glue job run',
        name: HOSTILE[0]!,
        task: 'clean',
        phase: 'task',
        args: { Arguments: { '--x': hostile } },
        call: 3,
        status: 200,
        answeredBy: 'declared outcome',
        result: 'failed',
      },
    ],
  },
  outcomes: [{ kind: 'databrew.job', resource: HOSTILE[4]!, task: 'profile', call: 9, declared: true, result: 'failed', wrote: [] }],
  failures: [
    {
      kind: 'task',
      message: `task wait_raw is failed; tasks the test does not list must succeed ${HOSTILE[0]}`,
      task: 'wait_raw',
      details: [
        { label: 'rendered bucket_key', text: HOSTILE[3]! },
        { label: 'what exists', text: `no key events/2026-3-1/_SUCCESS in acme-raw-dev; keys under events/: ${hostile}` },
      ],
    },
    {
      kind: 'sql',
      message: 'the SQL of task build does not contain "x"',
      task: 'build',
      at: { line: 7, col: 5 },
      details: [{ label: 'rendered SQL', text: `SELECT 1\n${HOSTILE[0]}\n${HOSTILE[1]}` }],
    },
  ],
  log: `${HOSTILE.join('\n')}\n::endgroup::`,
});

const errored = outcome({
  name: 'refused',
  file: 'tests/refused.test.yaml',
  status: 'error',
  problems: [makeDiagnostic('DS706', 'tests/refused.test.yaml', { line: 1, col: 11, endLine: 1, endCol: 20 }, `the DAG does not import: ${hostile}`)],
  log: hostile,
});

const notRun = outcome({
  name: 'bad',
  file: 'tests/bad.test.yaml',
  status: 'error',
  ran: false,
  problems: [
    makeDiagnostic('DS711', 'tests/bad.test.yaml', { line: 3, col: 1, endLine: 3, endCol: 8 }, `unknown key '${HOSTILE[0]}' in a test file`),
  ],
});

const result: TestResult = {
  status: 'invalid',
  tests: [outcome({}), failed, errored, notRun],
  diagnostics: [
    ...notRun.problems,
    makeDiagnostic('DS201', 'pipelines/x.yaml', { line: 2, col: 3, endLine: 2, endCol: 4 }, `step ${HOSTILE[2]} is missing something`),
  ],
  files: ['tests/landing.test.yaml', 'tests/late_batch.test.yaml', 'tests/refused.test.yaml', 'tests/bad.test.yaml'],
  targets: ['2.10.3'],
  seconds: 20.5,
};

/** Every printed line is safe for a terminal and a CI log. */
function expectSafeLines(text: string): void {
  for (const line of text.split('\n')) {
    // eslint-disable-next-line no-control-regex
    expect(line, JSON.stringify(line)).to.not.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(line.trimStart().startsWith('::'), JSON.stringify(line)).to.equal(false);
    expect(line, JSON.stringify(line)).to.not.include('##[');
  }
}

describe('dagsmith test output: text, JSON, JUnit XML, with hostile text from a run', () => {
  it('inertText (the text format): one line, control characters escaped, no workflow command in it', () => {
    for (const s of HOSTILE) {
      const safe = inertText(s);
      expect(safe).to.not.include('\n');
      expectSafeLines(safe);
      expectSafeLines(`    ${safe}`);
    }
    expect(inertText('events/2026-03-01/_SUCCESS')).to.equal('events/2026-03-01/_SUCCESS');
  });

  it('prints one line per task, the changes, the verdict and each failure with its details, every line safe', () => {
    const text = formatTestText(failed);
    expectSafeLines(text);
    const lines = text.split('\n');
    expect(lines[0]).to.equal('late_batch: pipeline landing, 2026-03-01, Airflow 2.10.3');
    expect(lines[1]).to.match(/^ {4}wait_raw +failed +10\.2 s$/);
    expect(text).to.include('  changed in S3\n').and.to.include('  started in AWS\n');
    expect(text).to.include('  FAIL late_batch (3.3 s)');
    expect(text).to.include('    tests/late_batch.test.yaml: task wait_raw is failed; tasks the test does not list must succeed');
    expect(text).to.include('    tests/late_batch.test.yaml:7:5: the SQL of task build does not contain "x"');
    // A detail with a line break in it (a key with a newline) is quoted line by line.
    expect(text).to.include('      what exists:\n        | no key events/2026-3-1/_SUCCESS in acme-raw-dev; keys under events/: ');
    // A multi-line value is quoted line by line; the run's log too (a task failed unexpectedly).
    expect(text).to.include('      rendered SQL:\n        | SELECT 1\n');
    expect(text).to.include('    | \\u003a:endgroup::');
    // The report says which answers are dagsmith's, and why.
    expect(text).to.include('declared outcome: failed');
    expect(text).to.include('declared outcome: failed; DataBrew jobs do not run here');
    expectSafeLines(formatTestText(errored));
    expectSafeLines(formatTestText(notRun));
    expect(formatTestText(notRun)).to.include('  NOT RUN bad: DS711 at tests/bad.test.yaml:3:1');
    expect(formatSummaryText(result)).to.equal('4 tests on Airflow 2.10.3: 1 passed, 1 failed, 1 could not run, 1 not run (20.5 s)');
  });

  it('JSON: the whole result, parsed back unchanged, with no workflow command in any line', () => {
    const json = formatJson(result);
    expectSafeLines(json);
    const parsed = JSON.parse(json) as TestResult;
    expect(parsed.tests[1]!.failures[0]!.details[1]!.text).to.equal(failed.failures[0]!.details[1]!.text);
    expect(parsed.tests[1]!.log).to.equal(failed.log);
    expect(JSON.parse(inertJson({ a: 'x ##[y]' }))).to.deep.equal({ a: 'x ##[y]' });
  });

  it('JUnit XML: valid against the junit-4 schema (libxml2), hostile text escaped and safe in a CI log', async () => {
    const xml = formatJunit(result);
    expectSafeLines(xml);
    const check = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [XSD] });
    expect(check.errors, xml).to.deep.equal([]);
    expect(check.valid).to.equal(true);
    expect(xml).to.include('<testsuite name="dagsmith test on Airflow 2.10.3" tests="5" failures="1" errors="3" skipped="0"');
    expect(xml).to.include('<testcase name="late_batch" classname="tests.late_batch" time="3.250">');
    expect(xml).to.include('<failure message="task wait_raw is failed;');
    expect(xml).to.include('<error message="DS706: the DAG does not import:');
    // The project's own errors (a pipeline file that is no test's) are a test case of their own.
    expect(xml).to.include('<testcase name="project" classname="dagsmith" time="0">');
  });

  it('JUnit XML of no tests, and of passing tests only, is valid too', async () => {
    for (const r of [
      { ...result, status: 'no-tests' as const, tests: [], diagnostics: [], files: [] },
      { ...result, status: 'passed' as const, tests: [outcome({})], diagnostics: [] },
    ]) {
      const check = await validateXML({ xml: [{ fileName: 'report.xml', contents: formatJunit(r) }], schema: [XSD] });
      expect(check.errors).to.deep.equal([]);
    }
  });

  it('xmlSafe: markup and characters XML cannot hold are escaped; the text reads back the same', async () => {
    for (const s of HOSTILE) {
      const doc = `<?xml version="1.0" encoding="UTF-8"?><testsuites><testsuite name="${xmlSafe(s)}" tests="0"><system-out>${xmlSafe(s)}</system-out></testsuite></testsuites>`;
      const check = await validateXML({ xml: [{ fileName: 'x.xml', contents: doc }], schema: [XSD] });
      expect(check.errors, s).to.deep.equal([]);
    }
    expect(xmlSafe('a < b && "c"')).to.equal('a &lt; b &amp;&amp; &quot;c&quot;');
    expect(xmlSafe('x\n::y::z')).to.equal('x\n&#58;:y::z');
    expect(xmlSafe('k ##[group]')).to.equal('k #&#35;[group]');
  });
});
