import { definePipeline, glue, s3 } from 'dagsmith';

const listed = s3.list({ id: 'listed', bucket: 'raw', prefix: 'landing/' });
const crawl = glue.job({ id: 'crawl', job: 'crawl-landing' });

// forEach is typed per kind: s3.copy maps sourceKey or destKey; glue.job cannot fan out, and its output gives no list.
export default definePipeline({
  id: 'fan_out_typos',
  steps: [
    listed,
    s3.copy({ id: 'copy_each', from: 's3://raw/', to: 's3://archive/', forEach: { items: listed, field: 'sourcekey' }, dependsOn: [listed] }),
    crawl,
    s3.copy({ id: 'copy_crawled', from: 's3://raw/', to: 's3://archive/', forEach: { items: crawl, field: 'sourceKey' }, dependsOn: [crawl] }),
    glue.job({ id: 'glue_each', job: 'per-file', forEach: { items: listed, field: 'arguments' }, dependsOn: [listed] }),
  ],
});
