import { emrSpotCapacity } from '../../../src/lint/rules/emr-spot-capacity';
import { ruleTester } from '../rule-tester';

const cluster = (instances: string, spot = '') => `version: 1
id: p
steps:
  - id: build
    kind: emr.cluster
    name: features
    releaseLabel: emr-7.2.0
    instances:
${instances}${spot}`;

const big = '      master: { type: m6g.xlarge }\n      core: { type: r6g.2xlarge, count: 2 }\n      task: { type: r6g.4xlarge, count: 10 }\n';

ruleTester(emrSpotCapacity, {
  valid: [
    { name: 'task nodes on Spot', yaml: cluster(big, '    spot: [task]\n') },
    { name: 'a small cluster', yaml: cluster('      master: { type: m6g.xlarge }\n      core: { type: r6g.2xlarge, count: 3 }\n') },
    { name: 'below a higher threshold', yaml: cluster(big), options: { minNodes: 20 } },
  ],
  invalid: [
    {
      name: '12 on-demand core and task nodes',
      yaml: cluster(big),
      errors: [{ line: 9, col: 7, message: "cluster 'features' runs 12 core and task nodes, none of them on Spot" }],
    },
    {
      name: 'core only, over a lower threshold',
      yaml: cluster('      master: { type: m6g.xlarge }\n      core: { type: r6g.2xlarge, count: 4 }\n'),
      options: { minNodes: 4 },
      errors: [{ line: 9, col: 7, message: "cluster 'features' runs 4 core and task nodes, none of them on Spot" }],
    },
  ],
});
