import { athena, definePipeline, glue, s3 } from 'dagsmith';

const wait = s3.wait({ id: 'wait_raw', bucket: '${rawBuckt}', key: 'events/{{ ds }}/_SUCCESS' });

// Two regions, but the id does not include the region: both steps get the same id.
const cleans = ['eu', 'us'].map((region) =>
  glue.job({ id: 'clean', job: `clean-${region}`, arguments: { '--region': region }, dependsOn: [wait] }),
);

const first = glue.job({ id: 'first', job: 'first', dependsOn: ['second'] });
const second = glue.job({ id: 'second', job: 'second', dependsOn: [first] });

export default definePipeline({
  id: 'features',
  schedule: '0 25 * * *',
  startDate: '2026-01-01',
  timezone: 'Europe/Berln',
  steps: [
    wait,
    ...cleans,
    first,
    second,
    athena.query({
      id: 'build',
      database: 'features',
      query: 'SELECT 1',
      outputLocation: 's3://${rawBucket}/athena/',
      dependsOn: [...cleans, 'bild', 'build'],
    }),
  ],
});
