import { adminRole } from '../../../src/lint/rules/admin-role';
import { ruleTester } from '../rule-tester';

const glue = (role: string) => `version: 1
id: p
steps:
  - id: clean
    kind: glue.job
    job: clean
    role: ${role}
`;

ruleTester(adminRole, {
  valid: [
    { name: 'scoped role name', yaml: glue('glue-clean-events') },
    { name: 'scoped role ARN', yaml: glue('"arn:aws:iam::123456789012:role/service/glue-clean-events"') },
    { name: 'word inside another word', yaml: glue('glue-adminstats-reader') },
    { name: 'CamelCase without an admin word', yaml: glue('GlueRootCauseAnalysis'.replace('Root', 'Rooted')) },
  ],
  invalid: [
    { name: 'Admin role name', yaml: glue('data-admin'), errors: [{ line: 7, col: 11, message: "role 'data-admin' looks administrative" }] },
    {
      name: 'CamelCase admin role',
      yaml: glue('"arn:aws:iam::123456789012:role/DataPlatformAdmin"'),
      errors: [{ line: 7, col: 11, message: "'DataPlatformAdmin'" }],
    },
    { name: 'AWS managed-style PowerUserAccess', yaml: glue('PowerUserAccess'), errors: [{ line: 7, col: 11 }] },
    {
      name: 'AdministratorAccess role ARN in a COPY',
      yaml: `version: 1
id: p
steps:
  - id: load
    kind: redshift.copy
    from: "s3://acme-raw/events/"
    schema: ml
    table: events
    format: PARQUET
    iamRole: "arn:aws:iam::123456789012:role/AdministratorAccess"
    database: dev
    workgroup: ml-serving
`,
      errors: [{ line: 10, col: 14, message: "'AdministratorAccess'" }],
    },
    {
      name: 'EMR steps and EMR Serverless execution roles',
      yaml: `version: 1
id: p
steps:
  - id: recompute
    kind: emr.serverless
    application: 00fq1zk2abcd3e09
    executionRole: "arn:aws:iam::123456789012:role/emr-serverless-admin"
    entryPoint: "s3://acme-code/recompute.py"
  - id: score
    kind: emr.steps
    cluster: j-1K48XQ3ZT7HCB
    executionRole: "arn:aws:iam::123456789012:role/DataPlatformAdmin"
    steps:
      - name: score
        args: [spark-submit, s3://acme-code/score.py]
`,
      errors: [
        { line: 7, col: 20, message: "'emr-serverless-admin'" },
        { line: 12, col: 20, message: "'DataPlatformAdmin'" },
      ],
    },
    {
      name: 'a role argument of airflow.operator',
      yaml: `version: 1
id: p
steps:
  - id: train
    kind: airflow.operator
    operator: airflow.providers.amazon.aws.operators.sagemaker.SageMakerTrainingOperator
    arguments:
      config: { TrainingJobName: churn }
      role_arn: "arn:aws:iam::123456789012:role/SageMakerFullAccess"
`,
      errors: [{ line: 9, col: 17, message: "'SageMakerFullAccess'" }],
    },
    {
      name: 'PowerUser crawler role',
      yaml: glue('ml-poweruser\n    s3Targets: ["s3://acme-raw/events/"]').replace('glue.job\n    job: clean', 'glue.crawler\n    crawler: raw'),
      errors: [{ line: 7, col: 11 }],
    },
  ],
});
