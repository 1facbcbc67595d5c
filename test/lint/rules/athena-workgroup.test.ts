import { athenaWorkgroup } from '../../../src/lint/rules/athena-workgroup';
import { ruleTester } from '../rule-tester';

const athena = (extra: string) => `version: 1
id: p
steps:
  - id: q
    kind: athena.query
    query: "SELECT 1"
    database: features
    outputLocation: "s3://acme-results/athena/"
${extra}`;

ruleTester(athenaWorkgroup, {
  valid: [{ name: 'own workgroup', yaml: athena('    workgroup: ml-features\n') }],
  invalid: [
    { name: 'default workgroup', yaml: athena(''), errors: [{ line: 7, col: 15, message: "'primary' workgroup" }] },
    { name: 'primary named', yaml: athena('    workgroup: primary\n'), errors: [{ line: 9, col: 16 }] },
  ],
});
