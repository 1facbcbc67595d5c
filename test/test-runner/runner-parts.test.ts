/**
 * The runner's parts without Airflow, in the oldest and the newest Airflow virtualenv (their boto3 and botocore
 * differ: 1.35 and 1.43): environment scrubbing, loopback-only networking, request and import checks, and the
 * recording proxy answering declared outcomes to real boto3 clients, through a real moto server
 * (test/test-runner/runner_probe.py prints what it saw).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { RUNNER_DIR } from '../../src/test-runner/engine';
import { AIRFLOW_VERSIONS, airflowPython, parseHarnessJson, runProcess, startMoto, type MotoServer } from '../airflow/harness';

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const ALL = [...AIRFLOW_VERSIONS].sort(byVersion);
const TARGETS = [...new Set([ALL[0]!, ALL[ALL.length - 1]!])];

interface Probe {
  scrubbed: string[];
  kept: string[];
  endpoints: Record<string, boolean>;
  credentials: Record<string, string | null>;
  requestProblems: string[];
  requestOk: { problems: string[]; dateOnly: boolean };
  imports: Record<string, string[]>;
  shape: Record<string, string[]>;
  listShape: Record<string, string[]>;
  checkedShape: Record<string, string[]>;
  listCallables: Record<string, boolean>;
  setupErrors: (string | null)[];
  network: Record<string, unknown>;
  proxy: Record<string, unknown> & { lambda?: [string, string]; moto_body?: string };
  calls: {
    seq: number;
    task: string;
    phase: string;
    service: string;
    operation: string;
    args: Record<string, unknown>;
    status: number;
    answeredBy: string;
    decodeProblem?: string;
  }[];
  uses: { kind: string; resource: string; result: string; declared: boolean; wrote: { bucket: string; key: string }[] }[];
}

for (const target of TARGETS) {
  describe(`test runner parts in the Airflow ${target} virtualenv (no Airflow run) @airflow`, function () {
    this.timeout(120_000);
    let moto: MotoServer | undefined;
    let probe: Probe;

    before(async () => {
      moto = await startMoto();
      const res = await runProcess(airflowPython(target), [join(__dirname, 'runner_probe.py'), RUNNER_DIR, moto.endpoint], { timeoutMs: 100_000 });
      if (res.code !== 0) throw new Error(`runner_probe.py exited with ${res.signal ?? res.code}:\n${res.stderr.slice(-4000)}`);
      probe = parseHarnessJson<Probe>('runner_probe.py', res);
    });

    after(async () => {
      await moto?.stop();
    });

    it('scrubs every AWS_*, AIRFLOW_* and boto setting, whatever its case, and keeps the rest', () => {
      expect(probe.scrubbed).to.deep.equal([
        'AIRFLOW_CONN_AWS_DEFAULT',
        'AIRFLOW__SECRETS__BACKEND',
        'AWS_ACCESS_KEY_ID',
        'AWS_ENDPOINT_URL_S3',
        'AWS_PROFILE',
        'AWS_SESSION_TOKEN',
        'BOTO_CONFIG',
        'aws_secret_access_key',
      ]);
      expect(probe.kept).to.deep.equal(['HOME', 'PATH']);
    });

    it('accepts only an http loopback endpoint with a port, and only its own dummy credentials', () => {
      expect(probe.endpoints).to.deep.equal({
        'http://127.0.0.1:5000': true,
        'http://localhost:5000': true,
        'http://[::1]:5000': true,
        'http://10.0.0.1:5000': false,
        'https://127.0.0.1:5000': false,
        'http://127.0.0.1': false,
        'http://127.0.0.1:5000/path': false,
        'http://169.254.169.254:80': false,
        'http://user:pw@127.0.0.1:5000': false,
        'http://127.0.0.1.nip.io:5000': false,
      });
      expect(probe.credentials.dummy).to.equal(null);
      expect(probe.credentials.real).to.contain('not the runner');
      expect(probe.credentials.profile).to.contain('AWS_PROFILE');
      expect(probe.credentials.endpoint).to.contain('AWS_ENDPOINT_URL_S3');
    });

    it('blocks connections and name lookups off the machine, and lets loopback through', () => {
      expect(probe.network).to.deep.equal({
        connect: 'gaierror dagsmith',
        resolve: 'gaierror dagsmith',
        udp: 'ConnectionRefusedError dagsmith',
        loopback: 'connected',
        recorded: ['resolve 10.255.255.1', 'resolve s3.amazonaws.com', 'connect to 8.8.8.8'],
      });
    });

    it("reports every problem of a bad request, and checks a DAG file's imports before importing it", () => {
      expect(probe.requestProblems).to.deep.equal([
        'logicalDate: YYYY-MM-DD or an ISO 8601 date-time with an offset',
        'allowedClasses: a list of dotted class paths (module.Class)',
        'given.s3[0] needs a non-empty bucket and key',
        'outcomes.glueJob: unknown (known: athena, databrew, emrServerless, emrSteps, flink, glueJobs, lambda, redshiftData)',
        'limits.sensorTimeout: seconds, more than 0 and at most 86400',
      ]);
      expect(probe.requestOk.problems).to.deep.equal([]);
      expect(probe.requestOk.dateOnly).to.equal(true);
      expect(probe.imports).to.deep.equal({
        generated: [],
        bash: ['DS700'],
        os: ['DS701'],
        relative: ['DS701'],
        function: ['DS701'],
        syntax: ['DS706'],
      });
    });

    it('refuses a DAG file with Python a generated one never has (builtins, dunder or chained attributes, lambdas), before importing it', () => {
      const lead = 'the DAG file has';
      expect(probe.shape).to.deep.equal({
        generated: [],
        builtin: [`${lead} the name 'open' before an import or assignment defines it`],
        shadowed: [`${lead} the name 'open' before an import or assignment defines it`],
        dunder: [`${lead} the attribute '__class__'`],
        chain: [`${lead} an attribute of an expression (.os)`, `${lead} the module attribute pendulum.helpers`],
        lambda: [`${lead} the Python construct Lambda`, `${lead} the Python construct arguments`],
        subscript: [`${lead} the Python construct Subscript`],
        // A fanned-out step's item function and partial/expand pass; other functions and attributes do not.
        fan_out: [],
        function_body: [
          `${lead} the Python construct FunctionDef`,
          `${lead} the Python construct arguments`,
          `${lead} the Python construct Return`,
          `${lead} the Python construct arg`,
        ],
        function_args: [
          `${lead} the Python construct FunctionDef`,
          `${lead} the Python construct arguments`,
          `${lead} the Python construct Return`,
          `${lead} the Python construct arg`,
          `${lead} the Python construct arg`,
        ],
        expand_elsewhere: [`${lead} an attribute of an expression (.expand)`],
      });
    });

    it("accepts a fan-out's list functions only word for word, and a PythonOperator only with one of them", () => {
      const lead = 'the DAG file has';
      expect(probe.listShape.generated).to.deep.equal([]);
      expect(probe.listShape.changed).to.include(`${lead} the Python construct FunctionDef`);
      expect(probe.listShape.changed).to.include(`${lead} the Python construct Try`);
      expect(probe.listShape.hook_elsewhere).to.include(`${lead} the Python construct FunctionDef`);
      expect(probe.listCallables).to.deep.equal({ fixed: true, builtin: false, lambda: false, other_name: false });
    });

    it('accepts a checked operator subclass only word for word, extending the provider class it names', () => {
      const lead = 'the DAG file has';
      expect(probe.checkedShape.generated).to.deep.equal([]);
      expect(probe.checkedShape.aliased).to.deep.equal([]);
      expect(probe.checkedShape.changed).to.include(`${lead} the Python construct ClassDef`);
      expect(probe.checkedShape.base_elsewhere).to.include(`${lead} the Python construct ClassDef`);
      expect(probe.checkedShape.other_class).to.include(`${lead} the Python construct ClassDef`);
    });

    it('applies given API calls only as operations of a real service, each failure named', () => {
      expect(probe.setupErrors).to.deep.equal([
        'given.calls[0]: s3 has no operation __init__',
        'given.calls[0] no-such-service Get: UnknownServiceError',
        'given.calls[0] glue GetJob: EntityNotFoundException',
        null,
      ]);
    });

    it("answers declared outcomes in each service's protocol, and boto3 reads them as AWS answers", () => {
      const p = probe.proxy;
      expect(p.glue, 'a Glue job that fails, then succeeds (its retry)').to.deep.equal([
        ['FAILED', 'OOM'],
        ['SUCCEEDED', null],
      ]);
      expect(p.glueWrote, 'what the failed run wrote').to.equal('x');
      expect(p.athena).to.deep.equal({
        failed: ['FAILED', 'SYNTAX_ERROR: line 1'],
        succeeded: 'SUCCEEDED',
        rows: [
          ['n', 'label'],
          ['1', 'a'],
          ['2', null],
        ],
      });
      expect(p.redshift).to.deep.equal({
        failed: ['FAILED', 'permission denied'],
        batch: ['FINISHED', ['FINISHED', 'FINISHED'], ['DELETE FROM t', 'SELECT c FROM t']],
        default: 'FINISHED',
        rows: [[7], ['x'], [true]],
      });
      expect(p.databrew).to.deep.equal([
        ['FAILED', 'bad recipe'],
        ['SUCCEEDED', null],
      ]);
      expect(p.flink).to.deep.equal({ states: ['READY', 'RUNNING', 'READY'], failed: ['InvalidApplicationConfigurationException', 'no snapshot'] });
      expect(p.emr).to.deep.equal([
        ['FAILED', 'exit 1'],
        ['COMPLETED', null],
      ]);
      expect(p.lambda?.[0]).to.equal('ResourceNotFoundException');
      expect(p.lambda?.[1]).to.contain("no outcome declared for Lambda function 'undeclared'");
      expect(p.moto_body).to.equal('hello stream');
      expect(p.headAfterDelete).to.equal('404');
      expect(probe.uses.map((u) => [u.kind, u.result, u.declared])).to.deep.equal([
        ['glue.job', 'failed', true],
        ['glue.job', 'succeeded', true],
        ['athena.query', 'failed', true],
        ['athena.query', 'succeeded', true],
        ['redshift.statement', 'failed', true],
        ['redshift.statement', 'finished', true],
        ['redshift.statement', 'finished', false],
        ['databrew.job', 'failed', true],
        ['databrew.job', 'succeeded', false],
        ['flink.application', 'started', false],
        ['flink.application', 'stopped', false],
        ['flink.application', 'failed', true],
        ['emr.step', 'failed', true],
        ['emr.step', 'completed', false],
      ]);
    });

    it("records every call under the API's own operation and member names, and who answered it", () => {
      const byOp = (service: string, operation: string) => probe.calls.filter((c) => c.service === service && c.operation === operation);
      expect(probe.calls.every((c) => c.operation !== null && !c.decodeProblem && c.task === 'probe' && c.phase === 'task')).to.equal(true);
      expect(probe.calls.map((c) => c.seq)).to.deep.equal(probe.calls.map((_, i) => i));
      expect(byOp('glue', 'StartJobRun')[0]!.args).to.deep.equal({ JobName: 'etl', Arguments: { '--day': '2026-03-01' } });
      expect(byOp('glue', 'GetJobRun').map((c) => c.answeredBy)).to.deep.equal(['moto+dagsmith', 'moto+dagsmith']);
      expect(byOp('redshift-data', 'BatchExecuteStatement')[0]!.args.Sqls).to.deep.equal(['DELETE FROM t', 'SELECT c FROM t']);
      expect(byOp('lambda', 'Invoke')[0]!.args).to.deep.equal({ FunctionName: 'undeclared', Payload: '{}' });
      expect(byOp('databrew', 'DescribeJobRun')[0]!.args.Name).to.equal('prep');
      const put = byOp('s3', 'PutObject')[0]!;
      expect([put.args.Bucket, put.args.Key, put.args.Body, put.answeredBy]).to.deep.equal(['out', 'streamed.txt', 'hello stream', 'moto']);
      expect(byOp('s3', 'CopyObject')[0]!.args).to.deep.include({ Bucket: 'out', Key: 'copy.txt', CopySource: 'out/streamed.txt' });
      expect(byOp('s3', 'DeleteObjects')[0]!.args.Delete).to.deep.equal({ Objects: [{ Key: 'copy.txt' }, { Key: 'missing' }] });
      expect((byOp('emr', 'AddJobFlowSteps')[0]!.args.Steps as { Name: string }[]).map((s) => s.Name)).to.deep.equal(['build', 'other']);
    });
  });
}
