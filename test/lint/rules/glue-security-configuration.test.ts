import { glueSecurityConfiguration } from '../../../src/lint/rules/glue-security-configuration';
import { ruleTester } from '../rule-tester';

const pipeline = (job: string) => `version: 1
id: p
steps:
  - id: clean
    kind: glue.job
${job}`;

ruleTester(glueSecurityConfiguration, {
  valid: [{ name: 'security configuration set', yaml: pipeline('    job: clean-events\n    securityConfiguration: kms-everything\n') }],
  invalid: [
    {
      name: 'no security configuration',
      yaml: pipeline('    job: clean-events\n'),
      errors: [{ line: 6, col: 10, message: "Glue job 'clean-events' runs without a securityConfiguration" }],
    },
  ],
});
