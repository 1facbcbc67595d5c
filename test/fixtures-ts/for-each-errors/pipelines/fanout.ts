import { definePipeline, lambda, s3 } from 'dagsmith';

const listed = s3.list({ id: 'listed', bucket: '${rawBucket}', prefix: 'landing/{{ ds }}/' });
const invoked = lambda.invoke({ id: 'invoked', function: 'list-files', invocationType: 'Event' });

export default definePipeline({
  id: 'fanout_errors',
  params: { files: { default: ['a.csv'], type: 'array' }, day: { default: '2026-03-02', type: 'string' } },
  steps: [
    listed,
    invoked,
    // A step reference in items, but not in dependsOn.
    s3.copy({ id: 'not_upstream', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { items: listed, field: 'sourceKey' } }),
    s3.copy({ id: 'typo', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { items: 'listd', field: 'sourceKey' } }),
    s3.copy({ id: 'lambda_items', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { items: invoked, field: 'sourceKey' }, dependsOn: [invoked] }),
    // A Lambda invoked with Event returns no payload (DS230); a param that is not type: array (DS231); a list param is fine.
    s3.copy({ id: 'by_param', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { param: 'files', field: 'sourceKey' } }),
    s3.copy({ id: 'by_day', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { param: 'day', field: 'sourceKey' } }),
  ],
});
