import { isRecord } from '../util/is-record';
import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import { arnError } from '../base/values';
import { NOTIFICATION_EVENTS } from '../base/notifications';

type Obj = Record<string, unknown>;

/**
 * The alerts of the pipeline and of its steps: each topic is an SNS topic ARN (DS309), and an `onRetry` alert can
 * fire (DS398: a task with `retries: 0` is never up for retry, so its retry alert would never be sent).
 */
export function checkNotifications(data: Obj, r: Reporter): void {
  checkTopics(data.notifications, ['notifications'], r);
  const steps = Array.isArray(data.steps) ? data.steps : [];
  const defaults = isRecord(data.defaults) ? data.defaults : {};
  // Retries as written: a number, or unknown (a value the schema reports, or none at all: the built-in 0).
  const retriesOf = (step: Obj): number | undefined => {
    const v = step.retries !== undefined ? step.retries : (defaults.retries ?? 0);
    return typeof v === 'number' ? v : undefined;
  };
  let anyRetries = false;
  steps.forEach((step, index) => {
    if (!isRecord(step)) return;
    const base: JsonPath = ['steps', index];
    // Paths are made for steps that have notifications only (most have none).
    if (step.notifications !== undefined) checkTopics(step.notifications, [...base, 'notifications'], r);
    const retries = retriesOf(step);
    if (retries !== 0) anyRetries = true;
    if (retries === 0 && hasTopic(step.notifications, 'onRetry')) {
      r.report(
        'DS398',
        [...base, 'notifications', 'onRetry'],
        `step${typeof step.id === 'string' ? ` '${step.id}'` : ''} has an onRetry alert but retries: 0, so it is never retried and the alert never fires`,
        { hint: 'set retries on the step or in defaults, or drop its onRetry' },
      );
    }
  });
  if (steps.length > 0 && !anyRetries && hasTopic(data.notifications, 'onRetry')) {
    r.report(
      'DS398',
      ['notifications', 'onRetry'],
      'the pipeline has an onRetry alert but no step is retried (retries: 0 everywhere), so it never fires',
      {
        hint: 'set retries in defaults or on the steps that may fail for a moment, or drop onRetry',
      },
    );
  }
}

function hasTopic(notifications: unknown, event: string): boolean {
  return isRecord(notifications) && isRecord(notifications[event]) && typeof notifications[event].sns === 'string';
}

function checkTopics(notifications: unknown, base: JsonPath, r: Reporter): void {
  if (!isRecord(notifications)) return;
  for (const event of NOTIFICATION_EVENTS) {
    const on = notifications[event];
    const sns = isRecord(on) ? on.sns : undefined;
    if (typeof sns !== 'string') continue;
    const err = arnError(sns, 'sns-topic');
    if (err) r.report('DS309', [...base, event, 'sns'], err);
  }
}
