import type { JsonPath } from '../../diagnostics/types';
import type { PipelineIR, StepIR } from '../../ir/types';
import { fieldsOf } from '../../ir/queries';
import { parseS3Uri } from '../../base/s3-uri';
import { projectRule } from '../types';

interface Write {
  readonly pipeline: PipelineIR;
  readonly step: StepIR;
  /** Which of the step's writes: its s3.copy destination (-1), or the index of an asset it produces. */
  readonly produced: number;
  readonly bucket: string;
  /** Folder written into, ending in '/' (or '' for the bucket root). */
  readonly prefix: string;
}

/** The spec path of a write: made only for a write reported (a lint of 1,000 pipelines has thousands of writes). */
function pathOf(w: Write): JsonPath {
  return w.produced < 0 ? [...w.step.origin.path, 'to'] : [...w.step.origin.path, 'produces', w.produced];
}

/** The S3 folders a pipeline writes: s3.copy destinations and the assets its steps declare they produce. */
function writesOf(p: PipelineIR): Write[] {
  const out: Write[] = [];
  for (const step of p.steps) {
    const copy = fieldsOf(step, 's3.copy');
    if (copy) {
      const key = copy.to.key;
      out.push({ pipeline: p, step, produced: -1, bucket: copy.to.bucket, prefix: key.endsWith('/') ? key : key.slice(0, key.lastIndexOf('/') + 1) });
    }
    const produces = step.produces;
    for (let i = 0; i < produces.length; i++) {
      const u = parseS3Uri(produces[i]!);
      if (u) out.push({ pipeline: p, step, produced: i, bucket: u.bucket, prefix: u.key === '' || u.key.endsWith('/') ? u.key : `${u.key}/` });
    }
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
    const stable = writes.map((w) => stablePart(w.prefix));
    // Prefixes end in '/' (or are ''), so one is inside another exactly when it starts with it: the ones above a
    // write are its folder prefixes (looked up by key), the ones below it a range of the sorted list. This keeps the
    // rule near-linear; comparing every pair took most of lint's time on a thousand pipelines. Looked up by bucket,
    // then by prefix: no `bucket + prefix` key string is made for each of a write's folder prefixes.
    const byBucket = new Map<string, Map<string, number[]>>();
    writes.forEach((w, i) => {
      let byPrefix = byBucket.get(w.bucket);
      if (!byPrefix) byBucket.set(w.bucket, (byPrefix = new Map<string, number[]>()));
      const list = byPrefix.get(stable[i]!);
      if (list) list.push(i);
      else byPrefix.set(stable[i]!, [i]);
    });
    // Sorted by bucket, then stable prefix: buckets are compared as their rank among the few distinct ones.
    const bucketRank = new Map([...new Set(writes.map((w) => w.bucket))].sort(cmp).map((b, i) => [b, i]));
    const rank = writes.map((w) => bucketRank.get(w.bucket)!);
    const sorted = writes.map((_, i) => i).sort((x, y) => rank[x]! - rank[y]! || cmp(stable[x]!, stable[y]!) || x - y);
    // The first place in `sorted` at or after each write's own (bucket, prefix): where the run of writes with the
    // same bucket and prefix starts, found in one pass over `sorted` (a write is in `sorted` itself, so no search).
    const firstAt = new Array<number>(writes.length);
    for (let k = 0; k < sorted.length; k++) {
      const j = sorted[k]!;
      const prev = k > 0 ? sorted[k - 1]! : -1;
      firstAt[j] = prev >= 0 && rank[prev] === rank[j] && stable[prev] === stable[j] ? firstAt[prev]! : k;
    }
    const reported = new Set<string>();
    writes.forEach((a, ai) => {
      const pa = stable[ai]!;
      let best = -1;
      const consider = (bi: number) => {
        if (writes[bi]!.pipeline !== a.pipeline && (best < 0 || bi < best)) best = bi;
      };
      // Above (and equal): every folder prefix of pa.
      const byPrefix = byBucket.get(a.bucket)!;
      for (let cut = pa.indexOf('/'); ; cut = pa.indexOf('/', cut + 1)) {
        const prefix = cut < 0 ? '' : pa.slice(0, cut + 1);
        for (const bi of byPrefix.get(prefix) ?? []) consider(bi);
        if (cut < 0) break;
      }
      for (const bi of byPrefix.get(pa) ?? []) consider(bi);
      // Below: the sorted range of prefixes that start with pa.
      for (let k = firstAt[ai]!; k < sorted.length; k++) {
        const bi = sorted[k]!;
        if (writes[bi]!.bucket !== a.bucket || !stable[bi]!.startsWith(pa)) break;
        consider(bi);
      }
      if (best < 0) return;
      const b = writes[best]!;
      const pb = stable[best]!;
      const path = pathOf(a);
      const k = `${a.pipeline.source.file}\0${JSON.stringify(path)}`;
      if (reported.has(k)) return;
      reported.add(k);
      ctx.report(
        { pipeline: a.pipeline, path },
        `pipeline '${b.pipeline.id}' (${b.pipeline.source.file}) also writes under s3://${b.bucket}/${pb.length <= pa.length ? pb : pa}`,
        { hint: 'give each pipeline its own prefix, or make one pipeline own the data and the other depend on it (schedule: { assets: [...] })' },
      );
    });
  },
});

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
