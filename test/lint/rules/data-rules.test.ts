import { copyReplacePartition } from '../../../src/lint/rules/copy-replace-partition';
import { redshiftSuperuser } from '../../../src/lint/rules/redshift-superuser';
import { s3DeletePrefixSlash } from '../../../src/lint/rules/s3-delete-prefix-slash';
import { ruleTester } from '../rule-tester';

const copy = (from: string, method: string) => `version: 1
id: p
steps:
  - id: load
    kind: redshift.copy
    from: "${from}"
    schema: sales
    table: orders
    format: PARQUET
    method: ${method}${method === 'upsert' ? '\n    upsertKeys: [order_id]' : ''}
    iamRole: "arn:aws:iam::123456789012:role/redshift-copy"
    cluster: c1
    database: dev
`;

ruleTester(copyReplacePartition, {
  valid: [
    { name: 'upsert of a dated partition', yaml: copy('s3://acme-raw/orders/dt={{ ds }}/', 'upsert') },
    { name: 'replace from a full snapshot', yaml: copy('s3://acme-raw/orders/snapshot/', 'replace') },
    {
      name: 'replace of one day with replaceWhere',
      yaml: copy('s3://acme-raw/orders/dt={{ ds }}/', 'replace').replace('    iamRole', `    replaceWhere: "dt = '{{ ds }}'"\n    iamRole`),
    },
  ],
  invalid: [
    {
      name: 'replace of one day',
      yaml: copy('s3://acme-raw/orders/dt={{ ds }}/', 'replace'),
      errors: [{ line: 10, col: 13, message: 'method: replace empties sales.orders and then loads only this run' }],
    },
  ],
});

const sql = (dbUser: string) => `version: 1
id: p
steps:
  - id: merge
    kind: redshift.sql
    sql: "SELECT 1"
    cluster: c1
    database: dev
    dbUser: ${dbUser}
`;

ruleTester(redshiftSuperuser, {
  valid: [{ name: 'a pipeline user', yaml: sql('etl_loader') }],
  invalid: [
    { name: 'admin', yaml: sql('admin'), errors: [{ line: 9, col: 13, message: "runs as 'admin', the cluster's superuser" }] },
    { name: "awsuser (the console's default admin)", yaml: sql('awsuser'), errors: [{ line: 9, col: 13 }] },
    { name: 'a superuser named in the options', yaml: sql('ml_owner'), options: { superusers: ['ml_owner'] }, errors: [{ line: 9, col: 13 }] },
  ],
});

const del = (prefix: string) => `version: 1
id: p
steps:
  - id: wait
    kind: s3.wait
    bucket: acme-staging
    key: "scratch/_RELEASED"
  - id: clean
    kind: s3.delete
    bucket: acme-staging
    prefix: "${prefix}"
    dependsOn: [wait]
`;

ruleTester(s3DeletePrefixSlash, {
  valid: [{ name: 'prefix ending in /', yaml: del('scratch/churn_v2/') }],
  invalid: [
    {
      name: 'prefix without /',
      yaml: del('scratch/churn_v2'),
      errors: [{ line: 11, col: 13, message: "prefix 'scratch/churn_v2' has no trailing '/'" }],
    },
    {
      name: 'through airflow.operator',
      yaml: `version: 1
id: p
steps:
  - id: clean
    kind: airflow.operator
    operator: airflow.providers.amazon.aws.operators.s3.S3DeleteObjectsOperator
    arguments:
      bucket: acme-staging
      prefix: "athena-spill/{{ ds }}"
`,
      errors: [{ line: 9, col: 15 }],
    },
  ],
});
