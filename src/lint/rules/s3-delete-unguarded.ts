import type { JsonPath } from '../../diagnostics/types';
import type { StepIR } from '../../ir/types';
import { fieldsOf, stepsOfKind, stringsIn, upstreamOf } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { pipelineRule } from '../types';
import { escapeHatchDeletes } from '../s3-deletes';

/** The folder of a key: itself when it ends in '/', else up to its last '/'. */
function folderOf(key: string): string {
  return key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1);
}

/** s3:// URIs inside a text (a Glue argument, an Athena query's LOCATION or FROM, an EMR step argument). */
function s3UrisIn(text: string): { bucket: string; key: string }[] {
  const out: { bucket: string; key: string }[] = [];
  for (const m of text.matchAll(/s3a?n?:\/\/[^\s'"`,;)]+/g)) {
    const uri = parseS3Uri(m[0].replace(/^s3a?n?:/, 's3:'));
    if (uri) out.push(uri);
  }
  return out;
}

/**
 * Whether an upstream step read or checked the objects the delete removes: a copy out of, a COPY from, or a sensor
 * on the same folder or a wider one; or a job that reads it: a Glue job argument, an Athena query (a partition's
 * LOCATION, a CTAS over it), EMR step or EMR Serverless arguments naming it. A copy of one day's file does not guard
 * deleting every day.
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
  const readers: unknown[] = [];
  const glue = fieldsOf(step, 'glue.job');
  if (glue) readers.push(glue.arguments);
  const athena = fieldsOf(step, 'athena.query');
  if (athena) readers.push(athena.query);
  const emr = fieldsOf(step, 'emr.steps') ?? fieldsOf(step, 'emr.cluster');
  if (emr) readers.push(emr.steps.map((s) => s.args));
  const serverless = fieldsOf(step, 'emr.serverless');
  if (serverless) readers.push(serverless.arguments, serverless.entryPoint);
  return readers.some((r) => stringsIn(r).some((s) => s3UrisIn(s.text).some((u) => covers(u.bucket, u.key))));
}

export const s3DeleteUnguarded = pipelineRule({
  meta: {
    code: 'DS426',
    name: 's3-delete-unguarded',
    defaultSeverity: 'error',
    category: 'reliability',
    description:
      'An S3 delete by prefix (s3.delete, or S3DeleteObjectsOperator through airflow.operator) has no upstream step that copied, loaded, read or checked those objects, or runs even when that step failed.',
  },
  defaultOptions: {},
  check(ctx) {
    const p = ctx.pipeline;
    const byId = new Map(p.steps.map((s) => [s.id, s]));
    const deletes: { step: StepIR; field: JsonPath; bucket: string; prefix: string }[] = [];
    for (const { step, fields } of stepsOfKind(p, 's3.delete')) {
      if (fields.prefix !== null) deletes.push({ step, field: ['prefix'], bucket: fields.bucket, prefix: fields.prefix });
    }
    for (const d of escapeHatchDeletes(p)) if (d.prefix !== null) deletes.push({ ...d, prefix: d.prefix });
    for (const { step, field, bucket, prefix } of deletes) {
      if (prefix === '' || prefix === '/') {
        ctx.reportStep(step, field, `this deletes every object in bucket '${bucket}'`, { hint: 'name the prefix to delete' });
        continue;
      }
      const upstream = [...upstreamOf(p, step)].map((id) => byId.get(id)).filter((s): s is StepIR => s !== undefined);
      const guard = upstream.find((s) => guards(s, bucket, prefix));
      if (!guard) {
        ctx.reportStep(
          step,
          field,
          `deletes everything under s3://${bucket}/${prefix} with no upstream step that copied, loaded, read or checked it`,
          {
            hint: 'depend on the step that copies, loads or reads these objects, so the delete only runs after it succeeded',
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
