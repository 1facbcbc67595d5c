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

ruleTester(noSecrets, {
  valid: [
    {
      name: 'plain arguments and Jinja lookups',
      yaml: glue(
        '      "--run_date": "{{ ds }}"\n      "--password": "{{ conn.orders_db.password }}"\n      "--url": "jdbc:postgresql://db:5432/orders?ssl=true"\n',
      ),
    },
    {
      name: 'a Secrets Manager ARN is a reference, not a secret',
      yaml: `version: 1
id: p
steps:
  - id: q
    kind: redshift.sql
    sql: "SELECT 1"
    database: dev
    cluster: c1
    secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:redshift/loader-AbCdEf"
`,
    },
  ],
  invalid: [
    {
      name: 'an access key id and a password in arguments',
      yaml: glue('      "--key": "AKIAIOSFODNN7EXAMPLE"\n      "--db": "jdbc:mysql://db:3306/orders?user=etl&password=hunter22&useSSL=true"\n'),
      errors: [
        { line: 8, col: 16, message: 'an AWS access key id (AKIA…)' },
        { line: 9, col: 15, message: 'a password= value' },
      ],
    },
    {
      name: 'a random-looking value under a secret-ish key',
      yaml: glue('      "--api_token": "q8Zr2LxV9pWm4TnK7sYb3JdF"\n'),
      errors: [{ line: 8, col: 22, message: "a random-looking value under '--api_token'" }],
    },
    {
      name: 'a PASSWORD literal in SQL',
      yaml: `version: 1
id: p
steps:
  - id: q
    kind: redshift.sql
    sql: "CREATE USER loader PASSWORD 'Sup3rSecret!'"
    database: dev
    cluster: c1
`,
      errors: [{ line: 6, col: 10, message: 'a PASSWORD literal' }],
    },
    {
      name: 'credentials in a URL inside a param default',
      yaml: `version: 1
id: p
params:
  source: { default: "postgres://etl:s3cr3tpw@db.internal:5432/orders", type: string }
steps:
  - id: load
    kind: glue.job
    job: load-orders
`,
      errors: [{ line: 4, col: 22, message: "param 'source' holds a password in a connection URL" }],
    },
  ],
});
