import type { JsonPath } from '../../diagnostics/types';
import type { PipelineIR } from '../../ir/types';
import { fieldsOf } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { projectRule } from '../types';

interface Write {
  readonly pipeline: PipelineIR;
  readonly path: JsonPath;
  readonly bucket: string;
  /** Folder written into, ending in '/' (or '' for the bucket root). */
  readonly prefix: string;
}

/** The S3 folders a pipeline writes: s3.copy destinations and the assets its steps declare they produce. */
function writesOf(p: PipelineIR): Write[] {
  const out: Write[] = [];
  const folder = (key: string) => (key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1));
  for (const step of p.steps) {
    const copy = fieldsOf(step, 's3.copy');
    if (copy) out.push({ pipeline: p, path: [...step.origin.path, 'to'], bucket: copy.to.bucket, prefix: folder(copy.to.key) });
    step.produces.forEach((uri, i) => {
      const u = parseS3Uri(uri);
      if (u)
        out.push({
          pipeline: p,
          path: [...step.origin.path, 'produces', i],
          bucket: u.bucket,
          prefix: u.key === '' || u.key.endsWith('/') ? u.key : `${u.key}/`,
        });
    });
  }
  return out;
}

/** Templated parts (`{{ ds }}`) differ per run: compare the part before the first template. */
function stablePart(prefix: string): string {
  const i = prefix.indexOf('{{');
  return i < 0 ? prefix : prefix.slice(0, prefix.lastIndexOf('/', i) + 1);
}

export const sharedS3Prefix = projectRule({
  meta: {
    code: 'DS440',
    name: 'shared-s3-prefix',
    defaultSeverity: 'warning',
    description:
      'Two pipelines write into the same S3 prefix (or one inside the other): their runs overwrite each other and downstream readers see a mix.',
  },
  defaultOptions: {},
  check(pipelines, ctx) {
    const writes = pipelines.flatMap(writesOf);
    const reported = new Set<string>();
    for (const a of writes) {
      for (const b of writes) {
        if (a.pipeline === b.pipeline || a.bucket !== b.bucket) continue;
        const pa = stablePart(a.prefix);
        const pb = stablePart(b.prefix);
        if (!(pa.startsWith(pb) || pb.startsWith(pa))) continue;
        const k = `${a.pipeline.source.file}\0${JSON.stringify(a.path)}`;
        if (reported.has(k)) continue;
        reported.add(k);
        ctx.report(
          { pipeline: a.pipeline, path: a.path },
          `pipeline '${b.pipeline.id}' (${b.pipeline.source.file}) also writes under s3://${b.bucket}/${pb.length <= pa.length ? pb : pa}`,
          { hint: 'give each pipeline its own prefix, or make one pipeline own the data and the other depend on it (schedule: { assets: [...] })' },
        );
      }
    }
  },
});
