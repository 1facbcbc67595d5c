/**
 * The SDK takes `${name}` wherever YAML does: typed fields (ARNs, S3 URIs, durations, enums) accept a deploy-time
 * variable reference (VarRef), type-checked as a TypeScript pipeline is, and resolved like YAML's.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp } from '../helpers/cli';

const CONFIG = [
  'vars:',
  '  account: "123456789012"',
  '  copyRole: arn:aws:iam::123456789012:role/redshift-copy',
  '  featureBucket: acme-features',
  '  delay: 10m',
  '  format: PARQUET',
  '',
].join('\n');

const PIPELINE = [
  "import { definePipeline, redshift, glue } from 'dagsmith';",
  '',
  'export default definePipeline({',
  "  id: 'ts_var_refs',",
  "  defaults: { retryDelay: '${delay}' },",
  "  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:${account}:alerts' } },",
  '  steps: [',
  '    glue.job({',
  "      id: 'clean',",
  "      job: 'clean',",
  "      role: 'arn:aws:iam::${account}:role/glue',",
  "      scriptLocation: 's3://${featureBucket}/clean.py',",
  '    }),',
  '    redshift.copy({',
  "      id: 'load',",
  "      from: 's3://${featureBucket}/features/',",
  "      schema: 'ml',",
  "      table: 'features',",
  "      iamRole: '${copyRole}',",
  "      format: '${format}',",
  "      workgroup: 'ml-features',",
  "      database: 'analytics',",
  "      dependsOn: ['clean'],",
  '    }),',
  '  ],',
  '});',
  '',
].join('\n');

describe('SDK: ${var} in typed fields', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = makeTemp('sdk-var-refs');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'dagsmith.config.yaml'), CONFIG);
  });
  after(() => removeTemp(dir));

  it('type-checks and compiles a TypeScript pipeline with ${var} in an IAM role ARN, an enum and a duration', () => {
    writeFileSync(join(dir, 'pipelines', 'p.ts'), PIPELINE);
    const result = buildProject({ cwd: dir, files: ['pipelines/p.ts'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    const dag = result.pipelines[0]!.content;
    expect(dag).to.include("IAM_ROLE 'arn:aws:iam::123456789012:role/redshift-copy'");
    expect(dag).to.include('FORMAT AS PARQUET');
    expect(dag).to.include('timedelta(minutes=10)');
  });

  it('still refuses a typed field whose literal is neither its type nor a ${var} (DS110)', () => {
    writeFileSync(join(dir, 'pipelines', 'p.ts'), PIPELINE.replace("iamRole: '${copyRole}'", "iamRole: 'redshift-copy'"));
    const result = buildProject({ cwd: dir, files: ['pipelines/p.ts'] });
    const codes = result.diagnostics.map((d) => `${d.code}:${d.line}`);
    expect(codes).to.deep.equal(['DS110:19']);
  });

  it('checks the resolved value against the field (a variable that is no ARN is DS309 at the field)', () => {
    writeFileSync(join(dir, 'pipelines', 'p.ts'), PIPELINE.replace("iamRole: '${copyRole}'", "iamRole: '${featureBucket}'"));
    const result = buildProject({ cwd: dir, files: ['pipelines/p.ts'] });
    expect(result.diagnostics.map((d) => [d.code, d.line, d.col])).to.deep.equal([['DS309', 19, 16]]);
  });
});
