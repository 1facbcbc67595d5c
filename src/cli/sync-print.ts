import type { DagSyncReport } from '../sync/apply';
import { inertJson, inertText } from '../diagnostics/inert';
import type { CliIO } from './io';

/** The plan, one line per object that is not simply unchanged. */
export function printPlan(report: DagSyncReport, io: CliIO): void {
  const { plan } = report;
  const lines: string[] = [];
  for (const u of plan.uploads) lines.push(`  upload     ${inertText(u.file.name)} (${u.reason}, ${u.file.size} bytes)`);
  for (const name of plan.adopted) lines.push(`  record     ${inertText(name)} (uploaded by an earlier sync that did not finish; same content)`);
  for (const e of plan.deletes) lines.push(`  delete     ${inertText(e.name)} (its pipeline is gone; --prune)`);
  for (const e of plan.kept) lines.push(`  keep       ${inertText(e.name)} (its pipeline is gone; --prune deletes it)`);
  for (const d of plan.dropped) {
    const why =
      d.reason === 'not uploaded by dagsmith'
        ? "its metadata does not show that dagsmith uploaded it: not dagsmith's, left alone"
        : `${d.reason}; no longer managed by dagsmith`;
    lines.push(`  forget     ${inertText(d.name)} (${why})`);
  }
  for (const name of plan.unmanaged) lines.push(`  unmanaged  ${inertText(name)} (not deployed by dagsmith; left alone)`);
  const verb = report.dryRun ? 'plan for' : 'sync to';
  io.out(
    `${verb} ${inertText(report.destination.label)}: ${plan.uploads.length} to upload, ${plan.unchanged.length} unchanged, ` +
      `${plan.deletes.length} to delete, ${plan.unmanaged.length} unmanaged` +
      (lines.length ? `\n${lines.join('\n')}` : ''),
  );
}

/** The one summary line: uploaded / unchanged / deleted / bytes / seconds / requests. */
export function summaryLine(report: DagSyncReport): string {
  const { plan } = report;
  const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const counts = report.dryRun
    ? `${plan.uploads.length} to upload, ${plan.unchanged.length} unchanged, ${plan.deletes.length} to delete`
    : `${report.uploaded.length} uploaded, ${plan.unchanged.length} unchanged, ${report.deleted.length} deleted`;
  const bytes = report.dryRun ? plan.uploads.reduce((n, u) => n + u.file.size, 0) : report.bytes;
  return (
    `${report.dryRun ? 'dry run, nothing written' : 'synced'} ${inertText(report.destination.label)}: ${counts}, ` +
    `${s(bytes, 'byte')}, ${report.seconds.toFixed(1)}s, ${s(report.requests, 'request')}`
  );
}

export function toJson(report: DagSyncReport, airflow: string): string {
  const { plan } = report;
  return inertJson({
    destination: {
      url: report.destination.label.startsWith('s3://') ? report.destination.label : `s3://${report.destination.bucket}/${report.destination.prefix}`,
      bucket: report.destination.bucket,
      prefix: report.destination.prefix,
      ...(report.destination.kmsKeyId ? { kmsKeyId: report.destination.kmsKeyId } : {}),
    },
    airflow,
    dryRun: report.dryRun,
    plan: {
      upload: plan.uploads.map((u) => ({ name: u.file.name, reason: u.reason, size: u.file.size, sha256: u.file.sha256 })),
      unchanged: plan.unchanged.map((e) => e.name),
      record: plan.adopted,
      delete: plan.deletes.map((e) => e.name),
      keep: plan.kept.map((e) => e.name),
      forget: plan.dropped,
      unmanaged: plan.unmanaged,
      conflicts: plan.conflicts,
    },
    result: {
      uploaded: report.uploaded,
      deleted: report.deleted,
      bytes: report.bytes,
      seconds: report.seconds,
      requests: report.requests,
      requestsByOperation: report.requestsByOperation,
      ...(report.brokeLock ? { brokeLock: report.brokeLock } : {}),
    },
  });
}
