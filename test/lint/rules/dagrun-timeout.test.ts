import { dagrunTimeout } from '../../../src/lint/rules/dagrun-timeout';
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

ruleTester(dagrunTimeout, {
  valid: [
    { name: 'timeout set', yaml: p('dagrunTimeout: 6h\n') },
    { name: 'manual pipeline', yaml: p('').replace('schedule: "@daily"\nstartDate: 2026-01-01\n', '') },
  ],
  invalid: [{ name: 'scheduled without timeout', yaml: p(''), errors: [{ line: 2, col: 1, message: "pipeline 'nightly' has no dagrunTimeout" }] }],
});
