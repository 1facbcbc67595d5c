import type { Command } from 'commander';
import { CONFIG_FILE } from '../../config/project-config';
import { inertText } from '../../diagnostics/inert';
import { WORKFLOW_PATH } from '../../scaffold/workflow';
import { SCHEMA_PATH } from '../../schema/validate';
import type { InitResult } from '../../use-cases/init';
import { EXIT, type CliIO } from '../io';
import { printDiagnostics } from '../print';
import type { CommandContext } from './context';

export function registerInit(program: Command, { cwd, io, exit }: CommandContext): void {
  program
    .command('init')
    .description(
      'scaffold a project: config, a YAML and a TypeScript example, JSON Schema, CI workflow, package.json and .gitignore (when absent); compiles once',
    )
    .option('--update', `refresh what dagsmith owns (${SCHEMA_PATH}, ${WORKFLOW_PATH}) and leave your files`)
    .option('--force', 'overwrite every file init writes, your config and examples included')
    .action((o: { force?: boolean; update?: boolean }) => {
      const { initProject } = require('../../use-cases/init') as typeof import('../../use-cases/init');
      exit(printInit(initProject({ cwd, force: o.force, update: o.update }), o.update === true, io));
    });
}

function printInit(result: InitResult, update: boolean, io: CliIO): number {
  if (result.status === 'no-project') {
    io.err(`error: there is no ${CONFIG_FILE} here, so nothing to update; \`dagsmith init\` scaffolds a project`);
    return EXIT.usage;
  }
  if (result.status === 'exists') {
    io.err(
      result.project
        ? `error: this is a dagsmith project already (${inertText(result.existing.join(', '))} exist); nothing was written.\n` +
            `  \`dagsmith init --update\` refreshes what dagsmith owns (${SCHEMA_PATH}, ${WORKFLOW_PATH}) after an upgrade and leaves your files;\n` +
            '  `dagsmith init --force` writes every scaffold file again, your config and examples included'
        : `error: dagsmith init would overwrite ${inertText(result.existing.join(', '))}; nothing was written (use --force to overwrite)`,
    );
    return EXIT.usage;
  }
  for (const f of result.files) io.out(`${f.action} ${f.file}`);
  let code: number = EXIT.ok;
  for (const { env, result: c } of result.compiled) {
    if (c.status === 'written') {
      io.out(`compiled ${c.pipelines} pipelines for Airflow ${c.target.version} into ${c.outDir}/${env ? ` (environment ${env})` : ''}`);
    } else {
      printDiagnostics(c.diagnostics, 'stylish', io);
      io.err(`compile${env ? ` --env ${env}` : ''} did not write ${c.outDir}/ (${c.status}); run it to see why`);
      code = EXIT.inputErrors;
    }
  }
  for (const note of result.notes) io.out(`note: ${note}`);
  const node = nodeNote();
  if (node) io.out(`note: ${node}`);
  io.out(
    update
      ? '\nNext: `dagsmith compile` (and `--env E` for each environment), so the DAGs are what this dagsmith writes; commit the result.'
      : [
          '',
          'Next:',
          '  npm install                       installs the dagsmith in package.json (for your editor, and `npm ci` in CI)',
          '  edit pipelines/, then             npx dagsmith validate, npx dagsmith compile, npx dagsmith lint',
          '  commit dags-out/ with them;       .github/workflows/dagsmith.yml checks every pull request and deploys main',
        ].join('\n'),
  );
  return code;
}

/**
 * dagsmith's word on the Node.js it runs on, said once, where a project starts: engines says >= 20, Node.js 20
 * reached its end of life on 30 April 2026, and the AWS SDK for JavaScript (sync, plan, lint --remote) requires Node.js
 * 22 in its releases after the first week of January 2027. The SDK's own warning is switched off (src/cli/main.ts).
 */
function nodeNote(): string | undefined {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return undefined;
  return `you run Node.js ${process.versions.node}: dagsmith runs on Node.js 20, but Node.js 20 reached its end of life in April 2026 and the AWS SDK that sync uses needs Node.js 22 from its January 2027 releases; use Node.js 22 or later (the workflow does)`;
}
