import { stepsOfKind } from '../../ir/queries';
import { pipelineRule } from '../types';

/**
 * EMR encrypts nothing by itself: at-rest encryption of EMRFS data, local disks and EBS volumes, and in-transit
 * encryption between nodes come from a security configuration (EMR Management Guide, "Encrypt data at rest and in
 * transit"; Data Analytics Lens, best practice 3.6 "Implement encryption policies").
 */
export const emrSecurityConfiguration = pipelineRule({
  meta: {
    code: 'DS448',
    name: 'emr-security-configuration',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 6.5,
    description: 'An emr.cluster has no securityConfiguration: no encryption at rest (EMRFS, local disks, EBS) or in transit.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const { step, fields } of stepsOfKind(ctx.pipeline, 'emr.cluster')) {
      if (fields.securityConfiguration !== null) continue;
      ctx.reportStep(step, ['name'], `cluster '${fields.name}' has no security configuration: its data is not encrypted at rest or in transit`, {
        hint: 'create an EMR security configuration with at-rest (SSE-KMS, local disk) and in-transit encryption and set securityConfiguration',
      });
    }
  },
});
