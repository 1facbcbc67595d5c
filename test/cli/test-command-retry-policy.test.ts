/**
 * `dagsmith test` runs a retry policy end to end on Airflow 3.3.1: a project whose pipeline copies an S3 object that
 * is missing (moto answers NoSuchKey, a ClientError) from three steps with `retries: 2`, and a test file that keeps the
 * retries. The step whose policy fails on ClientError is tried once; the step without a policy three times; a step
 * whose rule retries after 10 minutes three times too, the wait shortened for the test (the report's adjustments).
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestResult } from '../../src/use-cases/test';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

const BUCKET = 'policy-landing';
const copy = (id: string, policy: string) => `  - id: ${id}
    kind: s3.copy
    from: "s3://${BUCKET}/drops/{{ ds }}/orders.csv"
    to: "s3://${BUCKET}/raw/${id}/{{ ds }}.csv"
${policy}`;

const PIPELINE = `version: 1
id: partner_orders
defaults:
  retries: 2
  retryDelay: 1s
steps:
${copy(
  'fail_fast',
  `    retryPolicy:
      rules:
        - exception: ClientError
          action: fail
          reason: "the drop is missing: no retry brings it"
`,
)}${copy('no_policy', '')}${copy(
  'rule_delay',
  `    retryPolicy:
      rules:
        - exception: ClientError
          action: retry
          retryDelay: 10m
`,
)}`;

const TEST_FILE = `pipeline: partner_orders
date: 2026-03-02
retries: keep
given:
  s3:
    - { bucket: ${BUCKET}, key: drops/README, body: "drops land here" }
expect:
  tasks: { fail_fast: failed, no_policy: failed, rule_delay: failed }
  s3:
    absent: ["s3://${BUCKET}/raw/"]
`;

describe('dagsmith test: a retry policy decides the tries on Airflow 3.3.1 @airflow', function () {
  this.timeout(600_000);
  let dir = '';
  let result: TestResult;
  let code = -1;
  let err = '';

  before(async () => {
    dir = makeTemp('test-retry-policy');
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'airflow: "3.3.1"\n');
    writeFileSync(join(dir, 'pipelines', 'partner_orders.yaml'), PIPELINE);
    writeFileSync(join(dir, 'tests', 'partner_orders.test.yaml'), TEST_FILE);
    const r = await runCli(['test', '--json'], dir);
    code = r.code;
    err = r.err;
    result = JSON.parse(r.out) as TestResult;
  });
  after(() => removeTemp(dir));

  it('passes: every step fails as expected, nothing is copied', () => {
    const t = result.tests[0]!;
    expect({ status: t.status, failures: t.failures, problems: t.problems }, `${err}\n${t.log ?? ''}`).to.deep.equal({
      status: 'passed',
      failures: [],
      problems: [],
    });
    expect(code).to.equal(0);
    expect(t.airflowVersion).to.equal('3.3.1');
  });

  it('the fail rule ends its task after one try; without a policy, and with a retry rule, the task takes retries + 1 tries', () => {
    const tries = Object.fromEntries(result.tests[0]!.tasks.map((t) => [t.taskId, [t.state, t.tries]]));
    expect(tries).to.deep.equal({ fail_fast: ['failed', 1], no_policy: ['failed', 3], rule_delay: ['failed', 3] });
  });

  it("the rule's 10-minute wait is shortened for the test, and the report says so", () => {
    expect(result.tests[0]!.adjustments.filter((a) => a.setting.startsWith('retry_policy'))).to.deep.equal([
      {
        taskId: 'rule_delay',
        setting: 'retry_policy.rules[0].retry_delay',
        from: 600,
        to: 1,
        why: 'test limit: retries stay, the wait between them is short',
      },
    ]);
  });
});
