/** How `dagsmith sync --env E` prints a deploy to MWAA Serverless (the command itself is sync.ts). */
import type { ServerlessSyncOptions, ServerlessSyncEvent, ServerlessSyncResult } from '../../use-cases/sync-serverless';
import { inertText } from '../../diagnostics/inert';
import { EXIT, type CliIO } from '../io';
import { printDiagnostics } from '../print';

export async function syncServerless(opts: ServerlessSyncOptions, o: { quiet?: boolean; json?: boolean }, io: CliIO): Promise<number> {
  const { syncServerlessProject } = require('../../use-cases/sync-serverless') as typeof import('../../use-cases/sync-serverless');
  const result = await syncServerlessProject(opts, o.json ? () => {} : printer(io, o.quiet === true, opts.dryRun === true));
  printDiagnostics(result.diagnostics, 'stylish', io);
  if (result.status === 'invalid') {
    io.err('sync failed: the pipelines have errors; nothing was deployed');
    return EXIT.inputErrors;
  }
  if (result.status === 'stale') {
    printDiagnostics(result.stale, 'stylish', io);
    io.err(`sync refused: ${result.outDir}/ is not what '${result.compileCommand}' writes; compile, review and commit it, then sync`);
    return EXIT.inputErrors;
  }
  const { report } = result;
  if (o.json)
    io.out(
      JSON.stringify(
        { bucket: report.bucket, dryRun: report.dryRun, writes: report.writes, workflows: report.workflows, runs: result.runs },
        null,
        2,
      ),
    );
  else io.out(summary(result));
  return result.diagnostics.some((d) => d.severity === 'error') ? EXIT.inputErrors : EXIT.ok;
}

function printer(io: CliIO, quiet: boolean, dryRun: boolean): (e: ServerlessSyncEvent) => void {
  return (e) => {
    if (quiet) return;
    switch (e.type) {
      case 'workflow': {
        const w = e.outcome;
        const verb =
          w.status === 'refused'
            ? `refused ${w.action}`
            : dryRun
              ? `would ${w.action}`
              : w.action === 'create'
                ? 'created'
                : w.action === 'update'
                  ? 'updated'
                  : 'unchanged';
        const version = w.version && w.status === 'done' ? ` (version ${inertText(w.version)})` : '';
        io.err(`${verb.padEnd(15)} ${inertText(w.workflow)}${version}${w.uploaded ? ', definition uploaded' : ''}`);
        return;
      }
      case 'run':
        io.err(`run of ${inertText(e.workflow)}: ${e.state}`);
        return;
      case 'task':
        io.err(`  ${inertText(e.taskId)}: ${e.state}`);
        return;
      case 'note':
        io.err(e.line);
        return;
    }
  };
}

function summary(result: Extract<ServerlessSyncResult, { status: 'deployed' }>): string {
  const r = result.report;
  const count = (a: string) => r.workflows.filter((w) => w.action === a && w.status !== 'refused').length;
  const refused = r.workflows.filter((w) => w.status === 'refused').length;
  const runs =
    result.runs.length > 0 ? `; ${result.runs.filter((x) => x.outcome.state === 'SUCCESS').length}/${result.runs.length} runs succeeded` : '';
  return (
    `${r.dryRun ? 'planned' : 'synced'} ${r.workflows.length} workflow${r.workflows.length === 1 ? '' : 's'} (definitions in ${r.bucket}): ` +
    `${count('create')} ${r.dryRun ? 'to create' : 'created'}, ${count('update')} ${r.dryRun ? 'to update' : 'updated'}, ${count('unchanged')} unchanged` +
    `${refused ? `, ${refused} refused` : ''}, ${r.workflows.filter((w) => w.uploaded).length} uploaded, ${r.writes} write calls${runs}`
  );
}
