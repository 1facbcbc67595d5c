import { sharedS3Prefix } from '../../../src/lint/rules/shared-s3-prefix';
import { ruleTester } from '../rule-tester';

const copyTo = (id: string, to: string) => `version: 1
id: ${id}
steps:
  - id: land
    kind: s3.copy
    from: "s3://acme-inbox/${id}/{{ ds }}/data.csv"
    to: "${to}"
`;

ruleTester(sharedS3Prefix, {
  valid: [
    {
      name: 'separate prefixes',
      yaml: copyTo('orders', 's3://acme-landing/orders/{{ ds }}/data.csv'),
      others: { returns: copyTo('returns', 's3://acme-landing/returns/{{ ds }}/data.csv') },
    },
    {
      name: 'same prefix, other bucket',
      yaml: copyTo('orders', 's3://acme-landing/orders/data.csv'),
      others: { returns: copyTo('returns', 's3://acme-archive/orders/data.csv') },
    },
  ],
  invalid: [
    {
      name: 'two pipelines land in one folder',
      yaml: copyTo('orders', 's3://acme-landing/shared/{{ ds }}/orders.csv'),
      others: { returns: copyTo('returns', 's3://acme-landing/shared/{{ ds }}/returns.csv') },
      errors: [{ line: 7, col: 9, message: "pipeline 'returns' (pipelines/returns.yaml) also writes under s3://acme-landing/shared/" }],
    },
    {
      name: 'a produced asset contains the other prefix',
      yaml: copyTo('orders', 's3://acme-landing/orders/{{ ds }}/orders.csv'),
      others: {
        features: 'version: 1\nid: features\nsteps:\n  - id: build\n    kind: glue.job\n    job: build\n    produces: ["s3://acme-landing/"]\n',
      },
      errors: [{ line: 7, col: 9, message: "pipeline 'features'" }],
    },
  ],
});
