import { deferrable } from '../../../src/lint/rules/deferrable';
import { ruleTester } from '../rule-tester';

const steps = `steps:
  - id: a
    kind: glue.job
    job: a
  - id: drop
    kind: s3.delete
    bucket: acme-tmp
    keys: [x]
`;

ruleTester(deferrable, {
  valid: [{ name: 'deferrable in defaults', yaml: `version: 1\nid: p\ndefaults:\n  deferrable: true\n${steps}` }],
  invalid: [
    {
      name: 'built-in default',
      yaml: `version: 1\nid: p\n${steps}`,
      errors: [{ line: 2, col: 1, message: "step 'a' waits for AWS in a worker slot" }],
    },
    {
      name: 'turned off on one step',
      yaml: `version: 1\nid: p\ndefaults:\n  deferrable: true\n${steps}`.replace('    job: a\n', '    job: a\n    deferrable: false\n'),
      errors: [{ line: 9, col: 17 }],
    },
  ],
});
