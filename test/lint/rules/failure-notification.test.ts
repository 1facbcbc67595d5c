import { failureNotification } from '../../../src/lint/rules/failure-notification';
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

ruleTester(failureNotification, {
  valid: [
    { name: 'SNS on failure', yaml: p('notifications:\n  onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:ml-alerts" }\n') },
    {
      name: 'every step alerts on its own failure',
      yaml: `${p('')}    notifications:\n      onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:ml-alerts" }\n`,
    },
  ],
  invalid: [
    {
      name: 'some steps alert on their own failure, others do not',
      yaml: `${p('')}    notifications:\n      onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:ml-alerts" }\n  - id: b\n    kind: glue.job\n    job: b\n    dependsOn: [a]\n`,
      errors: [{ line: 2, col: 1, message: "scheduled pipeline 'nightly' alerts only when 'a' fails: a failure of 'b' alerts nobody" }],
    },
    { name: 'no notification', yaml: p(''), errors: [{ line: 2, col: 1, message: "scheduled pipeline 'nightly' alerts nobody" }] },
    {
      name: 'event-driven pipeline (schedule: null) without a notification',
      yaml: p('').replace('schedule: "@daily"\nstartDate: 2026-01-01\n', 'schedule: null\n'),
      errors: [{ line: 2, col: 1, message: "pipeline 'nightly' alerts nobody when a run fails (runs triggered by events or the API" }],
    },
  ],
});
