import { deferrable } from '../../../src/lint/rules/deferrable';
import { ruleTester } from '../rule-tester';

/** A crawler (nothing stops a crawl on kill, deferred or not) and a Glue job (only a worker can stop its run). */
const steps = `steps:
  - id: crawl
    kind: glue.crawler
    crawler: raw
  - id: a
    kind: glue.job
    job: a
  - id: drop
    kind: s3.delete
    bucket: acme-tmp
    keys: [x]
`;

const serverless = `version: 1
id: p
steps:
  - id: spark
    kind: emr.serverless
    application: 00fabcdefg123456
    executionRole: arn:aws:iam::123456789012:role/emr-job
    entryPoint: s3://acme-code/job.py
`;

ruleTester(deferrable, {
  valid: [
    { name: 'the crawler defers', yaml: `version: 1\nid: p\n${steps}`.replace('    crawler: raw\n', '    crawler: raw\n    deferrable: true\n') },
    { name: 'everything defers', yaml: `version: 1\nid: p\ndefaults:\n  deferrable: true\n${steps}` },
    {
      name: 'a crawler that does not wait does not defer',
      yaml: `version: 1\nid: p\n${steps}`.replace('    crawler: raw\n', '    crawler: raw\n    waitForCompletion: false\n'),
    },
    {
      name: 'a Glue job stays on a worker, where its run is stopped on kill',
      yaml: `version: 1\nid: p\nsteps:\n  - id: a\n    kind: glue.job\n    job: a\n`,
    },
    { name: 'EMR Serverless before provider 9.22.0: only a worker cancels the run', yaml: serverless, airflow: '3.0.6' },
  ],
  invalid: [
    {
      name: 'built-in default: the crawler',
      yaml: `version: 1\nid: p\n${steps}`,
      errors: [{ line: 2, col: 1, message: "step 'crawl' waits for AWS in a worker slot, although deferring would lose nothing" }],
    },
    {
      name: 'turned off on one step',
      yaml: `version: 1\nid: p\ndefaults:\n  deferrable: true\n${steps}`.replace('    crawler: raw\n', '    crawler: raw\n    deferrable: false\n'),
      errors: [{ line: 9, col: 17 }],
    },
    {
      name: 'EMR Serverless from provider 9.22.0: the trigger cancels the run too',
      yaml: serverless,
      airflow: '2.11.2',
      errors: [{ line: 2, col: 1, message: "step 'spark' waits" }],
    },
  ],
});
