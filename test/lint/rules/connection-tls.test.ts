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
  ],
  invalid: [
    {
      name: 'JDBC without TLS',
      yaml: glue('jdbc:mysql://db.internal:3306/orders'),
      errors: [{ line: 7, col: 30, message: 'JDBC URL (mysql) without an SSL/TLS setting' }],
    },
    {
      name: 'plain http',
      yaml: glue('http://api.partner.example/v1/orders'),
      errors: [{ line: 7, col: 30, message: 'plain http:// URL (api.partner.example)' }],
    },
  ],
});
