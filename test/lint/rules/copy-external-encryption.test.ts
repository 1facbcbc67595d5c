import { copyExternalEncryption } from '../../../src/lint/rules/copy-external-encryption';
import { ruleTester } from '../rule-tester';

const copy = (from: string, extra = '') => `version: 1
id: p
steps:
  - id: load
    kind: redshift.copy
    from: "${from}"
    schema: ml
    table: events
    iamRole: "arn:aws:iam::123456789012:role/redshift-copy"
    database: dev
    workgroup: ml-serving
${extra}`;

ruleTester(copyExternalEncryption, {
  valid: [
    { name: 'own bucket', yaml: copy('s3://acme-raw/events/', '    format: CSV\n') },
    { name: 'external bucket, Parquet', yaml: copy('s3://acme-partner-drop/events/', '    format: PARQUET\n') },
    {
      name: 'external bucket listed as SSE-KMS',
      yaml: copy('s3://acme-partner-drop/events/', '    format: CSV\n'),
      options: { kmsBuckets: ['acme-partner-*'] },
    },
  ],
  invalid: [
    {
      name: 'CSV from a partner bucket',
      yaml: copy('s3://acme-partner-drop/events/', '    format: CSV\n'),
      errors: [{ line: 6, col: 11, message: "external bucket 'acme-partner-drop'" }],
    },
    {
      name: 'bucket named external by option',
      yaml: copy('s3://feeds-x/events/'),
      options: { externalBuckets: ['feeds-*'] },
      errors: [{ line: 6, col: 11, message: 'delimited text files' }],
    },
    {
      name: 'client-side ENCRYPTED option',
      yaml: copy('s3://acme-raw/events/', '    options: ["ENCRYPTED"]\n'),
      errors: [{ line: 12, col: 15, message: 'no longer supports' }],
    },
  ],
});
