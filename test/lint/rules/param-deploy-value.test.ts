import { paramDeployValue } from '../../../src/lint/rules/param-deploy-value';
import { ruleTester } from '../rule-tester';

const pipeline = (params: string) => `version: 1
id: p
params:
${params}
steps:
  - id: build
    kind: athena.query
    database: features
    query: "SELECT '{{ params.target }}'"
    outputLocation: "s3://\${featureBucket}/athena/"
`;

const vars = { featureBucket: 'acme-features-prod', env: 'prod' };

ruleTester(paramDeployValue, {
  valid: [
    { name: 'a param with a literal default', yaml: pipeline('  target: { default: full, type: string }'), vars },
    { name: '$${ is a literal, not a reference', yaml: pipeline('  target: { default: "$${notAVariable}", type: string }'), vars },
    { name: 'a param without a default', yaml: pipeline('  target: { type: [string, "null"] }'), vars },
  ],
  invalid: [
    {
      name: 'a default that is a deploy-time bucket',
      yaml: pipeline('  target: { default: "${featureBucket}", type: string }'),
      vars,
      errors: [{ line: 4, col: 22, message: "param 'target' defaults to ${featureBucket}, a deploy-time value" }],
    },
    {
      name: 'references inside a list or mapping default, each named once',
      yaml: pipeline('  target:\n    default: ["s3://${featureBucket}/a/", "s3://${featureBucket}/${env}/"]'),
      vars,
      errors: [{ line: 5, col: 14, message: 'defaults to ${featureBucket}, ${env}' }],
    },
  ],
});
