import { maxActiveRuns } from '../../../src/lint/rules/max-active-runs';
import { ruleTester } from '../rule-tester';

const p = (extra: string) => `version: 1
id: nightly
schedule: "@daily"
startDate: 2026-01-01
${extra}steps:
  - id: a
    kind: glue.job
    job: a
`;

ruleTester(maxActiveRuns, {
  valid: [{ name: 'one at a time', yaml: p('maxActiveRuns: 1\n') }],
  invalid: [{ name: 'unbounded', yaml: p(''), errors: [{ line: 3, col: 11, message: "runs of 'nightly' may overlap" }] }],
});
