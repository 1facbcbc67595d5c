import { expect } from 'chai';
import { sortDiagnostics } from '../../src/diagnostics/format';
import { lintProject } from '../../src/use-cases/lint';
import { removeTemp, runCli } from '../helpers/cli';
import { CLEAN, project } from './helpers';

const NOW = new Date(Date.UTC(2026, 10, 30, 12));
const lines = async (dir: string) =>
  sortDiagnostics((await lintProject({ cwd: dir, now: NOW })).diagnostics).map((d) => `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code}`);

describe('lint engine', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeTemp));

  it('finds nothing in a clean pipeline', async () => {
    expect(await lines(make({ 'pipelines/clean.yaml': CLEAN }))).to.deep.equal([]);
  });

  it('reports validation errors of one pipeline and still lints the others', async () => {
    const dir = make({
      'pipelines/broken.yaml': 'version: 1\nid: broken\nsteps:\n  - id: x\n    kind: glue.job\n',
      'pipelines/clean.yaml': CLEAN.replace('    securityConfiguration: kms-everything\n', ''),
    });
    expect(await lines(dir)).to.deep.equal(['pipelines/broken.yaml:4:5 error DS201', 'pipelines/clean.yaml:19:10 warning DS402']);
  });

  it('applies a suppression with a reason to the next line only, and reports unused and invalid ones', async () => {
    const yaml = CLEAN.replace('    securityConfiguration: kms-everything\n', '')
      .replace('    job: clean-events\n', '    # dagsmith-disable-next-line DS402 -- the job definition has kms-everything\n    job: clean-events\n')
      .replace('owner: ml-data\n', '# dagsmith-disable-next-line DS431, DS433 -- testing unused codes\nowner: ml-data\n')
      .replace(
        'tags: [features]\n',
        'tags: [features]\n# dagsmith-disable-next-line DS402\n# dagsmith-disable-next-line DS201 -- not a lint code\n# dagsmith-disable-next-line\n',
      );
    const dir = make({ 'pipelines/clean.yaml': yaml });
    expect(await lines(dir)).to.deep.equal([
      'pipelines/clean.yaml:4:30 warning DS400',
      'pipelines/clean.yaml:4:37 warning DS400',
      'pipelines/clean.yaml:7:1 warning DS401',
      'pipelines/clean.yaml:7:30 warning DS400',
      'pipelines/clean.yaml:8:30 warning DS401',
      'pipelines/clean.yaml:9:1 warning DS401',
    ]);
  });

  it('takes severities and options from dagsmith.config.yaml, and DS400 can be turned off', async () => {
    const yaml = CLEAN.replace(
      '    securityConfiguration: kms-everything\n',
      '    securityConfiguration: kms-everything\n    workerType: G.1X\n    numberOfWorkers: 80\n',
    )
      .replace('owner: ml-data\n', '# dagsmith-disable-next-line DS431 -- unused\nowner: ml-data\n')
      .replace('description: A pipeline every lint rule accepts\n', '');
    const config = 'lint:\n  rules:\n    DS432: error\n    DS412: [warn, { maxWorkers: 100 }]\n    DS400: off\n';
    expect(await lines(make({ 'pipelines/clean.yaml': yaml }))).to.deep.equal([
      'pipelines/clean.yaml:2:1 warning DS432',
      'pipelines/clean.yaml:3:30 warning DS400',
      'pipelines/clean.yaml:22:22 warning DS412',
    ]);
    expect(await lines(make({ 'pipelines/clean.yaml': yaml, 'dagsmith.config.yaml': config }))).to.deep.equal([
      'pipelines/clean.yaml:2:1 error DS432',
    ]);
  });

  it('suppresses in TypeScript pipelines with // comments', async () => {
    const ts = [
      "import { definePipeline, glue } from 'dagsmith';",
      'export default definePipeline({',
      "  id: 'clean', description: 'x', owner: 'ml-data', tags: ['a'], schedule: '0 3 * * *', startDate: '2026-11-01',",
      "  maxActiveRuns: 1, dagrunTimeout: '6h', defaults: { retries: 2, executionTimeout: '2h', deferrable: true },",
      "  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:ml-alerts' } },",
      '  steps: [',
      '    glue.job({',
      "      id: 'a',",
      '      // dagsmith-disable-next-line DS402 -- the job definition has kms-everything',
      "      job: 'clean-events',",
      '    }),',
      "    glue.job({ id: 'b', job: 'other' }),",
      '  ],',
      '});',
      '',
    ].join('\n');
    expect(await lines(make({ 'pipelines/clean.ts': ts }))).to.deep.equal(['pipelines/clean.ts:12:30 warning DS402']);
  });

  it('rejects lint settings it cannot use, with their positions (exit 2)', async () => {
    const dir = make({
      'pipelines/clean.yaml': CLEAN,
      'dagsmith.config.yaml':
        'lint:\n  rules:\n    DS999: warn\n    pipeline-owner: off\n    DS402: loud\n    DS412: [warn, { maxWorkers: "many" }]\n    DS431: [warn, { x: 1 }]\n  rule: {}\n',
    });
    const r = await runCli(['lint'], dir);
    expect(r.code).to.equal(2);
    expect(r.err).to.equal(
      [
        "dagsmith.config.yaml:3:5: error DS130: unknown lint rule 'DS999'",
        "dagsmith.config.yaml:4:5: error DS130: unknown lint rule 'pipeline-owner' (rules are named by code: pipeline-owner is DS431)",
        'dagsmith.config.yaml:5:12: error DS130: severity of DS402 must be one of off, info, warn, error',
        "dagsmith.config.yaml:6:33: error DS130: DS412 option 'maxWorkers' must be integer",
        'dagsmith.config.yaml:7:19: error DS130: DS431 (pipeline-owner) takes no options',
        "dagsmith.config.yaml:8:3: error DS130: unknown setting 'rule' (settings here: rules, overrides, docsUrl)",
        'dagsmith.config.yaml has errors',
        '',
      ].join('\n'),
    );
  });
});
