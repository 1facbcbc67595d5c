import { copyCompression } from '../../../src/lint/rules/copy-compression';
import { ruleTester } from '../rule-tester';

const copy = (extra: string) => `version: 1
id: p
steps:
  - id: load
    kind: redshift.copy
    from: "s3://acme-raw/events/"
    schema: ml
    table: events
    iamRole: "arn:aws:iam::123456789012:role/redshift-copy"
    database: dev
    workgroup: ml-serving
${extra}`;

ruleTester(copyCompression, {
  valid: [
    { name: 'gzip CSV', yaml: copy('    format: CSV\n    compression: GZIP\n') },
    { name: 'Parquet', yaml: copy('    format: PARQUET\n') },
  ],
  invalid: [
    {
      name: 'CSV without compression',
      yaml: copy('    format: CSV\n'),
      errors: [{ line: 12, col: 13, message: 'uncompressed CSV files into ml.events' }],
    },
    { name: 'compression NONE', yaml: copy('    format: JSON\n    compression: NONE\n'), errors: [{ line: 13, col: 18 }] },
    { name: 'default text format', yaml: copy(''), errors: [{ line: 6, col: 11, message: 'delimited text' }] },
  ],
});
