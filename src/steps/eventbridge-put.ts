import { S } from '../base/json-schema';
import { dict, kwargs, lit, list, type PyExpr } from '../base/python-expr';
import { arnError, hasJinja } from '../base/values';
import type { JsonValue } from '../spec/scalars';
import { checkJinjaInJson, jsonText } from './json-field';
import { checkAwsName } from './kind-helpers';
import { defineStepKind } from './types';

/** PutEvents takes at most 10 entries per call. */
const MAX_ENTRIES = 10;

/** `eventbridge.put` -> EventBridgePutEventsOperator: send custom events (PutEvents). */
export const eventbridgePut = defineStepKind({
  kind: 'eventbridge.put',
  description: 'Send custom events to Amazon EventBridge (EventBridgePutEventsOperator).',
  notes:
    'Each `detail` is JSON-encoded at compile time (Jinja in its strings is rendered at run time); `eventBusName` defaults to the account\u2019s `default` bus. ' +
    'The task fails when any entry is refused (FailedEntryCount > 0).',
  airflowClass: { module: 'airflow.providers.amazon.aws.operators.eventbridge', name: 'EventBridgePutEventsOperator' },
  required: ['entries'],
  supportsDeferrable: false,
  properties: {
    entries: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_ENTRIES,
      description: 'The events to send (1 to 10, one PutEvents call).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'detailType', 'detail'],
        properties: {
          source: S.nonEmptyString("Event source, e.g. 'com.acme.ingest' (names starting with 'aws.' belong to AWS services).", { maxLength: 256 }),
          detailType: S.nonEmptyString("Event type, matched by rules' detail-type, e.g. 'PartitionLanded'.", { maxLength: 128 }),
          detail: S.anyMap('Event body (a JSON object), sent as JSON. Jinja in its strings is rendered by Airflow.'),
          eventBusName: S.nonEmptyString("Event bus name or ARN; default: the account's 'default' bus.", { maxLength: 1600 }),
          resources: S.stringList('ARNs of the AWS resources the event is about.', { items: { type: 'string', minLength: 1 } }),
        },
      },
    },
    endpointId: S.nonEmptyString('Global endpoint id (multi-Region failover), e.g. abcde.veo.'),
  },
  check(step, ctx) {
    step.entries.forEach((entry, i) => {
      if (!hasJinja(entry.source) && /^aws\./i.test(entry.source)) {
        ctx.report(
          'DS382',
          ['entries', i, 'source'],
          `source '${entry.source}' is reserved: names starting with 'aws.' belong to AWS services, and PutEvents refuses them`,
          {
            hint: "use your own namespace, e.g. 'com.acme.ingest'",
          },
        );
      }
      if (entry.eventBusName?.startsWith('arn:')) {
        const err = arnError(entry.eventBusName, 'any');
        if (err) ctx.report('DS309', ['entries', i, 'eventBusName'], err);
      }
      if (!entry.eventBusName?.startsWith('arn:') || !arnError(entry.eventBusName, 'any'))
        checkAwsName('eventBus', entry.eventBusName, ['entries', i, 'eventBusName'], ctx);
    });
    checkAwsName('eventBridgeEndpoint', step.endpointId, ['endpointId'], ctx);
    step.entries.forEach((entry, i) => {
      checkJinjaInJson(entry.detail, 'detail', {
        ...ctx,
        report: (code, path, message, opts) => ctx.report(code, ['entries', i, ...path], message, opts),
      });
    });
  },
  normalize(step) {
    return {
      entries: step.entries.map((e) => ({
        source: e.source,
        detailType: e.detailType,
        detail: e.detail,
        eventBusName: e.eventBusName ?? null,
        resources: e.resources ?? [],
      })),
      endpointId: step.endpointId ?? null,
    } satisfies EventbridgePutFields;
  },
  emit(f) {
    return kwargs({
      entries: list(f.entries.map(entryExpr)),
      endpoint_id: f.endpointId === null ? undefined : lit(f.endpointId),
    });
  },
});

/** One PutEventsRequestEntry, with the API's own key names. */
function entryExpr(e: EventbridgeEntry): PyExpr {
  const fields: [string, PyExpr][] = [
    ['Source', lit(e.source)],
    ['DetailType', lit(e.detailType)],
    ['Detail', lit(jsonText(e.detail))],
  ];
  if (e.eventBusName !== null) fields.push(['EventBusName', lit(e.eventBusName)]);
  if (e.resources.length > 0) fields.push(['Resources', lit(e.resources)]);
  return dict(fields);
}

export interface EventbridgeEntry {
  readonly source: string;
  readonly detailType: string;
  readonly detail: Readonly<Record<string, JsonValue>>;
  readonly eventBusName: string | null;
  readonly resources: readonly string[];
}

export interface EventbridgePutFields {
  readonly entries: readonly EventbridgeEntry[];
  readonly endpointId: string | null;
}
