import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

interface Options {
  readonly minNodes: number;
}

/**
 * Large EMR clusters should run their task capacity on Spot: task nodes hold no HDFS data, so an interruption
 * only costs the work in flight, and Spot saves up to 90% (EMR best practices, "Use Spot Instances for task nodes").
 */
export const emrSpotCapacity = pipelineRule<Options>({
  meta: {
    code: 'DS415',
    name: 'emr-spot-capacity',
    defaultSeverity: 'warning',
    description: 'An emr.cluster with many core and task nodes (minNodes, default 10) runs none of them on Spot.',
    options: {
      type: 'object',
      properties: { minNodes: { type: 'integer', minimum: 1, description: 'Core and task nodes from which Spot capacity is expected.' } },
      additionalProperties: false,
    },
  },
  defaultOptions: { minNodes: 10 },
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'emr.cluster')) {
      const workers = fields.instances.roles.filter((r) => r.role !== 'master');
      const nodes = workers.reduce((n, r) => n + r.count, 0);
      if (nodes < ctx.options.minNodes || workers.some((r) => r.spot)) continue;
      const hasTask = workers.some((r) => r.role === 'task');
      ctx.reportStep(step, ['instances'], `cluster '${fields.name}' runs ${nodes} core and task nodes, none of them on Spot`, {
        hint: hasTask
          ? 'add spot: [task]: task nodes hold no HDFS data, so a Spot interruption only costs work in flight'
          : 'move part of the capacity to task nodes on Spot (instances.task, spot: [task])',
      });
    }
  },
});
