import { connectionTls } from '../../../src/lint/rules/connection-tls';
import { ruleTester } from '../rule-tester';

const glue = (url: string) => `version: 1
id: p
steps:
  - id: extract
    kind: glue.job
    job: extract-orders
    arguments: { "--source": "${url}" }
`;

ruleTester(connectionTls, {
  valid: [
    { name: 'JDBC with sslmode', yaml: glue('jdbc:postgresql://db.internal:5432/orders?sslmode=verify-full') },
    { name: 'SQL Server with encrypt', yaml: glue('jdbc:sqlserver://db.internal:1433;databaseName=orders;encrypt=true') },
    { name: 'https API', yaml: glue('https://api.partner.example/v1/orders') },
    { name: 'Redshift JDBC (TLS by default)', yaml: glue('jdbc:redshift://crm.c7x2k9ab1zqe.us-east-1.redshift.amazonaws.com:5439/crm') },
    { name: 'Snowflake JDBC (always TLS)', yaml: glue('jdbc:snowflake://acme.snowflakecomputing.com/?db=ML') },
    { name: 'Oracle over tcps', yaml: glue('jdbc:oracle:thin:@tcps://erp-db.acme.internal:2484/ERPPRD') },
    { name: 'MySQL with sslMode=VERIFY_IDENTITY', yaml: glue('jdbc:mysql://db.internal:3306/orders?sslMode=VERIFY_IDENTITY') },
    {
      name: 'a JSON Schema $schema URI is an identifier, never fetched',
      yaml: `version: 1
id: p
steps:
  - id: validate
    kind: lambda.invoke
    function: validator
    payload:
      schema: { "$schema": "http://json-schema.org/draft-07/schema#", type: object }
`,
    },
    {
      name: "LIKE 'http://%' inside SQL is a pattern, not a connection",
      yaml: `version: 1
id: p
steps:
  - id: q
    kind: athena.query
    database: web
    query: "SELECT count(*) FROM hits WHERE referrer LIKE 'http://%'"
    outputLocation: "s3://acme-results/athena/"
`,
    },
  ],
  invalid: [
    {
      name: 'JDBC without TLS',
      yaml: glue('jdbc:mysql://db.internal:3306/orders'),
      errors: [{ line: 7, col: 30, message: 'a MySQL JDBC URL without sslMode=VERIFY_IDENTITY' }],
    },
    {
      name: 'PostgreSQL JDBC without sslmode (the driver only prefers TLS)',
      yaml: glue('jdbc:postgresql://db.internal:5432/orders'),
      errors: [{ line: 7, col: 30, message: 'a PostgreSQL JDBC URL without sslmode=verify-full' }],
    },
    {
      name: 'Oracle over plain tcp',
      yaml: glue('jdbc:oracle:thin:@//erp-db.internal:1521/ERP'),
      errors: [{ line: 7, col: 30, message: 'an Oracle JDBC URL over tcp' }],
    },
    {
      name: 'plain http',
      yaml: glue('http://api.partner.example/v1/orders'),
      errors: [{ line: 7, col: 30, message: 'plain http:// URL (api.partner.example)' }],
    },
  ],
});
