// Team-wide standards shared by the TypeScript pipelines: retry policies and alert routing.
// Files and folders whose names start with `_` are helpers, not pipelines: dagsmith does not compile them.
import type { PipelineInput, StepDefaults } from 'dagsmith';

/** Retry and timeout policy by service tier; a pipeline takes one as its `defaults`, a step may override it. */
export const RETRY_POLICY = {
  /** Feeds a model or a dashboard with an SLA: retry hard, fail fast per try. */
  critical: { retries: 4, retryDelay: '2m', retryExponentialBackoff: true, executionTimeout: '1h' },
  /** Most pipelines. */
  standard: { retries: 2, retryDelay: '5m', executionTimeout: '2h' },
  /** Backfills and exploration: one retry, long tries. */
  bestEffort: { retries: 1, retryDelay: '15m', executionTimeout: '6h' },
} as const satisfies Record<string, StepDefaults>;

export type Tier = keyof typeof RETRY_POLICY;

const ALERT_TOPICS = {
  'ml-data': 'arn:aws:sns:us-east-1:123456789012:ml-alerts',
  'data-platform': 'arn:aws:sns:us-east-1:123456789012:platform-alerts',
  'analytics-eng': 'arn:aws:sns:us-east-1:123456789012:analytics-alerts',
} as const;

export type Team = keyof typeof ALERT_TOPICS;

/** The fields every team pipeline shares: owner, tags, the tier's retries, and failure alerts to the team. */
export function teamStandards(team: Team, tier: Tier, extraDefaults: StepDefaults = {}) {
  return {
    owner: team,
    defaults: { ...RETRY_POLICY[tier], region: 'us-east-1', ...extraDefaults },
    notifications: { onFailure: { sns: ALERT_TOPICS[team] } },
  } satisfies Partial<PipelineInput>;
}
