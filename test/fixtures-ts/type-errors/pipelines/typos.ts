import { definePipeline, glue, redshift, s3 } from 'dagsmith';

// Evaluation would throw here: a file with type errors is never run.
const never: string[] = [];
if (never.length === 0) throw new Error('type errors must stop dagsmith before it runs the file');

const wait = s3.wait({ id: 'wait', bucket: '${rawBucket}', key: 'in/_SUCCESS', mode: 'poll' });

export default definePipeline({
  id: 'typos',
  schedule: '@daily',
  startDate: '2026-01-01',
  defaults: { retries: 2, retryDelay: '5 minutes' },
  steps: [
    wait,
    glue.job({ id: 'clean', job: 'clean', workerTyp: 'G.1X', dependsOn: [wait] }),
    glue.job({ id: 'load', workerType: 'G.1X', numberOfWorkers: 2 }),
    glue.crawler({ id: 'crawl', crawler: 'c', dependsOn: [42] }),
    glue.jobs({ id: 'oops' }),
    s3.copy({ from: 's3://a/b', to: 's3://c/d' }),
    redshift.copy({
      id: 'copy',
      from: 's3://lake/orders/',
      schema: 'sales',
      table: 'orders',
      iamRole: 'redshift-copy',
      workgroup: 'wg',
      database: 'dw',
    }),
  ],
});
