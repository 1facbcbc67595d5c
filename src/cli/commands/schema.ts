import type { Command } from 'commander';
import { EXIT } from '../io';
import type { CommandContext } from './context';

export function registerSchema(program: Command, { io, exit }: CommandContext): void {
  program
    .command('schema')
    .description('print the JSON Schema of a pipeline file')
    .action(() => {
      const { pipelineSchemaText } = require('../../use-cases/schema') as typeof import('../../use-cases/schema');
      io.out(pipelineSchemaText());
      exit(EXIT.ok);
    });
}
