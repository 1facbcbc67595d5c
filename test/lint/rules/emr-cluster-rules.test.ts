import { emrDefaultRoles } from '../../../src/lint/rules/emr-default-roles';
import { emrSecurityConfiguration } from '../../../src/lint/rules/emr-security-configuration';
import { emrSpotCore } from '../../../src/lint/rules/emr-spot-core';
import { emrSpotDiversification } from '../../../src/lint/rules/emr-spot-diversification';
import { emrTermination } from '../../../src/lint/rules/emr-termination';
import { ruleTester } from '../rule-tester';

/** A transient, encrypted cluster with scoped roles and diversified Spot task capacity: every EMR rule accepts it. */
const GOOD = `version: 1
id: p
steps:
  - id: cluster
    kind: emr.cluster
    name: features
    releaseLabel: emr-7.2.0
    instances:
      master: { types: [m6g.xlarge] }
      core: { types: [r6g.2xlarge, r6gd.2xlarge], capacity: 2 }
      task: { types: [r6g.4xlarge, r6gd.4xlarge, r7g.4xlarge], capacity: 8 }
    spot: [task]
    terminateAfter: 30m
    serviceRole: emr-service-ml
    jobFlowRole: emr-ec2-ml-features
    securityConfiguration: emr-kms-tls
`;
const edit = (from: string, to: string) => GOOD.replace(from, to);

ruleTester(emrSecurityConfiguration, {
  valid: [{ name: 'security configuration set', yaml: GOOD }],
  invalid: [
    {
      name: 'no security configuration',
      yaml: edit('    securityConfiguration: emr-kms-tls\n', ''),
      errors: [{ line: 6, col: 11, message: "cluster 'features' has no security configuration" }],
    },
  ],
});

ruleTester(emrTermination, {
  valid: [
    { name: 'idle auto-termination', yaml: GOOD },
    {
      name: 'steps and no keepAlive: the cluster ends after them',
      yaml: edit('    terminateAfter: 30m\n', '    steps:\n      - name: build\n        args: [spark-submit, s3://acme-code/build.py]\n'),
    },
  ],
  invalid: [
    {
      name: 'kept alive without terminateAfter',
      yaml: edit('    terminateAfter: 30m\n', '    keepAlive: true\n'),
      errors: [{ line: 13, col: 16, message: "cluster 'features' is kept alive with no terminateAfter" }],
    },
    {
      name: 'no steps and no terminateAfter (keepAlive defaults to true)',
      yaml: edit('    terminateAfter: 30m\n', ''),
      errors: [{ line: 6, col: 11 }],
    },
  ],
});

ruleTester(emrSpotCore, {
  valid: [{ name: 'Spot on task nodes only', yaml: GOOD }],
  invalid: [
    {
      name: 'core nodes on Spot',
      yaml: edit('spot: [task]', 'spot: [core, task]'),
      errors: [{ line: 12, col: 11, message: 'runs its core nodes (HDFS) on Spot' }],
    },
  ],
});

ruleTester(emrSpotDiversification, {
  valid: [{ name: 'Spot fleet of three types', yaml: GOOD }],
  invalid: [
    {
      name: 'Spot instance group of one type',
      yaml: edit(
        '      master: { types: [m6g.xlarge] }\n      core: { types: [r6g.2xlarge, r6gd.2xlarge], capacity: 2 }\n      task: { types: [r6g.4xlarge, r6gd.4xlarge, r7g.4xlarge], capacity: 8 }\n',
        '      master: { type: m6g.xlarge }\n      core: { type: r6g.2xlarge, count: 2 }\n      task: { type: r6g.4xlarge, count: 10 }\n',
      ),
      errors: [{ line: 11, col: 13, message: 'are on Spot in one instance type (r6g.4xlarge)' }],
    },
  ],
});

ruleTester(emrDefaultRoles, {
  valid: [
    { name: 'scoped roles', yaml: GOOD },
    { name: 'the V2 default service role', yaml: edit('emr-service-ml', 'EMR_DefaultRole_V2') },
  ],
  invalid: [
    {
      name: 'the default roles, written',
      yaml: edit('emr-service-ml', 'EMR_DefaultRole').replace('emr-ec2-ml-features', 'EMR_EC2_DefaultRole'),
      errors: [
        { line: 14, col: 18, message: 'the default service role EMR_DefaultRole' },
        { line: 15, col: 18, message: 'the default instance profile EMR_EC2_DefaultRole' },
      ],
    },
    {
      name: 'the default roles, by leaving them out',
      yaml: edit('    serviceRole: emr-service-ml\n    jobFlowRole: emr-ec2-ml-features\n', ''),
      errors: [
        { line: 6, col: 11, message: '(serviceRole is not set)' },
        { line: 6, col: 11, message: '(jobFlowRole is not set)' },
      ],
    },
  ],
});
