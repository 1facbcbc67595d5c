import { producedDataOnClock } from '../../../src/lint/rules/produced-data-on-clock';
import { ruleTester } from '../rule-tester';

/** A pipeline that lands the day's clickstream and declares the folder as an asset. */
const LANDING = `version: 1
id: landing
schedule: "0 1 * * *"
startDate: 2026-11-01
steps:
  - id: land
    kind: s3.copy
    from: "s3://acme-inbox/clicks/{{ ds }}.json"
    to: "s3://acme-curated/clickstream/dt={{ ds }}/part-0.json"
    produces: ["s3://acme-curated/clickstream/"]
`;

const features = (schedule: string, steps: string) => `version: 1
id: features
${schedule}
startDate: 2026-11-01
steps:
${steps}`;

const COPY = `  - id: load
    kind: redshift.copy
    from: "s3://acme-curated/clickstream/dt={{ ds }}/"
    cluster: c1
    database: dev
    schema: web
    table: clicks
    iamRole: arn:aws:iam::123456789012:role/redshift-copy
`;

ruleTester(producedDataOnClock, {
  valid: [
    { name: 'scheduled on the asset', yaml: features('schedule:\n  assets: ["s3://acme-curated/clickstream/"]', COPY), others: { landing: LANDING } },
    { name: 'no schedule (triggered by an event)', yaml: features('schedule: null', COPY), others: { landing: LANDING } },
    {
      name: 'an s3.wait on the data first',
      yaml: features(
        'schedule: "0 3 * * *"',
        `  - id: wait
    kind: s3.wait
    bucket: acme-curated
    key: "clickstream/dt={{ ds }}/part-0.json"
${COPY}    dependsOn: [wait]
`,
      ),
      others: { landing: LANDING },
    },
    {
      name: 'reads data no pipeline produces',
      yaml: features('schedule: "0 3 * * *"', COPY.replace('acme-curated', 'acme-vendor')),
      others: { landing: LANDING },
    },
    {
      name: 'a Glue output argument is not a read',
      yaml: features(
        'schedule: "0 3 * * *"',
        `  - id: build
    kind: glue.job
    job: build-features
    arguments: { "--output_path": "s3://acme-curated/clickstream/dt={{ ds }}/" }
`,
      ),
      others: { landing: LANDING },
    },
    { name: 'its own asset', yaml: LANDING.replace('schedule: "0 1 * * *"', 'schedule: "0 3 * * *"') },
  ],
  invalid: [
    {
      name: 'a COPY of the produced folder on a clock',
      yaml: features('schedule: "0 3 * * *"', COPY),
      others: { landing: LANDING },
      errors: [
        {
          line: 8,
          col: 11,
          message:
            "reads s3://acme-curated/clickstream/dt={{ ds }}/, which pipeline 'landing' (pipelines/landing.yaml) produces as asset s3://acme-curated/clickstream/, but 'features' runs on its own schedule (0 3 * * *): a late or failed 'landing' run is read as it is",
        },
      ],
    },
    {
      name: 'a Glue input argument, on a preset',
      yaml: features(
        'schedule: "@daily"',
        `  - id: build
    kind: glue.job
    job: build-features
    arguments: { "--input_path": "s3://acme-curated/clickstream/dt={{ ds }}/" }
`,
      ),
      others: { landing: LANDING },
      errors: [{ line: 9, col: 34, message: /runs on its own schedule \(@daily\)/ }],
    },
  ],
});
