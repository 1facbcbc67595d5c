import { glueWorkerType } from '../../../src/lint/rules/glue-worker-type';
import { ruleTester } from '../rule-tester';

const glue = (extra: string) => `version: 1
id: p
steps:
  - id: clean
    kind: glue.job
    job: clean
${extra}`;

ruleTester(glueWorkerType, {
  valid: [
    { name: 'G.1X on Glue 5.0', yaml: glue('    workerType: G.1X\n    numberOfWorkers: 10\n    glueVersion: "5.0"\n') },
    { name: 'Glue 3.0 when the project accepts it', yaml: glue('    glueVersion: "3.0"\n'), options: { minGlueVersion: '3.0' } },
  ],
  invalid: [
    {
      name: 'G.025X for a batch job',
      yaml: glue('    workerType: G.025X\n    numberOfWorkers: 2\n'),
      errors: [{ line: 7, col: 17, message: 'low-volume streaming' }],
    },
    {
      name: 'Glue 2.0 at end of life',
      yaml: glue('    glueVersion: "2.0"\n'),
      errors: [{ line: 7, col: 18, message: 'Glue 2.0 has reached end of life' }],
    },
    { name: 'Glue 3.0 below the minimum', yaml: glue('    glueVersion: "3.0"\n'), errors: [{ line: 7, col: 18, message: 'older than 4.0' }] },
  ],
});
