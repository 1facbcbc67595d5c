import { executionTimeout } from '../../../src/lint/rules/execution-timeout';
import { ruleTester } from '../rule-tester';

const steps = `steps:
  - id: a
    kind: glue.job
    job: a
`;

ruleTester(executionTimeout, {
  valid: [{ name: 'timeout in defaults', yaml: `version: 1\nid: p\ndefaults:\n  executionTimeout: 2h\n${steps}` }],
  invalid: [
    { name: 'no timeout', yaml: `version: 1\nid: p\n${steps}`, errors: [{ line: 2, col: 1, message: "step 'a' has no executionTimeout" }] },
    { name: 'defaults without it', yaml: `version: 1\nid: p\ndefaults:\n  retries: 2\n${steps}`, errors: [{ line: 3, col: 1 }] },
  ],
});
