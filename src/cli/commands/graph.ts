import { Option, type Command } from 'commander';
import { formatDiagnostics, summarize } from '../../diagnostics/format';
import { inertText } from '../../diagnostics/inert';
import { GRAPH_FORMATS, type GraphFormat } from '../../graph/formats';
import { EXIT } from '../io';
import type { CommandContext } from './context';

interface GraphFlags {
  format: GraphFormat;
  changed?: string;
  env?: string;
  airflow?: string;
  assets?: boolean;
}

export function registerGraph(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('graph')
    .argument('[ids...]', 'pipeline ids to draw')
    .description('draw pipelines (steps, groups, trigger rules, dependencies) as Mermaid, DOT or SVG')
    .addOption(new Option('--format <format>', 'output format').choices([...GRAPH_FORMATS]).default('mermaid'))
    .option('--changed <ref>', 'draw the pipelines changed since a git ref, as Markdown for a pull request comment')
    .option('--assets', 'draw the pipelines of the project linked by the assets they produce and are scheduled on')
    .option('--env <name>', 'environment whose variables apply')
    .option('--airflow <version>', 'Airflow version to check against')
    .action(async (ids: string[], o: GraphFlags) => {
      const { graphProject } = require('../../use-cases/graph') as typeof import('../../use-cases/graph');
      const result = await graphProject({
        cwd,
        ids,
        format: o.format,
        changed: o.changed,
        env: o.env,
        airflow: o.airflow,
        assets: o.assets === true,
      });
      if (result.errors.length > 0) {
        io.err(formatDiagnostics(result.errors, 'stylish'));
        io.err(summarize(result.errors));
      }
      io.out(
        result.text ?? (o.assets ? 'No pipeline produces or is scheduled on an asset.' : `No pipeline changed since ${inertText(o.changed ?? '')}.`),
      );
      exit(result.errors.length > 0 ? EXIT.inputErrors : EXIT.ok);
    });
}
