import { pipelineRule } from '../types';

export const failureNotification = pipelineRule({
  meta: {
    code: 'DS428',
    name: 'failure-notification',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      'A pipeline (scheduled, data-aware or triggered from outside) has no notifications.onFailure: a failed run is noticed only when someone looks.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    if (p.notifications.onFailure.sns !== null) return;
    const what = p.schedule.type === 'none' ? 'pipeline' : p.schedule.type === 'assets' ? 'data-aware pipeline' : 'scheduled pipeline';
    const note = p.schedule.type === 'none' ? ' (runs triggered by events or the API fail as silently as scheduled ones)' : '';
    ctx.report(['id'], `${what} '${p.id}' alerts nobody when a run fails${note}`, {
      at: 'key',
      hint: "set notifications.onFailure.sns to the team's alert topic",
    });
  },
});
