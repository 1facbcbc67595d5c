import type { PipelineIR, StepIR } from '../../ir/types';
import { stepsOfKind } from '../../ir/queries';
import { sampleWeek, timeSchedule } from '../schedule';
import { projectRule } from '../types';

interface Start {
  readonly pipeline: PipelineIR;
  readonly step: StepIR;
  readonly job: string;
  /** Fire times over a sampled week. */
  readonly times: readonly number[];
  /** How long a run may hold the job: the step's executionTimeout, else the pipeline's dagrunTimeout, else 1h. */
  readonly holdMs: number;
}

/** Two sorted lists have a and b with a <= b < a + holdA or b <= a < b + holdB. */
function overlaps(a: Start, b: Start): number | undefined {
  let j = 0;
  for (const t of a.times) {
    while (j < b.times.length && b.times[j]! + b.holdMs <= t) j++;
    if (j < b.times.length && b.times[j]! < t + a.holdMs) return Math.max(t, b.times[j]!);
  }
  return undefined;
}

export const glueJobOverlap = projectRule({
  meta: {
    code: 'DS442',
    name: 'glue-job-overlap',
    defaultSeverity: 'warning',
    description:
      "One Glue job is started by two pipelines whose schedules overlap: with the job's default MaxConcurrentRuns of 1 the second start fails (ConcurrentRunsExceededException).",
  },
  defaultOptions: {},
  check(pipelines, ctx) {
    // By job first: only a job two pipelines start needs fire times, and only its starts are compared (comparing
    // every pair of starts, and sampling every schedule, took most of lint's time on a thousand pipelines).
    const byJob = new Map<string, { pipeline: PipelineIR; step: StepIR }[]>();
    for (const p of pipelines) {
      if (p.schedule.type === 'none') continue;
      for (const { step, fields } of stepsOfKind(p, 'glue.job')) {
        const list = byJob.get(fields.job) ?? [];
        list.push({ pipeline: p, step });
        byJob.set(fields.job, list);
      }
    }
    const timesOf = new Map<PipelineIR, readonly number[] | null>();
    const times = (p: PipelineIR): readonly number[] | null => {
      if (!timesOf.has(p)) {
        const ts = timeSchedule(p.schedule);
        timesOf.set(p, ts ? sampleWeek(ts, p.timezone) : null);
      }
      return timesOf.get(p)!;
    };
    const found: Start[] = [];
    for (const [job, list] of byJob) {
      if (new Set(list.map((x) => x.pipeline)).size < 2) continue;
      const starts: Start[] = [];
      for (const { pipeline: p, step } of list) {
        const t = times(p);
        if (!t) continue;
        const hold = step.settings.executionTimeout?.seconds ?? p.dagrunTimeout?.seconds ?? 3600;
        starts.push({ pipeline: p, step, job, times: t, holdMs: hold * 1000 });
      }
      found.push(...starts);
    }
    const byJobStarts = new Map<string, Start[]>();
    for (const st of found) byJobStarts.set(st.job, [...(byJobStarts.get(st.job) ?? []), st]);
    // Reported in the order the steps come (pipelines, then steps), as before. Most projects share no job: then
    // there is nothing to sort, and no step of any pipeline is numbered.
    if (found.length > 1) {
      const order = new Map<StepIR, number>();
      let n = 0;
      for (const p of pipelines) for (const step of p.steps) order.set(step, n++);
      found.sort((x, y) => order.get(x.step)! - order.get(y.step)!);
    }
    for (const a of found) {
      for (const b of byJobStarts.get(a.job)!) {
        if (a.pipeline === b.pipeline) continue;
        const at = overlaps(a, b);
        if (at === undefined) continue;
        const when = new Date(at).toISOString().slice(11, 16);
        ctx.report(
          { pipeline: a.pipeline, path: [...a.step.origin.path, 'job'] },
          `Glue job '${a.job}' is also started by '${b.pipeline.id}' (${b.pipeline.source.file}), whose runs overlap this one's (e.g. around ${when} UTC)`,
          { hint: "stagger the schedules, raise the job's MaxConcurrentRuns if the runs are independent, or run the job from one pipeline" },
        );
        break;
      }
    }
  },
});
