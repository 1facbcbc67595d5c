import { s3WriterEncryption } from '../../../src/lint/rules/s3-writer-encryption';
import { ruleTester } from '../rule-tester';

const yaml = `version: 1
id: p
steps:
  - id: land
    kind: s3.copy
    from: "s3://acme-raw/in/a.csv"
    to: "s3://acme-landing/in/a.csv"
`;

ruleTester(s3WriterEncryption, {
  valid: [{ name: 'destination bucket listed as SSE-KMS', yaml, options: { kmsBuckets: ['acme-landing'] } }],
  invalid: [
    { name: 'destination relies on default encryption', yaml, errors: [{ line: 7, col: 9, message: "'acme-landing'" }] },
    { name: 'another bucket listed', yaml, options: { kmsBuckets: ['acme-raw'] }, errors: [{ line: 7, col: 9 }] },
  ],
});
