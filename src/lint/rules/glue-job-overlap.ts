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
    const starts: Start[] = [];
    for (const p of pipelines) {
      const ts = timeSchedule(p.schedule);
      if (!ts) continue;
      const times = sampleWeek(ts, p.timezone);
      for (const { step, fields } of stepsOfKind(p, 'glue.job')) {
        const hold = step.settings.executionTimeout?.seconds ?? p.dagrunTimeout?.seconds ?? 3600;
        starts.push({ pipeline: p, step, job: fields.job, times, holdMs: hold * 1000 });
      }
    }
    for (const a of starts) {
      for (const b of starts) {
        if (a.pipeline === b.pipeline || a.job !== b.job) continue;
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
