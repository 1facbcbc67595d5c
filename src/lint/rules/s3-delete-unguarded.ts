import type { StepIR } from '../../ir/types';
import { fieldsOf, stepsOfKind, upstreamOf } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { pipelineRule } from '../types';

/** The folder of a key: itself when it ends in '/', else up to its last '/'. */
function folderOf(key: string): string {
  return key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1);
}

/**
 * Whether an upstream step read or checked the objects the delete removes: a copy out of, a COPY from, or a sensor
 * on the same folder or a wider one. A copy of one day's file does not guard deleting every day.
 */
function guards(step: StepIR, bucket: string, prefix: string): boolean {
  const covers = (b: string, key: string) => b === bucket && prefix.startsWith(folderOf(key));
  const copy = fieldsOf(step, 's3.copy');
  if (copy) return covers(copy.from.bucket, copy.from.key);
  const load = fieldsOf(step, 'redshift.copy');
  if (load) {
    const from = parseS3Uri(load.from);
    return from !== undefined && covers(from.bucket, from.key);
  }
  const wait = fieldsOf(step, 's3.wait');
  if (wait) return (typeof wait.key === 'string' ? [wait.key] : wait.key).some((k) => covers(wait.bucket, k));
  return false;
}

export const s3DeleteUnguarded = pipelineRule({
  meta: {
    code: 'DS426',
    name: 's3-delete-unguarded',
    defaultSeverity: 'error',
    description:
      's3.delete removes a whole prefix without an upstream step that copied, loaded or checked those objects, or runs even when that step failed.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    const byId = new Map(p.steps.map((s) => [s.id, s]));
    for (const { step, fields } of stepsOfKind(p, 's3.delete')) {
      if (fields.prefix === null) continue;
      if (fields.prefix === '' || fields.prefix === '/') {
        ctx.reportStep(step, ['prefix'], `this deletes every object in bucket '${fields.bucket}'`, { hint: 'name the prefix to delete' });
        continue;
      }
      const upstream = [...upstreamOf(p, step)].map((id) => byId.get(id)).filter((s): s is StepIR => s !== undefined);
      const guard = upstream.find((s) => guards(s, fields.bucket, fields.prefix!));
      if (!guard) {
        ctx.reportStep(
          step,
          ['prefix'],
          `deletes everything under s3://${fields.bucket}/${fields.prefix} with no upstream step that copied, loaded or checked it`,
          {
            hint: 'depend on the step that copies or loads these objects, so the delete only runs after it succeeded',
          },
        );
      } else if (step.triggerRule !== 'all_success' && step.triggerRule !== 'none_failed' && step.triggerRule !== 'none_failed_min_one_success') {
        ctx.reportStep(
          step,
          ['triggerRule'],
          `triggerRule '${step.triggerRule}' runs this delete even when '${guard.id}' failed, losing objects that were never copied`,
          {
            hint: 'use the default triggerRule (all_success)',
          },
        );
      }
    }
  },
});
