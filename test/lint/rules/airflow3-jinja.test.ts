import { airflow3Jinja } from '../../../src/lint/rules/airflow3-jinja';
import { ruleTester } from '../rule-tester';

const glue = (arg: string) => `version: 1
id: p
steps:
  - id: a
    kind: glue.job
    job: a
    arguments: { "--run": "${arg}" }
`;

ruleTester(airflow3Jinja, {
  valid: [
    { name: 'logical date', yaml: glue('{{ ds }} {{ logical_date }}') },
    { name: 'a word that only looks alike, outside Jinja', yaml: glue('execution_date') },
  ],
  invalid: [
    {
      name: 'execution_date',
      yaml: glue('{{ execution_date }}'),
      errors: [{ line: 7, col: 27, message: "'execution_date' is gone from the template context in Airflow 3" }],
    },
    {
      name: 'next_ds in SQL',
      yaml: 'version: 1\nid: p\nsteps:\n  - id: q\n    kind: athena.query\n    query: "SELECT * FROM t WHERE dt < \'{{ next_ds }}\'"\n    database: d\n    outputLocation: "s3://acme-results/a/"\n    workgroup: wg\n',
      errors: [{ line: 6, col: 12, message: "'next_ds'" }],
    },
    {
      name: 'two of them in one string',
      yaml: glue('{{ yesterday_ds }}/{{ tomorrow_ds }}'),
      errors: [
        { line: 7, col: 27, message: 'yesterday_ds' },
        { line: 7, col: 27, message: 'tomorrow_ds' },
      ],
    },
  ],
});
