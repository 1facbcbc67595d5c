import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

/** The first-generation default roles: their managed policies (deprecated) reach every bucket and much of EC2. */
const DEFAULTS = new Map([
  ['serviceRole', 'EMR_DefaultRole'],
  ['jobFlowRole', 'EMR_EC2_DefaultRole'],
]);

/**
 * EMR's default service role and instance profile carry AmazonElasticMapReduceRole and
 * AmazonElasticMapReduceforEC2Role, broad policies AWS has deprecated (EMR Management Guide, "Configure IAM service
 * roles for Amazon EMR permissions"; "Customize the instance profile": scope it to the cluster's buckets).
 */
export const emrDefaultRoles = pipelineRule({
  meta: {
    code: 'DS452',
    name: 'emr-default-roles',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 5,
    description:
      'An emr.cluster uses the default EMR_DefaultRole service role or EMR_EC2_DefaultRole instance profile (broad, deprecated managed policies).',
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'emr.cluster')) {
      for (const [field, name] of DEFAULTS) {
        const value = field === 'serviceRole' ? fields.serviceRole : fields.jobFlowRole;
        if (value.replace(/^arn:[^:]+:iam::\d{12}:(role|instance-profile)\//, '') !== name) continue;
        const written = ctx.has(ctx.pipeline, [...step.origin.path, field]);
        ctx.reportStep(
          step,
          written ? [field] : ['name'],
          `cluster '${fields.name}' uses the default ${field === 'serviceRole' ? 'service role' : 'instance profile'} ${name}${written ? '' : ` (${field} is not set)`}, whose managed policy reaches every bucket`,
          {
            hint:
              field === 'serviceRole'
                ? 'use EMR_DefaultRole_V2 (AmazonEMRServicePolicy_v2) or a role of your own'
                : 'give the nodes an instance profile scoped to the buckets and tables the cluster uses',
          },
        );
      }
    }
  },
});
