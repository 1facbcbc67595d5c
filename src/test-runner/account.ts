/**
 * The emulated account a pipeline expects before its run: what it names that exists in a real account and that it
 * does not create itself. The buckets it reads or writes, the Glue jobs and crawlers it names without their
 * definition (`lint --remote` checks the same list in AWS: referencedResources), the IAM roles the Glue operator
 * looks up by name, the Glue databases of its crawlers, its Athena workgroups, its alert topic and event buses.
 * A test's own `given` comes on top. Names rendered at run time (`{{ ... }}`) cannot be known and are left out.
 */
import { NOTIFICATION_EVENTS } from '../base/notifications';
import type { PipelineIR } from '../ir/types';
import { fieldsOf } from '../ir/queries';
import { referencedResources } from '../lint/remote';
import type { Given, SetupCall } from './protocol';

/** moto's account id (every ARN the emulator makes has it). */
export const MOTO_ACCOUNT = '123456789012';
/** The role a job or crawler that exists "in the account" runs as, when the pipeline does not name one. */
const PLACEHOLDER_ROLE = `arn:aws:iam::${MOTO_ACCOUNT}:role/dagsmith-test`;
const TRUST = (service: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

const isTemplate = (s: string) => s.includes('{{') || s.includes('{%');

/** The setup of the emulated account for one pipeline (no objects: those come from the test's `given`). */
export function accountFor(ir: PipelineIR): Given {
  const refs = referencedResources([ir]);
  const buckets = new Set<string>(refs.buckets.keys());
  const calls: SetupCall[] = [];
  const once = new Set<string>();
  const add = (call: SetupCall) => {
    const key = `${call.service} ${call.operation} ${JSON.stringify(call.args)}`;
    if (once.has(key)) return;
    once.add(key);
    calls.push({ ...call, ignoreExisting: true });
  };
  for (const step of ir.steps) {
    const job = fieldsOf(step, 'glue.job');
    if (job && !isTemplate(job.job)) {
      if (job.scriptLocation && job.role) {
        // The operator creates the job and looks its role up by name (GetRole) unless it is an ARN.
        if (!job.role.startsWith('arn:'))
          add({ service: 'iam', operation: 'CreateRole', args: { RoleName: job.role, AssumeRolePolicyDocument: TRUST('glue.amazonaws.com') } });
      } else if (refs.jobs.has(job.job)) {
        add({
          service: 'glue',
          operation: 'CreateJob',
          args: {
            Name: job.job,
            Role: job.role ?? PLACEHOLDER_ROLE,
            Command: { Name: 'glueetl', ScriptLocation: job.scriptLocation ?? `s3://dagsmith-test/scripts/${job.job}.py` },
            ...(job.glueVersion ? { GlueVersion: job.glueVersion } : {}),
          },
        });
      }
    }
    const crawler = fieldsOf(step, 'glue.crawler');
    if (crawler && !isTemplate(crawler.crawler)) {
      const database = crawler.database ?? 'default';
      add({ service: 'glue', operation: 'CreateDatabase', args: { DatabaseInput: { Name: database } } });
      if (refs.crawlers.has(crawler.crawler)) {
        const targets = crawler.s3Targets.length > 0 ? crawler.s3Targets : [`s3://dagsmith-test/${crawler.crawler}/`];
        add({
          service: 'glue',
          operation: 'CreateCrawler',
          args: {
            Name: crawler.crawler,
            Role: crawler.role ?? PLACEHOLDER_ROLE,
            DatabaseName: database,
            Targets: { S3Targets: targets.map((Path) => ({ Path })) },
          },
        });
      }
    }
    const athena = fieldsOf(step, 'athena.query');
    if (athena && athena.workgroup !== 'primary' && !isTemplate(athena.workgroup)) {
      // moto 5.1 answers HTTP 500 to a CreateWorkGroup without Configuration.
      add({ service: 'athena', operation: 'CreateWorkGroup', args: { Name: athena.workgroup, Configuration: {} } });
    }
    const put = fieldsOf(step, 's3.put');
    if (put) buckets.add(put.bucket);
    const events = fieldsOf(step, 'eventbridge.put');
    for (const entry of events?.entries ?? []) {
      const bus = entry.eventBusName;
      if (bus && bus !== 'default' && !bus.startsWith('arn:') && !isTemplate(bus))
        add({ service: 'events', operation: 'CreateEventBus', args: { Name: bus } });
    }
  }
  const topics = new Set<string>();
  for (const n of [ir.notifications, ...ir.steps.map((s) => s.notifications)]) {
    for (const event of NOTIFICATION_EVENTS) if (n[event].sns) topics.add(n[event].sns);
  }
  for (const topic of [...topics].sort()) add({ service: 'sns', operation: 'CreateTopic', args: { Name: topic.split(':').pop()! } });
  for (const b of [...buckets]) if (isTemplate(b) || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b)) buckets.delete(b);
  return { buckets: [...buckets].sort(), calls };
}

/** Merges the pipeline's account with a test's own `given` (the test's entries come last, so they win). */
export function mergeGiven(base: Given, extra: Given | undefined): Given {
  if (!extra) return base;
  return {
    buckets: [...new Set([...(base.buckets ?? []), ...(extra.buckets ?? [])])].sort(),
    s3: [...(base.s3 ?? []), ...(extra.s3 ?? [])],
    calls: [...(base.calls ?? []), ...(extra.calls ?? [])],
  };
}
