import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

/**
 * Core nodes hold HDFS: when Spot reclaims one, its blocks and the work on them are lost and steps fail (EMR
 * Management Guide, "Cluster configuration guidelines and best practices": core nodes On-Demand for long-running or
 * HDFS-dependent work).
 */
export const emrSpotCore = pipelineRule({
  meta: {
    code: 'DS450',
    name: 'emr-spot-core',
    defaultSeverity: 'warning',
    category: 'reliability',
    description: "An emr.cluster runs its core nodes on Spot ('core' in spot): an interruption loses HDFS blocks and fails steps.",
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'emr.cluster')) {
      const core = fields.instances.roles.find((r) => r.role === 'core');
      if (!core?.spot) continue;
      ctx.reportStep(
        step,
        ['spot'],
        `cluster '${fields.name}' runs its core nodes (HDFS) on Spot: a reclaimed node loses HDFS blocks and fails the steps on it`,
        {
          hint: 'keep core nodes On-Demand and put the extra capacity on task nodes: spot: [task]',
        },
      );
    }
  },
});
