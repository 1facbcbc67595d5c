import { noSecrets } from '../../../src/lint/rules/secrets';
import { ruleTester } from '../rule-tester';

const glue = (args: string) => `version: 1
id: p
steps:
  - id: load
    kind: glue.job
    job: load-orders
    arguments:
${args}`;

const redshift = (sql: string) => `version: 1
id: p
steps:
  - id: q
    kind: redshift.sql
${sql}
    database: dev
    cluster: c1
`;

// Every secret here is made up for this table; AWS's documented example key is allowlisted (see the valid cases).
ruleTester(noSecrets, {
  valid: [
    {
      name: 'plain arguments and Jinja lookups',
      yaml: glue(
        '      "--run_date": "{{ ds }}"\n      "--password": "{{ conn.orders_db.password }}"\n      "--url": "jdbc:postgresql://db:5432/orders?ssl=true"\n',
      ),
    },
    { name: "AWS's documentation example key is not a secret", yaml: glue('      "--key": "AKIAIOSFODNN7EXAMPLE"\n') },
    {
      name: 'Secrets Manager and SSM names, KMS aliases: names, not secrets',
      yaml: glue(
        '      "--secret_name": prod/ml/churn-db-readonly-credentials\n      "--db_password_parameter": /ml/prod/db/password\n      "--kms": alias/ml-landing\n',
      ),
    },
    {
      name: 'a Secrets Manager ARN is a reference, not a secret',
      yaml: redshift('    sql: "SELECT 1"\n    secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift/loader-AbCdEf"'),
    },
    {
      name: 'SQL comparisons and bound parameters',
      yaml: redshift('    sql: |\n      SELECT * FROM a JOIN b ON a.token = b.token\n      WHERE b.password_changed > :since'),
    },
    { name: 'a PASSWORD from a Jinja reference', yaml: redshift(`    sql: "ALTER USER loader PASSWORD '{{ var.value.loader_password }}'"`) },
  ],
  invalid: [
    {
      name: 'an AWS access key id, a secret key under its name, a password in a URL',
      yaml: glue(
        '      "--key": "AKIA4TPIHTKGWRKL4TUG"\n      "--aws_secret_access_key": "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"\n      "--db": "postgresql://etl:Xk9vQ2mR7tLp@db.internal:5432/orders"\n',
      ),
      errors: [
        { line: 8, col: 17, message: 'an AWS access key id (gitleaks: aws-access-token) is written in the pipeline' },
        { line: 9, col: 35, message: 'an AWS secret access key' },
        { line: 10, col: 33, message: 'a password in a connection URL' },
      ],
    },
    {
      name: 'Slack webhook, GitHub token, Google API key, JWT',
      yaml: glue(
        '      "--hook": "https://hooks.slack.com/services/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"\n' +
          '      "--repo": "https://ghp_xcQ7hJD7mdnJRCUxXdQwM5yX0fSSMovEaX09@github.com/acme/jobs.git"\n' +
          '      "--maps": AIzaoIM63bL19XorsD3_GuF3HdCTfTe2Af74cj0\n' +
          '      "--auth": "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtbC1sYW5kaW5nIiwiaXNzIjoicGFydG5lci1nYXRld2F5In0.e2RfKGP5O9iT_LAFqH6x6YOUoeFVc3wG3D3DLC9FcOw"\n',
      ),
      errors: [
        { line: 8, col: 18, message: 'a Slack webhook URL' },
        { line: 9, col: 26, message: 'a GitHub personal access token' },
        { line: 10, col: 17, message: 'a Google API key' },
        { line: 11, col: 25, message: 'a JSON Web Token' },
      ],
    },
    {
      name: 'a PASSWORD literal inside an inline SQL block, at its own line and column',
      yaml: redshift("    sql: |\n      GRANT SELECT ON t TO GROUP readers;\n      CREATE USER loader PASSWORD 'Sup3rSecret!'"),
      errors: [{ line: 8, col: 26, message: 'a PASSWORD literal' }],
    },
    {
      name: 'CREDENTIALS in a SQL file: at the SQL file line',
      yaml: redshift('    sqlFile: unload.sql'),
      siblings: {
        'unload.sql':
          "-- the partner's copy\nUNLOAD ('SELECT 1')\nTO 's3://partner/x/'\nCREDENTIALS 'aws_access_key_id=AKIA4TPIHTKGWRKL4TUG;aws_secret_access_key=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';\n",
      },
      errors: [{ line: 4, col: 1, file: 'pipelines/unload.sql', message: 'a CREDENTIALS literal' }],
    },
    {
      name: 'a private key in a param default',
      yaml: `version: 1
id: p
params:
  key:
    default: |
      -----BEGIN PRIVATE KEY-----
      MIICeAIBADANBgkqhkiG9w0BAQEFAASCAmIwggJeAgEAAoGBAOASSmyzAtMh7TUG
      4/IunassyA43/B+1C8hlZL6unarQ/CBUrcQzMlwjJvxxdW6QHpgCj6YIimEJO9f3
      -----END PRIVATE KEY-----
steps:
  - id: load
    kind: glue.job
    job: load-orders
`,
      errors: [{ line: 6, col: 7, message: 'a private key' }],
    },
  ],
});
