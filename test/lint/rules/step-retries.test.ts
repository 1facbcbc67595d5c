import { stepRetries } from '../../../src/lint/rules/step-retries';
import { ruleTester } from '../rule-tester';

const steps = `steps:
  - id: a
    kind: glue.job
    job: a
  - id: b
    kind: glue.job
    job: b
`;

ruleTester(stepRetries, {
  valid: [
    { name: 'retries in defaults', yaml: `version: 1\nid: p\ndefaults:\n  retries: 2\n${steps}` },
    { name: 'a sensor needs none', yaml: 'version: 1\nid: p\nsteps:\n  - id: w\n    kind: s3.wait\n    bucket: acme-raw\n    key: k\n' },
  ],
  invalid: [
    {
      name: 'no retries anywhere',
      yaml: `version: 1\nid: p\n${steps}`,
      errors: [{ line: 2, col: 1, message: "steps 'a' and 'b' run without retries" }],
    },
    {
      name: 'defaults say 0, one step overrides to 0',
      yaml: `version: 1\nid: p\ndefaults:\n  retries: 0\n${steps}`.replace('    job: b\n', '    job: b\n    retries: 0\n'),
      errors: [
        { line: 4, col: 12, message: "step 'a' runs without retries" },
        { line: 12, col: 14, message: "step 'b' runs" },
      ],
    },
    { name: 'defaults without retries', yaml: `version: 1\nid: p\ndefaults:\n  retryDelay: 5m\n${steps}`, errors: [{ line: 3, col: 1 }] },
  ],
});
