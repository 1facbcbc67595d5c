import { s3DeleteUnguarded } from '../../../src/lint/rules/s3-delete-unguarded';
import { ruleTester } from '../rule-tester';

const copyThenDelete = (deleteExtra = '') => `version: 1
id: p
steps:
  - id: archive
    kind: s3.copy
    from: "s3://acme-inbox/orders/{{ ds }}/orders.csv"
    to: "s3://acme-archive/orders/{{ ds }}/orders.csv"
  - id: clear_inbox
    kind: s3.delete
    bucket: acme-inbox
    prefix: "orders/{{ ds }}/"
    dependsOn: [archive]
${deleteExtra}`;

ruleTester(s3DeleteUnguarded, {
  valid: [
    { name: 'after the copy out of the prefix', yaml: copyThenDelete() },
    {
      name: 'after the Glue job that reads the prefix',
      yaml: `version: 1
id: p
steps:
  - id: compact
    kind: glue.job
    job: compact
    arguments: { "--input_path": "s3://acme-staging/events/dt={{ ds }}/" }
  - id: clean
    kind: s3.delete
    bucket: acme-staging
    prefix: "events/dt={{ ds }}/"
    dependsOn: [compact]
`,
    },
    {
      name: 'after the Athena query whose partition LOCATION is the prefix',
      yaml: `version: 1
id: p
steps:
  - id: add_partition
    kind: athena.query
    database: staging
    query: "ALTER TABLE t ADD IF NOT EXISTS PARTITION (dt = '{{ ds }}') LOCATION 's3://acme-staging/t/dt={{ ds }}/'"
    outputLocation: "s3://acme-results/athena/"
  - id: clean
    kind: s3.delete
    bucket: acme-staging
    prefix: "t/dt={{ ds }}/"
    dependsOn: [add_partition]
`,
    },
    { name: 'by keys', yaml: 'version: 1\nid: p\nsteps:\n  - id: d\n    kind: s3.delete\n    bucket: acme-tmp\n    keys: [a.csv]\n' },
  ],
  invalid: [
    {
      name: 'an S3DeleteObjectsOperator through airflow.operator, nothing upstream',
      yaml: `version: 1
id: p
steps:
  - id: clear_spill
    kind: airflow.operator
    operator: airflow.providers.amazon.aws.operators.s3.S3DeleteObjectsOperator
    arguments:
      bucket: acme-staging
      prefix: "athena-spill/"
`,
      errors: [{ line: 9, col: 15, message: 'deletes everything under s3://acme-staging/athena-spill/' }],
    },
    {
      name: 'nothing upstream',
      yaml: 'version: 1\nid: p\nsteps:\n  - id: d\n    kind: s3.delete\n    bucket: acme-inbox\n    prefix: "orders/"\n',
      errors: [{ line: 7, col: 13, message: 'deletes everything under s3://acme-inbox/orders/ with no upstream step' }],
    },
    {
      name: 'runs even when the copy failed',
      yaml: copyThenDelete('    triggerRule: all_done\n'),
      errors: [{ line: 13, col: 18, message: "runs this delete even when 'archive' failed" }],
    },
    {
      name: 'a copy of one day does not guard deleting every day',
      yaml: copyThenDelete().replace('prefix: "orders/{{ ds }}/"', 'prefix: "orders/"'),
      errors: [{ line: 11, col: 13, message: 'deletes everything under s3://acme-inbox/orders/' }],
    },
    {
      name: 'upstream copy of another bucket',
      yaml: copyThenDelete().replace('bucket: acme-inbox', 'bucket: acme-other'),
      errors: [{ line: 11, col: 13 }],
    },
  ],
});
