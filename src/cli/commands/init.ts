import type { Command } from 'commander';
import { inertText } from '../../diagnostics/inert';
import { EXIT } from '../io';
import type { CommandContext } from './context';

export function registerInit(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('init')
    .description('scaffold a project: config, JSON Schema, a YAML and a TypeScript example, pipelines/tsconfig.json')
    .option('--force', 'overwrite files that exist')
    .action((o: { force?: boolean }) => {
      const { initProject } = require('../../use-cases/init') as typeof import('../../use-cases/init');
      const result = initProject({ cwd, force: o.force });
      if (result.status === 'exists') {
        io.err(`error: dagsmith init would overwrite ${inertText(result.existing.join(', '))}; nothing was written (use --force to overwrite)`);
        return exit(EXIT.usage);
      }
      for (const f of result.files) io.out(`${f.overwrote ? 'overwrote' : 'created'} ${f.file}`);
      io.out(
        [
          '',
          'Next: `dagsmith validate`, then `dagsmith compile` writes dags-out/.',
          'For completion in TypeScript pipelines, install dagsmith in the project: `npm install --save-dev dagsmith`.',
        ].join('\n'),
      );
      exit(EXIT.ok);
    });
}
