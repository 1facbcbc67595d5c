/**
 * src/serverless/operator-parameters.generated.ts is what the operators' classes say in the mwaa-serverless
 * virtualenv (Airflow 3.0.6, amazon provider 9.30.0), for every operator of the vendored validator schema.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATOR_PARAMETERS_PATH, renderOperatorParameters, type OperatorParametersDump } from '../../src/gen/serverless-operators';
import { serverlessOperator } from '../../src/serverless/dialect';
import { serverlessValidatorSchema, VALIDATOR_SCHEMA_PATH } from '../../src/serverless/validator-schema';
import { HARNESS, parseHarnessJson, ROOT, runProcess, venvPython } from '../airflow/harness';

describe('operator parameters of MWAA Serverless (generated table) @airflow', function () {
  this.timeout(120_000);

  it('is what the classes in the mwaa-serverless virtualenv take (run `npx tsx scripts/gen-serverless-operators.ts` when not)', async () => {
    const res = await runProcess(venvPython('mwaa-serverless'), [join(HARNESS, 'serverless_operators.py'), VALIDATOR_SCHEMA_PATH], {
      timeoutMs: 110_000,
    });
    const dump = parseHarnessJson<OperatorParametersDump>('serverless_operators.py', res);
    expect([dump.airflow, dump.amazon]).to.deep.equal(['3.0.6', '9.30.0']);
    expect(readFileSync(join(ROOT, OPERATOR_PARAMETERS_PATH), 'utf8')).to.equal(renderOperatorParameters(dump));
  });
});

describe('operator parameters of MWAA Serverless', () => {
  it('covers every allowlisted operator, and knows what they take', () => {
    for (const path of serverlessValidatorSchema().operators) expect(serverlessOperator(path).allowed, path).to.equal(true);
    const s3 = serverlessOperator('airflow.providers.amazon.aws.sensors.s3.S3KeySensor');
    expect(s3.allowed && s3.importable && ['bucket_key', 'aws_conn_id', 'deferrable', 'retries'].every(s3.takes)).to.equal(true);
    expect(s3.allowed && s3.importable && s3.takes('job_name')).to.equal(false);
    const empty = serverlessOperator('airflow.providers.standard.operators.empty.EmptyOperator');
    expect(empty.allowed && empty.importable && empty.takes('aws_conn_id')).to.equal(false);
    expect(serverlessOperator('airflow.providers.standard.operators.bash.BashOperator')).to.deep.equal({ allowed: false });
  });
});
