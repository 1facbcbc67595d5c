import { S, type JsonSchema } from './json-schema';

/**
 * Alerts: an SNS topic per event, for the pipeline (`notifications`) and for one step (a step's `notifications`,
 * which replaces the pipeline's topic for that event on that step's tasks).
 *
 * What each event means on the pipeline: `onFailure` alerts when a task fails for good and when a run fails (both:
 * a run that hits dagrunTimeout fails without a failed task); `onSuccess` alerts when a run succeeds (not once per
 * task); `onRetry` alerts when a task fails and will be retried. On a step, each event is about that step's tasks.
 */
export const NOTIFICATION_EVENTS = ['onFailure', 'onSuccess', 'onRetry'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** The topics of each event (null: no alert for it). */
export type NotificationsIR = { readonly [E in NotificationEvent]: { readonly sns: string | null } };

/** No notifications: shared by every pipeline and step without any (frozen: the IR is read-only). */
export const NO_NOTIFICATIONS: NotificationsIR = Object.freeze({
  onFailure: Object.freeze({ sns: null }),
  onSuccess: Object.freeze({ sns: null }),
  onRetry: Object.freeze({ sns: null }),
});

const EVENT_TEXT: Readonly<Record<NotificationEvent, { pipeline: string; step: string }>> = {
  onFailure: {
    pipeline: 'Where to send an alert when a task fails for good, and when a run fails.',
    step: "Where to send an alert when this step's task fails for good (instead of the pipeline's topic).",
  },
  onSuccess: {
    pipeline: 'Where to send an alert when a run succeeds.',
    step: "Where to send an alert when this step's task succeeds.",
  },
  onRetry: {
    pipeline: 'Where to send an alert when a task fails and will be retried.',
    step: "Where to send an alert when this step's task fails and will be retried (instead of the pipeline's topic).",
  },
};

/** The schema of `notifications`, for the pipeline or for a step. */
export function notificationsSchema(of: 'pipeline' | 'step'): JsonSchema {
  return {
    type: 'object',
    description: of === 'pipeline' ? 'Alerts.' : "Alerts about this step's task, in place of the pipeline's for the events it names.",
    properties: Object.fromEntries(
      NOTIFICATION_EVENTS.map((e) => [
        e,
        {
          type: 'object',
          description: EVENT_TEXT[e][of],
          properties: { sns: S.string('SNS topic ARN.', { tsType: 'SnsTopicArn' }) },
          additionalProperties: false,
        } satisfies JsonSchema,
      ]),
    ),
    additionalProperties: false,
  };
}

/** The IR of a (validated, resolved) `notifications` value. */
export function normalizeNotifications(spec: { readonly [E in NotificationEvent]?: { readonly sns?: string } } | undefined): NotificationsIR {
  // Most steps have none: they share one (the IR is read-only).
  if (spec === undefined) return NO_NOTIFICATIONS;
  return {
    onFailure: { sns: spec.onFailure?.sns ?? null },
    onSuccess: { sns: spec.onSuccess?.sns ?? null },
    onRetry: { sns: spec.onRetry?.sns ?? null },
  };
}

/** Whether any event has a topic. */
export function hasNotifications(n: NotificationsIR): boolean {
  return NOTIFICATION_EVENTS.some((e) => n[e].sns !== null);
}
