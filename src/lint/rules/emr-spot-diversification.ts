import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

/**
 * Spot capacity in one instance type is interrupted together and may not be available at all; instance fleets with
 * several types let EMR pick from more Spot pools (EMR Management Guide, "Instance fleets": specify up to 5 types;
 * EC2 Spot best practices, "Be flexible about instance types and Availability Zones").
 */
export const emrSpotDiversification = pipelineRule({
  meta: {
    code: 'DS451',
    name: 'emr-spot-diversification',
    defaultSeverity: 'warning',
    category: 'reliability',
    description: 'An emr.cluster runs a role on Spot in a single instance type (an instance group, or a fleet of one type).',
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'emr.cluster')) {
      for (const r of fields.instances.roles) {
        if (!r.spot || r.types.length > 1) continue;
        ctx.reportStep(
          step,
          ['instances', r.role],
          `the ${r.role} nodes of cluster '${fields.name}' are on Spot in one instance type (${r.types[0]}): one Spot pool, interrupted together`,
          { hint: 'use instance fleets with several types of the same size, e.g. types: [r6g.4xlarge, r6gd.4xlarge, r7g.4xlarge]' },
        );
      }
    }
  },
});
