import { sqlAccessKeys } from '../../../src/lint/rules/sql-access-keys';
import { sqlGrantPublic } from '../../../src/lint/rules/sql-grant-public';
import { sqlInsertNotIdempotent } from '../../../src/lint/rules/sql-insert-not-idempotent';
import { sqlUnloadEncryption } from '../../../src/lint/rules/sql-unload-encryption';
import { ruleTester } from '../rule-tester';

/** A redshift.sql step with `sql` given as written (a block, a string or a sqlFile line). */
const redshift = (sql: string, extra = '') => `version: 1
id: p
defaults: { retries: 2 }
steps:
  - id: q
    kind: redshift.sql
${sql}
    database: dev
    cluster: c1
${extra}`;

const athena = (query: string, retries = 2) => `version: 1
id: p
defaults: { retries: ${retries} }
steps:
  - id: scores
    kind: athena.query
    database: ml
    query: |
${query}
    outputLocation: "s3://acme-results/athena/"
    workgroup: ml
`;

ruleTester(sqlGrantPublic, {
  valid: [{ name: 'grant to a group', yaml: redshift('    sql: "GRANT SELECT ON analytics.facts TO GROUP readers"') }],
  invalid: [
    {
      name: 'TO PUBLIC inside a block, at the GRANT',
      yaml: redshift('    sql: |\n      GRANT SELECT ON analytics.facts TO GROUP readers;\n      GRANT SELECT ON analytics.facts TO PUBLIC;'),
      errors: [{ line: 9, col: 7, message: "step 'q' grants to PUBLIC" }],
    },
    {
      name: 'TO PUBLIC in a SQL file, at its line',
      yaml: redshift('    sqlFile: grants.sql'),
      siblings: { 'grants.sql': '-- readers\nGRANT SELECT ON t TO GROUP readers;\n\n  GRANT USAGE ON SCHEMA ml TO PUBLIC;\n' },
      errors: [{ line: 4, col: 3, file: 'pipelines/grants.sql' }],
    },
  ],
});

ruleTester(sqlUnloadEncryption, {
  valid: [
    {
      name: 'UNLOAD with KMS_KEY_ID and ENCRYPTED',
      yaml: redshift(
        `    sql: "UNLOAD ('SELECT 1') TO 's3://acme-x/p_' IAM_ROLE 'arn:aws:iam::123456789012:role/u' KMS_KEY_ID '{{ var.value.kms }}' ENCRYPTED"`,
      ),
    },
  ],
  invalid: [
    {
      name: 'UNLOAD without a KMS key, second statement of a block',
      yaml: redshift(
        `    sql: |\n      DELETE FROM t WHERE d = '{{ ds }}';\n      UNLOAD ('SELECT 1')\n      TO 's3://acme-x/p_'\n      IAM_ROLE 'arn:aws:iam::123456789012:role/u';`,
      ),
      errors: [{ line: 9, col: 7, message: 'unloads without KMS_KEY_ID' }],
    },
  ],
});

ruleTester(sqlAccessKeys, {
  valid: [
    {
      name: 'COPY with IAM_ROLE',
      yaml: redshift(`    sql: "COPY t FROM 's3://acme-x/p/' IAM_ROLE 'arn:aws:iam::123456789012:role/c' FORMAT AS PARQUET"`),
    },
    {
      name: 'CREDENTIALS naming a role',
      yaml: redshift(`    sql: "COPY t FROM 's3://acme-x/p/' CREDENTIALS 'aws_iam_role=arn:aws:iam::123456789012:role/c'"`),
    },
  ],
  invalid: [
    {
      name: 'COPY with access keys from Airflow Variables, at ACCESS_KEY_ID',
      yaml: redshift(
        "    sql: |\n      COPY sales.returns\n      FROM 's3://partner/x/'\n      ACCESS_KEY_ID '{{ var.value.k }}' SECRET_ACCESS_KEY '{{ var.value.s }}'\n      FORMAT AS PARQUET;",
      ),
      errors: [{ line: 10, col: 7, message: 'a COPY authenticated with access keys (ACCESS_KEY_ID)' }],
    },
  ],
});

ruleTester(sqlInsertNotIdempotent, {
  valid: [
    {
      name: 'delete the day, then insert it',
      yaml: redshift(
        `    sql: |\n      DELETE FROM ml.inputs WHERE d = '{{ ds }}';\n      INSERT INTO ml.inputs SELECT * FROM staging WHERE d = '{{ ds }}';`,
      ),
    },
    { name: 'no retries', yaml: athena("      INSERT INTO ml.scores SELECT * FROM ml.staging WHERE week = date '{{ ds }}'", 0) },
    { name: 'an anti-join', yaml: redshift(`    sql: "INSERT INTO ml.t SELECT * FROM s WHERE NOT EXISTS (SELECT 1 FROM ml.t x WHERE x.id = s.id)"`) },
  ],
  invalid: [
    {
      name: 'Athena INSERT INTO on a retried step',
      yaml: athena("      INSERT INTO ml.scores\n      SELECT * FROM ml.staging WHERE week = date '{{ ds }}'"),
      errors: [{ line: 9, col: 7, message: "step 'scores' inserts into ml.scores with 2 retries" }],
    },
    {
      name: 'Redshift INSERT after a delete of another table, in a SQL file',
      yaml: redshift('    sqlFile: merge.sql'),
      siblings: { 'merge.sql': "DELETE FROM staging.x WHERE d = '{{ ds }}';\n\nINSERT INTO analytics.facts\nSELECT * FROM staging.x;\n" },
      errors: [{ line: 3, col: 1, file: 'pipelines/merge.sql', message: 'inserts into analytics.facts' }],
    },
  ],
});
