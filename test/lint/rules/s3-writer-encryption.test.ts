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

const put = `version: 1
id: p
steps:
  - id: manifest
    kind: s3.put
    bucket: acme-exports
    key: "training/_manifest.json"
    data: { parts: [labels] }
`;

const ctas = `version: 1
id: p
steps:
  - id: build
    kind: athena.query
    database: features
    query: |
      CREATE TABLE features.t
      WITH (format = 'PARQUET',
            external_location = 's3://acme-exports/features/t/')
      AS SELECT 1 AS x
    outputLocation: "s3://acme-results/athena/"
`;

const serverless = (conf: string) => `version: 1
id: p
steps:
  - id: recompute
    kind: emr.serverless
    application: 00fq1zk2abcd3e09
    executionRole: "arn:aws:iam::123456789012:role/emr-serverless-features"
    entryPoint: "s3://acme-code/recompute.py"
    arguments: [--week, "{{ ds }}", --output, "s3://acme-exports/weekly/"]
${conf}`;

ruleTester(s3WriterEncryption, {
  valid: [
    { name: 'destination bucket listed as SSE-KMS', yaml, options: { kmsBuckets: ['acme-landing'] } },
    { name: 's3.put into a KMS bucket', yaml: put, options: { kmsBuckets: ['acme-exp*'] } },
    { name: 'CTAS into a KMS bucket', yaml: ctas, options: { kmsBuckets: ['acme-exports'] } },
    {
      name: 'EMR Serverless asking EMRFS for SSE-KMS',
      yaml: serverless(
        '    sparkSubmitParameters: "--conf spark.hadoop.fs.s3.enableServerSideEncryption=true --conf spark.hadoop.fs.s3.serverSideEncryption.kms.keyId=k"\n',
      ),
    },
  ],
  invalid: [
    { name: 'destination relies on default encryption', yaml, errors: [{ line: 7, col: 9, message: "'acme-landing'" }] },
    { name: 'another bucket listed', yaml, options: { kmsBuckets: ['acme-raw'] }, errors: [{ line: 7, col: 9 }] },
    {
      name: 's3.put into a bucket not known to be SSE-KMS',
      yaml: put,
      errors: [{ line: 6, col: 13, message: "the object s3.put writes in 'acme-exports'" }],
    },
    {
      name: 'CTAS external_location, at the SQL line',
      yaml: ctas,
      errors: [{ line: 10, col: 13, message: "the table this CTAS writes in 'acme-exports'" }],
    },
    {
      name: 'EMR Serverless output',
      yaml: serverless(''),
      errors: [{ line: 9, col: 47, message: "what the EMR Serverless job writes in 'acme-exports'" }],
    },
  ],
});
