/**
 * Retry policies against the real packages of each MWAA target:
 * - the allow-list (src/base/retry-policy.ts): on 3.3.1 every class imports from the module the DAG file names, is an
 *   exception, has exactly the allow-listed superclasses the table gives (DS238 reasons with them), and is not one
 *   Airflow fails without asking the policy (AirflowFailException, AirflowSensorTimeout);
 * - the targets DS235 refuses have neither the policy module nor BaseOperator's retry_policy parameter; 3.3.1 has both;
 * - the good-retry-policy golden DAG loads in 3.3.1, and each task's own policy (a step's, or the one of defaults
 *   through default_args) decides on real exception objects as the spec says.
 * The structure suite (structure.test.ts) compares every task's serialized policy with the IR.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { RETRY_EXCEPTION_NAMES, RETRY_EXCEPTIONS } from '../../src/base/retry-policy';
import { AIRFLOW_VERSIONS, airflowPython, makeTemp, parseHarnessJson, removeTemp, ROOT, runProcess, writeDag } from './harness';

const PROBE = join(ROOT, 'test', 'airflow', 'retry_policy_probe.py');

interface ProbeClass {
  found: boolean;
  path?: string;
  exception?: boolean;
  parents?: string[];
  bypassed?: boolean;
}
interface Decision {
  task: string;
  exception: string;
  action: string;
  retry_delay: number | null;
  reason: string;
}
interface Probe {
  has_module: boolean;
  operator_param: boolean;
  classes: Record<string, ProbeClass>;
  warnings?: string[];
  decisions: Decision[];
}

type Case = [task: string, exception: string, kwargs: Record<string, unknown>];

async function probe(airflow: string, dagFile: string | null, cases: Case[] = []): Promise<Probe> {
  const input = JSON.stringify({ exceptions: RETRY_EXCEPTIONS, dag_file: dagFile, cases });
  const res = await runProcess(airflowPython(airflow), [PROBE], { timeoutMs: 180_000, input });
  return parseHarnessJson<Probe>(`retry_policy_probe.py (Airflow ${airflow})`, res);
}

describe('retry policies in the real packages of each target @airflow', function () {
  this.timeout(240_000);
  let scratch = '';
  before(() => (scratch = makeTemp('retry-policy')));
  after(() => removeTemp(scratch));

  for (const airflow of AIRFLOW_VERSIONS.filter((v) => v !== '3.3.1')) {
    it(`Airflow ${airflow} has no retry policies (what DS235 says)`, async () => {
      const p = await probe(airflow, null);
      expect({ has_module: p.has_module, operator_param: p.operator_param }).to.deep.equal({ has_module: false, operator_param: false });
    });
  }

  describe('Airflow 3.3.1', () => {
    it('has the policy module and the retry_policy parameter; every allow-listed class is what the table says', async () => {
      const p = await probe('3.3.1', null);
      expect({ has_module: p.has_module, operator_param: p.operator_param }).to.deep.equal({ has_module: true, operator_param: true });
      const want = Object.fromEntries(
        RETRY_EXCEPTION_NAMES.map((n) => [
          n,
          {
            found: true,
            path: `${RETRY_EXCEPTIONS[n].module}.${n}`,
            exception: true,
            parents: [...RETRY_EXCEPTIONS[n].parents].sort(),
            bypassed: false,
          },
        ]),
      );
      expect(p.classes).to.deep.equal(want);
    });

    it('the golden DAG imports without warnings, and each task decides with its own policy on real exceptions as the spec says', async () => {
      const built = buildProject({ cwd: join(ROOT, 'test', 'fixtures', 'good-retry-policy'), airflow: '3.3.1' });
      expect(built.diagnostics).to.deep.equal([]);
      const file = writeDag(scratch, 'orders_landing.py', built.pipelines[0]!.content);
      const clientError = {
        error_response: { Error: { Code: 'NoSuchKey', Message: 'The specified key does not exist.' } },
        operation_name: 'CopyObject',
      };
      const endpoint = { endpoint_url: 'https://s3.us-east-1.amazonaws.com' };
      const p = await probe('3.3.1', file, [
        // The step's own policy: any AWS error fails at once; others are not its business.
        ['copy_drop', 'ClientError', clientError],
        ['copy_drop', 'ReadTimeoutError', endpoint],
        // The policy of defaults, on a step that sets none and on the sensor an EMR step adds.
        ['clean', 'NoCredentialsError', {}],
        ['clean', 'ParamValidationError', { report: 'Invalid bucket name' }],
        ['clean', 'EndpointConnectionError', endpoint],
        ['compact_wait', 'ReadTimeoutError', endpoint],
        ['clean', 'AirflowException', {}],
        // Its own default: fail, but a timeout retries after 10 minutes.
        ['publish', 'AirflowTaskTimeout', {}],
        ['publish', 'AirflowException', {}],
      ]);
      expect(p.warnings, 'warnings raised by the DAG file').to.deep.equal([]);
      const decisions = p.decisions.map((d) => [d.task, d.exception, d.action, d.retry_delay]);
      expect(decisions).to.deep.equal([
        ['copy_drop', 'ClientError', 'fail', null],
        ['copy_drop', 'ReadTimeoutError', 'default', null],
        ['clean', 'NoCredentialsError', 'fail', null],
        ['clean', 'ParamValidationError', 'fail', null],
        ['clean', 'EndpointConnectionError', 'retry', 30],
        ['compact_wait', 'ReadTimeoutError', 'retry', 30],
        ['clean', 'AirflowException', 'default', null],
        ['publish', 'AirflowTaskTimeout', 'retry', 600],
        ['publish', 'AirflowException', 'fail', null],
      ]);
      expect(p.decisions[0]!.reason).to.equal('missing or forbidden object: wait for the next drop');
    });
  });
});
