import type { JsonPath } from '../../diagnostics/types';
import type { PipelineIR, StepIR } from '../../ir/types';
import { fieldsOf, upstreamOf } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { urisAfterFlag } from '../job-args';
import { projectRule } from '../types';

/** Where a step reads S3 data, as written at `path` (relative to the pipeline). */
interface Read {
  readonly step: StepIR;
  readonly path: JsonPath;
  readonly bucket: string;
  /** The folder read, up to the first template (`{{ ds }}` differs per run). */
  readonly folder: string;
  /** The URI as the field writes it. */
  readonly uri: string;
}

/** An argument that names what a job reads: `--input`, `--input-path`, `--source`, `--src`, ... */
const INPUT_FLAG =
  /^--?(in|input|inputs|input[-_]?(path|uri|dir|location|prefix|data)|source|src|source[-_]?(path|uri|location|prefix)|read[-_]?path)$/i;

/** The folder of a key up to its first template: itself when it ends in '/', else up to its last '/'. */
function stableFolder(key: string): string {
  const t = key.indexOf('{{');
  const upTo = t < 0 ? key : key.slice(0, t);
  return upTo.endsWith('/') ? upTo : upTo.slice(0, upTo.lastIndexOf('/') + 1);
}

/**
 * What a step reads from S3, where the field says so without guessing: an s3.copy's source, a Redshift COPY's
 * source, and job arguments under an input flag (Glue arguments, EMR and EMR Serverless step arguments). Outputs
 * and URIs inside free text (SQL) are not reads here: the rule stays quiet rather than guess.
 */
function readsOf(step: StepIR): Read[] {
  const out: Read[] = [];
  const add = (path: JsonPath, uri: string) => {
    const u = parseS3Uri(uri);
    if (u) out.push({ step, path: [...step.origin.path, ...path], bucket: u.bucket, folder: stableFolder(u.key), uri });
  };
  const copy = fieldsOf(step, 's3.copy');
  if (copy)
    out.push({
      step,
      path: [...step.origin.path, 'from'],
      bucket: copy.from.bucket,
      folder: stableFolder(copy.from.key),
      uri: `s3://${copy.from.bucket}/${copy.from.key}`,
    });
  const load = fieldsOf(step, 'redshift.copy');
  if (load) add(['from'], load.from);
  const glue = fieldsOf(step, 'glue.job');
  if (glue) for (const [flag, value] of Object.entries(glue.arguments)) if (INPUT_FLAG.test(flag)) add(['arguments', flag], value);
  const emr = fieldsOf(step, 'emr.steps') ?? fieldsOf(step, 'emr.cluster');
  if (emr) emr.steps.forEach((s, i) => urisAfterFlag(s.args, INPUT_FLAG).forEach(({ index, uri }) => add(['steps', i, 'args', index], uri)));
  const serverless = fieldsOf(step, 'emr.serverless');
  if (serverless) urisAfterFlag(serverless.arguments, INPUT_FLAG).forEach(({ index, uri }) => add(['arguments', index], uri));
  return out;
}

/** Whether an upstream step waits for data (an s3.wait on the folder, or any sensor class) before `step` runs. */
function waitsFirst(p: PipelineIR, step: StepIR, bucket: string, folder: string): boolean {
  const byId = new Map(p.steps.map((s) => [s.id, s]));
  for (const id of upstreamOf(p, step)) {
    const s = byId.get(id);
    if (!s) continue;
    const wait = fieldsOf(s, 's3.wait');
    if (wait && wait.bucket === bucket) {
      const keys = typeof wait.key === 'string' ? [wait.key] : wait.key;
      if (keys.some((k) => stableFolder(k).startsWith(folder) || folder.startsWith(stableFolder(k)))) return true;
    }
    const escape = fieldsOf(s, 'airflow.operator');
    if (escape && /Sensor$/.test(escape.operator.name)) return true;
  }
  return false;
}

function clockText(p: PipelineIR): string | undefined {
  const s = p.schedule;
  if (s.type === 'cron') return s.expression;
  if (s.type === 'preset') return s.preset;
  if (s.type === 'interval') return 'a fixed interval';
  return undefined;
}

/**
 * A pipeline that reads data another pipeline of the project produces (its `produces` asset) on a clock of its own:
 * it runs whether the producer has finished or not. The asset graph makes the dependency explicit.
 */
export const producedDataOnClock = projectRule({
  meta: {
    code: 'DS460',
    name: 'produced-data-on-clock',
    defaultSeverity: 'warning',
    category: 'reliability',
    description:
      'A pipeline reads S3 data that another pipeline produces as an asset, but runs on a time schedule with no wait for it: a late or failed producer run is read as it is. Schedule it on the asset, or wait for the data.',
  },
  defaultOptions: {},
  check(pipelines, ctx) {
    const produced: { pipeline: PipelineIR; step: StepIR; uri: string; bucket: string; folder: string }[] = [];
    for (const p of pipelines)
      for (const step of p.steps)
        for (const uri of step.produces) {
          const u = parseS3Uri(uri);
          if (u)
            produced.push({
              pipeline: p,
              step,
              uri,
              bucket: u.bucket,
              folder: stableFolder(u.key === '' || u.key.endsWith('/') ? u.key : `${u.key}/`),
            });
        }
    if (produced.length === 0) return;
    for (const p of pipelines) {
      const clock = clockText(p);
      if (clock === undefined) continue;
      for (const step of p.steps) {
        const seen = new Set<string>();
        for (const r of readsOf(step)) {
          const by = produced.find((a) => a.pipeline !== p && a.bucket === r.bucket && r.folder.startsWith(a.folder));
          if (!by || seen.has(by.pipeline.id) || waitsFirst(p, step, r.bucket, r.folder)) continue;
          seen.add(by.pipeline.id);
          ctx.report(
            { pipeline: p, path: r.path },
            `reads ${r.uri}, which pipeline '${by.pipeline.id}' (${by.pipeline.source.file}) produces as asset ${by.uri}, ` +
              `but '${p.id}' runs on its own schedule (${clock}): a late or failed '${by.pipeline.id}' run is read as it is`,
            {
              hint: `schedule '${p.id}' on the asset (schedule: { assets: ["${by.uri}"] }), or wait for the data with an s3.wait step before this one`,
            },
          );
        }
      }
    }
  },
});
