import type { RuleMeta } from '../types';

/** The checks of `lint --remote` (src/lint/remote.ts): configurable and suppressible like rules. */
export const REMOTE_RULES: readonly { readonly meta: RuleMeta }[] = [
  {
    meta: {
      code: 'DS480',
      name: 'remote-glue-job',
      defaultSeverity: 'error',
      description: 'lint --remote: a glue.job names a Glue job that does not exist in the account and region (and the step cannot create it).',
    },
  },
  {
    meta: {
      code: 'DS481',
      name: 'remote-glue-crawler',
      defaultSeverity: 'error',
      description: 'lint --remote: a glue.crawler names a crawler that does not exist (and the step cannot create it).',
    },
  },
  {
    meta: {
      code: 'DS482',
      name: 'remote-security-configuration',
      defaultSeverity: 'error',
      description: 'lint --remote: a glue.job names a Glue security configuration that does not exist.',
    },
  },
  {
    meta: {
      code: 'DS483',
      name: 'remote-bucket',
      defaultSeverity: 'error',
      description: 'lint --remote: a step names an S3 bucket that does not exist.',
    },
  },
  {
    meta: {
      code: 'DS484',
      name: 'remote-bucket-encryption',
      defaultSeverity: 'warning',
      description: 'lint --remote: an S3 bucket a step uses does not encrypt new objects with SSE-KMS by default.',
    },
  },
  {
    meta: {
      code: 'DS485',
      name: 'remote-public-access-block',
      defaultSeverity: 'warning',
      description: 'lint --remote: an S3 bucket a step uses does not have all four Block Public Access settings on.',
    },
  },
  {
    meta: {
      code: 'DS486',
      name: 'remote-check-failed',
      defaultSeverity: 'warning',
      description: 'lint --remote: a lookup was refused or failed (access denied, not supported by the endpoint), so the resource was not checked.',
    },
  },
];
