import { Option, type Command } from 'commander';
import { EXIT } from '../io';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';
import { inertText } from '../../diagnostics/inert';
import type { DiffEnvsFormat } from '../../use-cases/diff-envs';

const FORMATS = ['text', 'json', 'markdown'] as const satisfies readonly DiffEnvsFormat[];

export function registerDiffEnvs(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('diff-envs')
    .argument('<a>', 'environment to compare from')
    .argument('<b>', 'environment to compare to')
    .description("show how two environments' DAGs differ in structure and values (settings, steps, fields), not bytes")
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('text'))
    .action((a: string, b: string, o: { format: DiffEnvsFormat }) => {
      const { diffEnvironments, renderEnvDiff } = require('../../use-cases/diff-envs') as typeof import('../../use-cases/diff-envs');
      const result = diffEnvironments({ cwd, a, b });
      if (result.errors.length > 0) {
        printDiagnostics(result.errors, 'stylish', io);
        io.err(inertText(`diff-envs: cannot compare ${a} and ${b} while their pipelines have errors`));
        return exit(EXIT.inputErrors);
      }
      io.out(renderEnvDiff(result, o.format));
      exit(EXIT.ok);
    });
}
