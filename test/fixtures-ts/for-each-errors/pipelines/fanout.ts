import { definePipeline, lambda, s3 } from 'dagsmith';

const listed = s3.list({ id: 'listed', bucket: '${rawBucket}', prefix: 'landing/{{ ds }}/' });
const invoked = lambda.invoke({ id: 'invoked', function: 'list-files' });

export default definePipeline({
  id: 'fanout_errors',
  params: { files: { default: ['a.csv'], type: 'array' } },
  steps: [
    listed,
    invoked,
    // A step reference in items, but not in dependsOn.
    s3.copy({ id: 'not_upstream', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { items: listed, field: 'sourceKey' } }),
    s3.copy({ id: 'typo', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { items: 'listd', field: 'sourceKey' } }),
    s3.copy({ id: 'lambda_items', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { items: invoked, field: 'sourceKey' }, dependsOn: [invoked] }),
    s3.copy({ id: 'by_param', from: 's3://${rawBucket}/', to: 's3://archive/', forEach: { param: 'files', field: 'sourceKey' } }),
  ],
});
