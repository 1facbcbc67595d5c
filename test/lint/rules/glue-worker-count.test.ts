import { glueWorkerCount } from '../../../src/lint/rules/glue-worker-count';
import { ruleTester } from '../rule-tester';

const glue = (type: string, n: number) => `version: 1
id: p
steps:
  - id: clean
    kind: glue.job
    job: clean
    workerType: ${type}
    numberOfWorkers: ${n}
`;

ruleTester(glueWorkerCount, {
  valid: [
    { name: 'ten workers', yaml: glue('G.1X', 10) },
    { name: 'many workers allowed by option', yaml: glue('G.2X', 200), options: { maxWorkers: 200 } },
  ],
  invalid: [
    {
      name: '500 G.2X workers',
      yaml: glue('G.2X', 500),
      errors: [{ line: 8, col: 22, message: '500 G.2X workers (1000 DPUs) is more than the 50' }],
    },
    {
      name: 'G.025X workers are a quarter DPU each',
      yaml: glue('G.025X', 400),
      errors: [{ line: 8, col: 22, message: '400 G.025X workers (100 DPUs) is more than the 50' }],
    },
    { name: 'over a lower limit', yaml: glue('G.1X', 20), options: { maxWorkers: 10 }, errors: [{ line: 8, col: 22, message: 'more than the 10' }] },
  ],
});
