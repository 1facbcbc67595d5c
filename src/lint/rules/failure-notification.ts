import { pipelineRule } from '../types';

export const failureNotification = pipelineRule({
  meta: {
    code: 'DS428',
    name: 'failure-notification',
    defaultSeverity: 'warning',
    description: 'A scheduled pipeline has no notifications.onFailure: a failed run is noticed only when someone looks.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    if (p.schedule.type === 'none' || p.notifications.onFailure.sns !== null) return;
    ctx.report(['id'], `scheduled pipeline '${p.id}' alerts nobody when a run fails`, {
      at: 'key',
      hint: "set notifications.onFailure.sns to the team's alert topic",
    });
  },
});
