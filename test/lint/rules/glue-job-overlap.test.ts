import { glueJobOverlap } from '../../../src/lint/rules/glue-job-overlap';
import { ruleTester } from '../rule-tester';

const p = (id: string, schedule: string, extra = '') => `version: 1
id: ${id}
schedule: "${schedule}"
startDate: 2026-01-01
${extra}steps:
  - id: clean
    kind: glue.job
    job: clean-events
`;

ruleTester(glueJobOverlap, {
  valid: [
    {
      name: 'staggered by more than the run time',
      yaml: p('a', '0 1 * * *', 'dagrunTimeout: 2h\n'),
      others: { b: p('b', '0 4 * * *', 'dagrunTimeout: 2h\n') },
    },
    { name: 'different jobs', yaml: p('a', '0 1 * * *'), others: { b: p('b', '0 1 * * *').replace('clean-events', 'other-job') } },
    { name: 'one manual', yaml: p('a', '0 1 * * *'), others: { b: p('b', '0 1 * * *').replace('schedule: "0 1 * * *"\n', '') } },
  ],
  invalid: [
    {
      name: 'same hour',
      yaml: p('a', '0 1 * * *'),
      others: { b: p('b', '30 1 * * *') },
      errors: [
        {
          line: 8,
          col: 10,
          message: "Glue job 'clean-events' is also started by 'b' (pipelines/b.yaml), whose runs overlap this one's (e.g. around 01:30 UTC)",
        },
      ],
    },
    {
      name: 'hourly and daily in another timezone',
      yaml: p('a', '@hourly'),
      others: { b: p('b', '0 6 * * *', 'timezone: America/New_York\n') },
      errors: [{ line: 8, col: 10, message: "'b'" }],
    },
  ],
});
