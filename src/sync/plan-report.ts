/** `dagsmith plan`: the dry-run report of a sync, turned into the rows of the Markdown plan. */
import type { DagSyncReport } from './apply';
import { parseDagSummary } from './dag-summary';
import { renderPlanMarkdown, type PlanFileRow } from './plan-markdown';
import type { LocalFile } from './types';

export function planMarkdown(report: DagSyncReport, files: readonly LocalFile[]): string {
  const local = new Map(files.map((f) => [f.name, f.summary === undefined ? undefined : parseDagSummary(f.summary)]));
  const deployed = new Map<string, unknown>();
  for (const e of [...(report.manifest?.files ?? []), ...(report.manifest?.pruning ?? [])]) deployed.set(e.name, e.summary);
  const plan = report.plan;
  const rows: PlanFileRow[] = [
    ...plan.uploads.map((u): PlanFileRow => {
      const isNew = u.reason === 'new' && !deployed.has(u.file.name);
      return {
        name: u.file.name,
        action: 'upload',
        reason: isNew ? 'new' : 'changed',
        ...(local.get(u.file.name) ? { local: local.get(u.file.name)! } : {}),
        ...(!isNew && deployed.has(u.file.name) ? { deployed: deployed.get(u.file.name) } : {}),
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
