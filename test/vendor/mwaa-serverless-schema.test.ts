/**
 * The vendored MWAA Serverless validator schema (schemas/vendor/mwaa-serverless/): its PROVENANCE is true of the
 * file, and (@airflow, in the mwaa-serverless virtualenv) the copy has not drifted from the one AWS's converter
 * installs, and dagsmith's reading of it (src/serverless/validator-schema.ts) is Yamale's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseRule, serverlessValidatorSchema, VALIDATOR_SCHEMA_PATH } from '../../src/serverless/validator-schema';
import { HARNESS, parseHarnessJson, ROOT, runProcess, venvPython } from '../airflow/harness';

const VENDOR = join(ROOT, 'schemas', 'vendor', 'mwaa-serverless');

function provenance(field: string): string {
  const text = readFileSync(join(VENDOR, 'PROVENANCE'), 'utf8');
  const m = new RegExp(`^${field}:\\s+(\\S+)`, 'm').exec(text);
  if (!m) throw new Error(`PROVENANCE has no ${field}: line`);
  return m[1]!;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('vendored MWAA Serverless validator schema', () => {
  it('is the file its PROVENANCE names (sha256), at the converter version the virtualenv pins', () => {
    expect(sha256(readFileSync(VALIDATOR_SCHEMA_PATH))).to.equal(provenance('sha256'));
    const pin = /^python-to-yaml-dag-converter-mwaa-serverless==(\S+)$/m.exec(
      readFileSync(join(ROOT, 'requirements', 'mwaa-serverless', 'requirements.txt'), 'utf8'),
    );
    expect(pin?.[1]).to.equal(provenance('Version'));
  });

  it('reads the operator allowlist, the DAG, task and default_args keys', () => {
    const schema = serverlessValidatorSchema();
    expect(schema.operators.has('airflow.providers.amazon.aws.operators.glue.GlueJobOperator')).to.equal(true);
    expect(schema.operators.has('airflow.providers.amazon.aws.sensors.s3.S3KeySensor')).to.equal(true);
    // Python and Bash run only with a code package (the CreateWorkflow Code member); the schema leaves them out.
    expect(schema.operators.has('airflow.providers.standard.operators.bash.BashOperator')).to.equal(false);
    // A missing comma in the file glues two paths into one string; Python, and so Yamale, concatenate them.
    expect(schema.operators.has('airflow.providers.amazon.aws.transfers.dynamodb_to_s3.DynamoDBToS3Operator')).to.equal(false);
    expect(schema.dagKeys.get('dag_id')?.required).to.equal(true);
    expect(schema.dagKeys.get('tasks')?.rule.validator).to.equal('map');
    expect(schema.dagKeys.has('task_groups')).to.equal(false);
    expect(schema.taskKeys.get('dependencies')?.rule.validator).to.equal('list');
    expect(schema.defaultArgsKeys.has('retries')).to.equal(true);
    expect(schema.defaultArgsKeys.has('on_failure_callback')).to.equal(false);
  });

  it('parses rule expressions as Python would: escapes, adjacent literals, keywords, nesting', () => {
    const rule = parseRule(`str(regex('^[a-z\\\\-]+$'), required=False)`);
    expect(rule.validator).to.equal('str');
    expect(rule.kwargs.get('required')).to.equal(false);
    expect(rule.args[0]).to.deep.equal({ validator: 'regex', args: ['^[a-z\\-]+$'], kwargs: new Map() });
    expect(parseRule(`enum("a" 'b', "c")`).args).to.deep.equal(['ab', 'c']);
    expect(parseRule('map(key=enum("x"), none=True)').kwargs.get('none')).to.equal(true);
    expect(() => parseRule('enum("a"')).to.throw(/expected ',' or '\)'|unterminated/);
    expect(() => parseRule('enum("a") trailing')).to.throw(/text after the rule/);
    expect(() => parseRule(`${'list('.repeat(40)}${')'.repeat(40)}`)).to.throw(/nested too deeply/);
  });
});

interface YamaleReading {
  installed: { package: string; version: string; path: string; sha256: string };
  operators: string[];
  default_args_keys: string[];
  dag: Record<string, { validator: string; required: boolean }>;
  task: Record<string, { validator: string; required: boolean }>;
}

describe('vendored MWAA Serverless validator schema @airflow', () => {
  let reading: YamaleReading;

  before(async function () {
    this.timeout(60_000);
    const res = await runProcess(venvPython('mwaa-serverless'), [join(HARNESS, 'serverless_validator.py'), 'schema', VALIDATOR_SCHEMA_PATH], {
      timeoutMs: 60_000,
    });
    reading = parseHarnessJson<YamaleReading>('serverless_validator.py schema', res);
  });

  it("has not drifted from the copy AWS's converter installs (same version, same bytes)", () => {
    expect(reading.installed.version).to.equal(provenance('Version'));
    expect(
      readFileSync(reading.installed.path).equals(readFileSync(VALIDATOR_SCHEMA_PATH)),
      `${reading.installed.path} differs from the vendored copy`,
    ).to.equal(true);
    expect(reading.installed.sha256).to.equal(provenance('sha256'));
  });

  it('is read by dagsmith as Yamale reads it: operators, keys, required flags, default_args keys', () => {
    const schema = serverlessValidatorSchema();
    expect([...schema.operators]).to.deep.equal(reading.operators);
    expect([...schema.defaultArgsKeys]).to.deep.equal(reading.default_args_keys);
    const ours = (keys: ReadonlyMap<string, { rule: { validator: string }; required: boolean }>) =>
      Object.fromEntries([...keys].map(([k, v]) => [k, { validator: v.rule.validator, required: v.required }]));
    expect(ours(schema.dagKeys)).to.deep.equal(reading.dag);
    expect(ours(schema.taskKeys)).to.deep.equal(reading.task);
  });
});
