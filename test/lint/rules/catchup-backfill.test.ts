import { catchupBackfill } from '../../../src/lint/rules/catchup-backfill';
import { ruleTester } from '../rule-tester';

// The tester pins "now" at 2026-11-30T12:00Z.
const p = (schedule: string, start: string, catchup = true) => `version: 1
id: p
schedule: ${schedule}
startDate: ${start}
catchup: ${catchup}
steps:
  - id: a
    kind: glue.job
    job: a
`;

ruleTester(catchupBackfill, {
  valid: [
    { name: 'daily from a week ago', yaml: p('"@daily"', '2026-11-23') },
    { name: 'far back without catchup', yaml: p('"*/5 * * * *"', '2020-01-01', false) },
    { name: 'many runs allowed by option', yaml: p('"@daily"', '2026-01-01'), options: { maxRuns: 400 } },
  ],
  invalid: [
    { name: 'daily since January', yaml: p('"@daily"', '2026-01-01'), errors: [{ line: 4, col: 12, message: 'creates 333 runs' }] },
    {
      name: 'hourly since 2025 (estimated past 2,000 runs)',
      yaml: p('"0 * * * *"', '2025-01-01'),
      errors: [{ line: 4, col: 12, message: 'creates about 16,763 runs' }],
    },
    {
      name: 'every minute since 2020',
      yaml: p('"* * * * *"', '2020-01-01'),
      errors: [{ line: 4, col: 12, message: 'creates about 3,636,719 runs' }],
    },
    {
      name: 'weekly, in a timezone',
      yaml: p('"@weekly"', '2024-01-01').replace('catchup', 'timezone: Europe/Berlin\ncatchup'),
      errors: [{ line: 4, col: 12, message: 'creates 151 runs' }],
    },
  ],
});
