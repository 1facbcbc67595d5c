/**
 * A Lambda function that fails must fail its lambda.invoke task. Every MWAA amazon provider (9.0.0 to 9.34.0) raises
 * in LambdaInvokeFunctionOperator.execute() when Invoke's response has FunctionError, so dagsmith passes nothing
 * extra; this proves it for the generated operator on each target. The failing response is the one faked thing
 * (python/dagsmith_harness/lambda_function_error.py: botocore's Stubber), because no server here can produce it:
 * without Docker, moto's Lambda is its "simple" backend, which only echoes the payload.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import {
  AIRFLOW_VERSIONS,
  airflowPython,
  compileProject,
  HARNESS,
  makeTemp,
  parseHarnessJson,
  removeTemp,
  ROOT,
  runProcess,
  writeDag,
} from './harness';

describe('lambda.invoke: a function error fails the task @airflow', function () {
  this.timeout(120_000);
  let scratch = '';
  before(() => (scratch = makeTemp('lambda-function-error')));
  after(() => removeTemp(scratch));

  for (const target of AIRFLOW_VERSIONS) {
    it(`on Airflow ${target}: the operator raises with the function's error payload`, async () => {
      const project = { name: 'good-lambda-invoke', cwd: join(ROOT, 'test', 'fixtures', 'good-lambda-invoke') };
      const dag = compileProject(project, target).pipelines.find((p) => p.ir.id === 'lambda_invoke')!;
      const file = writeDag(join(scratch, target), 'lambda_invoke.py', dag.content);
      const res = await runProcess(airflowPython(target), [join(HARNESS, 'lambda_function_error.py'), file, 'lambda_invoke', 'validate_file'], {
        timeoutMs: 90_000,
      });
      const out = parseHarnessJson<{ airflow_version: string; raised: string | null; message: string | null }>('lambda_function_error.py', res);
      expect(out.airflow_version).to.equal(target);
      expect(out.raised, JSON.stringify(out)).to.equal('ValueError');
      expect(out.message).to.contain('Lambda function execution resulted in error').and.to.contain('3 rows without order_id');
    });
  }
});
