import type { Command } from 'commander';
import { EXIT } from '../io';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';
import { printRefusal, progressPrinter } from './sync';

export function registerPlan(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('plan')
    .description('print what `sync` would change, with a structural diff of each changed DAG, as Markdown (for a PR comment)')
    .option('--env <name>', 'environment of dagsmith.config.yaml to plan for (with --bucket: whose DAGs, compiled with its values)')
    .option('--bucket <s3url>', 's3://BUCKET/PREFIX to plan for, for Airflow outside MWAA')
    .option('--airflow <version>', 'Airflow version the DAGs were compiled for (as given to compile)')
    .option('--prune', 'plan as `sync --prune`: files whose pipeline is gone are deleted')
    .action(async (o: { env?: string; bucket?: string; airflow?: string; prune?: boolean }) => {
      const { planProject } = require('../../use-cases/plan') as typeof import('../../use-cases/plan');
      const result = await planProject(
        { cwd, env: o.env, bucket: o.bucket, airflow: o.airflow, prune: o.prune },
        progressPrinter(io, { quiet: false, json: false }),
      );
      if (printDiagnostics(result.diagnostics, 'stylish', io) || result.status === 'invalid' || result.status === 'stale')
        return exit(printRefusal(result, io));
      io.out(result.markdown);
      exit(result.status === 'conflicts' ? printRefusal(result, io) : EXIT.ok);
    });
}
