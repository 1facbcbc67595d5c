import type { Command } from 'commander';
import type { DiagnosticFormat } from '../../diagnostics/format';
import { UsageError } from '../../diagnostics/types';
import { inertText } from '../../diagnostics/inert';
import { EXIT } from '../io';
import { diagnosticFormatOption } from '../options';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

export function registerImport(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('import')
    .description('convert pipelines of another tool into dagsmith pipelines: import dag-factory FILE.yml...')
    .argument('<format>', 'what the files are: dag-factory')
    .argument('<files...>', 'dag-factory YAML files (their defaults.yml files are read with them)')
    .option('--out <dir>', 'folder to write the pipelines to (default: the pipelines folder of dagsmith.config.yaml)')
    .option('--defaults-root <dir>', "dag-factory's defaults_config_path: defaults.yml files are read from each file's folder up to it")
    .option('--start-date <date>', 'YYYY-MM-DD for pipelines whose dag-factory start date is relative (`2 days`) or missing (default: today)')
    .option('--dry-run', 'convert and report; write nothing')
    .addOption(diagnosticFormatOption())
    .action(
      (
        format: string,
        files: string[],
        o: { out?: string; defaultsRoot?: string; startDate?: string; dryRun?: boolean; format: DiagnosticFormat },
      ) => {
        if (format !== 'dag-factory') throw new UsageError(`dagsmith imports dag-factory files; '${format}' is not a format it reads`);
        const { importDagFactory } = require('../../use-cases/import') as typeof import('../../use-cases/import');
        if (o.startDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.startDate))
          throw new UsageError(`--start-date takes YYYY-MM-DD, not '${o.startDate}'`);
        const r = importDagFactory({
          cwd,
          files,
          out: o.out,
          defaultsRoot: o.defaultsRoot,
          dryRun: o.dryRun,
          ...(o.startDate ? { today: o.startDate } : {}),
        });
        const errors = printDiagnostics(r.diagnostics, o.format, io);
        for (const f of r.skipped) io.err(`skipped ${inertText(f)}: dag-factory's defaults, read with the DAG files of its folder`);
        for (const p of r.pipelines)
          io.out(
            `${r.written ? 'wrote' : o.dryRun ? 'would write' : 'not written'} ${inertText(p.path)} (DAG ${inertText(p.pipeline)} of ${inertText(p.source)})`,
          );
        if (!r.written && !o.dryRun && r.pipelines.length > 0) io.err('import stopped: nothing was written');
        exit(errors ? EXIT.inputErrors : EXIT.ok);
      },
    );
}
