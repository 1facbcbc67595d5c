/** `dagsmith plan`: the dry-run report of a sync, turned into the rows of the Markdown plan. */
import type { DagSyncReport } from './apply';
import { parseDagSummary } from './dag-summary';
import { renderPlanMarkdown, type PlanFileRow, type PlanUploadReason } from './plan-markdown';
import type { LocalFile } from './types';

export function planMarkdown(report: DagSyncReport, files: readonly LocalFile[]): string {
  const local = new Map(files.map((f) => [f.name, f.summary === undefined ? undefined : parseDagSummary(f.summary)]));
  const deployed = new Map<string, { summary: unknown; sha256: string }>();
  for (const e of [...(report.manifest?.files ?? []), ...(report.manifest?.pruning ?? [])])
    deployed.set(e.name, { summary: e.summary, sha256: e.sha256 });
  const plan = report.plan;
  const rows: PlanFileRow[] = [
    ...plan.uploads.map((u): PlanFileRow => {
      const before = deployed.get(u.file.name);
      const reason: PlanUploadReason =
        u.reason === 'changed remotely'
          ? 'edited in the bucket'
          : u.reason === 'missing remotely'
            ? 'missing in the bucket'
            : u.reason === 'new' && !before
              ? 'new'
              : 'changed';
      return {
        name: u.file.name,
        action: 'upload',
        reason,
        ...(before ? { localChanged: before.sha256 !== u.file.sha256 } : {}),
        ...(local.get(u.file.name) ? { local: local.get(u.file.name)! } : {}),
        ...(reason !== 'new' && before ? { deployed: before.summary } : {}),
      };
    }),
    ...plan.deletes.map((e): PlanFileRow => ({ name: e.name, action: 'delete', ...(e.summary ? { deployed: e.summary } : {}) })),
    ...plan.unchanged.map((e): PlanFileRow => ({ name: e.name, action: 'unchanged' })),
  ];
  return renderPlanMarkdown({
    destination: report.destination.label,
    ...(report.destination.airflowVersion ? { airflowVersion: report.destination.airflowVersion } : {}),
    files: rows,
    kept: plan.kept.map((e) => e.name),
    unmanaged: plan.unmanaged,
    notOurs: plan.dropped.filter((d) => d.reason === 'not uploaded by dagsmith').map((d) => d.name),
  });
}
