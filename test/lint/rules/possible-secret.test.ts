import { possibleSecret } from '../../../src/lint/rules/possible-secret';
import { ruleTester } from '../rule-tester';

const glue = (args: string) => `version: 1
id: p
steps:
  - id: load
    kind: glue.job
    job: load-orders
    arguments:
${args}`;

ruleTester(possibleSecret, {
  valid: [
    {
      name: 'Jinja references',
      yaml: glue('      "--db_password": "{{ conn.orders_db.password }}"\n      "--api_token": "{{ var.value.crm_api_token }}"\n'),
    },
    {
      name: 'names of secrets: Secrets Manager name, SSM parameter, ARN, KMS alias',
      yaml: glue(
        '      "--secret_name": prod/ml/churn-db-readonly-credentials\n      "--db_password_parameter": /ml/prod/events-db/password\n      "--token_secret": "arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf"\n      "--kms_key": alias/ml-landing\n',
      ),
    },
    {
      name: 'SQL comparisons and a bound parameter from Jinja',
      yaml: `version: 1
id: p
steps:
  - id: mark
    kind: redshift.sql
    sql: "UPDATE m SET status = 'loaded' WHERE token = :token"
    parameters:
      token: "{{ dag_run.conf['ingest_token'] }}"
    workgroup: analytics
    database: dev
`,
    },
    { name: 'a secret id as an EMR argument', yaml: glue('      "--args": "--secret-id ml/prod/feature-store-api-key"\n') },
  ],
  invalid: [
    {
      name: 'a short literal password',
      yaml: glue('      "--db_password": "Churn2024"\n'),
      errors: [{ line: 8, col: 24, message: "a literal password under '--db_password'" }],
    },
    {
      name: 'a random-looking token',
      yaml: glue('      "--api_token": "q8Zr2LxV9pWm4TnK7sYb3JdF"\n'),
      errors: [{ line: 8, col: 22, message: "a random-looking value under '--api_token'" }],
    },
    {
      name: 'password= in a connection string',
      yaml: glue('      "--db": "jdbc:mysql://db:3306/orders?user=etl&password=hunter22&sslMode=VERIFY_IDENTITY"\n'),
      errors: [{ line: 8, col: 15, message: 'a password= value' }],
    },
    {
      name: 'a password after its flag in EMR step arguments',
      yaml: `version: 1
id: p
steps:
  - id: score
    kind: emr.steps
    cluster: j-1K48XQ3ZT7HCB
    steps:
      - name: score
        args: [spark-submit, s3://acme-code/score.py, --db-password, Hunter2024]
`,
      errors: [{ line: 9, col: 70, message: "a literal password under '--db-password'" }],
    },
  ],
});
