import { sharedRedshiftTable } from '../../../src/lint/rules/shared-redshift-table';
import { ruleTester } from '../rule-tester';

const load = (id: string, table: string, database = 'analytics') => `version: 1
id: ${id}
steps:
  - id: load
    kind: redshift.copy
    from: "s3://acme-curated/${id}/"
    schema: ml
    table: ${table}
    format: PARQUET
    iamRole: "arn:aws:iam::123456789012:role/redshift-copy"
    database: ${database}
    workgroup: ml-serving
`;

ruleTester(sharedRedshiftTable, {
  valid: [
    { name: 'different tables', yaml: load('orders', 'orders'), others: { returns: load('returns', 'returns') } },
    { name: 'same table name, other database', yaml: load('orders', 'events'), others: { returns: load('returns', 'events', 'staging') } },
  ],
  invalid: [
    {
      name: 'same table',
      yaml: load('orders', 'events'),
      others: { returns: load('returns', 'EVENTS') },
      errors: [{ line: 8, col: 12, message: "table ml.events is also loaded by 'returns' (pipelines/returns.yaml)" }],
    },
  ],
});
