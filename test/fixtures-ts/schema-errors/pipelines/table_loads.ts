import { definePipeline, glue, s3 } from 'dagsmith';
import { nightlyJob } from '../lib/jobs';

const TABLES = ['orders', 'customers', 'items'];

// Steps made in a loop: an error in one of them points into the builder call in the loop body.
const loads = TABLES.map((table) =>
  glue.job({
    id: `load_${table}`,
    job: `load-${table}`,
    glueVersion: table === 'items' ? '4' : '4.0',
    workerType: 'G.1X',
    numberOfWorkers: 2,
  }),
);

const base = { workerType: 'G.1X', numberOfWorkers: 0 } as const;

export default definePipeline({
  id: 'table_loads',
  maxActiveRuns: 0,
  params: { run_mode: { default: 'full', minLength: -1 } },
  steps: [
    s3.wait({ id: 'wait', bucket: '${rawBucket}', key: ['a/_SUCCESS', ''] }),
    ...loads,
    glue.job({ id: 'merge', job: 'merge', ...base, dependsOn: loads }),
    // Made by a helper in another file: the error points at the helper call.
    nightlyJob(''),
  ],
});
