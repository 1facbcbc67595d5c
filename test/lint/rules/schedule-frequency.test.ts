import { scheduleFrequency } from '../../../src/lint/rules/schedule-frequency';
import { ruleTester } from '../rule-tester';

const p = (schedule: string) => `version: 1
id: p
schedule: ${schedule}
startDate: 2026-01-01
steps:
  - id: a
    kind: glue.job
    job: a
`;

ruleTester(scheduleFrequency, {
  valid: [
    { name: 'every 5 minutes', yaml: p('"*/5 * * * *"') },
    { name: 'hourly preset', yaml: p('"@hourly"') },
    { name: 'manual', yaml: p('null') },
    { name: 'every minute allowed by option', yaml: p('"* * * * *"'), options: { minInterval: '1m' } },
  ],
  invalid: [
    { name: 'every minute', yaml: p('"* * * * *"'), errors: [{ line: 3, col: 11, message: 'as often as every 1m' }] },
    { name: 'a burst inside an hour', yaml: p('"0-4 3 * * *"'), errors: [{ line: 3, col: 11, message: 'every 1m' }] },
    { name: 'interval of 90 seconds', yaml: p('{ every: 90s }'), errors: [{ line: 3, col: 11, message: 'every 90s' }] },
  ],
});
