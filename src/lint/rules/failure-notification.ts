import { pipelineRule } from '../types';

export const failureNotification = pipelineRule({
  meta: {
    code: 'DS428',
    name: 'failure-notification',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      'A pipeline (scheduled, data-aware or triggered from outside) has no notifications.onFailure, and not every step alerts on its own failure: a failed run is noticed only when someone looks.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    if (p.notifications.onFailure.sns !== null) return;
    // Steps may alert on their own failure: every step doing so covers the run; some doing so leave the others silent.
    const alerting = p.steps.filter((s) => s.notifications.onFailure.sns !== null);
    if (p.steps.length > 0 && alerting.length === p.steps.length) return;
    const what = p.schedule.type === 'none' ? 'pipeline' : p.schedule.type === 'assets' ? 'data-aware pipeline' : 'scheduled pipeline';
    const note = p.schedule.type === 'none' ? ' (runs triggered by events or the API fail as silently as scheduled ones)' : '';
    const silent = p.steps.filter((s) => s.notifications.onFailure.sns === null).map((s) => `'${s.id}'`);
    const message =
      alerting.length > 0
        ? `${what} '${p.id}' alerts only when ${alerting.map((s) => `'${s.id}'`).join(', ')} fail${alerting.length === 1 ? 's' : ''}: a failure of ${silent.slice(0, 3).join(', ')}${silent.length > 3 ? ` and ${silent.length - 3} more` : ''} alerts nobody${note}`
        : `${what} '${p.id}' alerts nobody when a run fails${note}`;
    ctx.report(['id'], message, {
      at: 'key',
      hint: "set notifications.onFailure.sns to the team's alert topic",
    });
  },
});
