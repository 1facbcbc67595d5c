/**
 * The MWAA Serverless client (src/sync/serverless/api.ts) against the local MWAA Serverless server
 * (test/servers/mwaa-serverless-server.ts), which checks each request's SigV4 signature. Without S3: signing,
 * endpoint and region resolution, typed errors, the SDK's retry on throttling. With moto's S3 (@airflow, and the
 * mwaa-serverless virtualenv for AWS's validator): workflows and versions, validation with FieldList, conflicts,
 * idempotency tokens across retries, runs and task instances.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, PutBucketVersioningCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { expect } from 'chai';
import {
  ConflictException,
  configuredServerlessEndpoint,
  CreateWorkflowCommand,
  defaultServerlessEndpoint,
  GetTaskInstanceCommand,
  GetWorkflowCommand,
  GetWorkflowRunCommand,
  ListTaskInstancesCommand,
  ListWorkflowsCommand,
  ListWorkflowVersionsCommand,
  MwaaServerlessClient,
  MwaaServerlessServiceException,
  ResourceNotFoundException,
  StartWorkflowRunCommand,
  StopWorkflowRunCommand,
  TERMINAL_RUN_STATES,
  ThrottlingException,
  toServiceException,
  UpdateWorkflowCommand,
  ValidationException,
  type MwaaServerlessClientConfig,
  type WorkflowRunStatus,
} from '../../../src/sync/serverless/api';
import { makeTemp, removeTemp, startMoto, type MotoServer } from '../../airflow/harness';
import { startMwaaServerlessServer, TEST_CREDENTIALS, type MwaaServerlessServer } from '../../servers/mwaa-serverless-server';

const NO_DELAY = () => new ConfiguredRetryStrategy(3, 0);
const WORKFLOW_ARN = /^arn:aws:airflow-serverless:[a-z]{2}-(?:[a-z]+-)+[0-9]:[0-9]{12}:workflow\/[a-zA-Z0-9][a-zA-Z0-9.\-_]{0,254}-[a-zA-Z0-9]{10}$/;
const ROLE = 'arn:aws:iam::123456789012:role/serverless-workflow';

function client(server: MwaaServerlessServer, extra: Partial<MwaaServerlessClientConfig> = {}): MwaaServerlessClient {
  return new MwaaServerlessClient({
    region: server.region,
    endpoint: server.endpoint,
    credentials: TEST_CREDENTIALS,
    retryStrategy: NO_DELAY(),
    ...extra,
  });
}

async function rejection(p: Promise<unknown>): Promise<MwaaServerlessServiceException> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(MwaaServerlessServiceException);
    return err as MwaaServerlessServiceException;
  }
  throw new Error('expected the call to fail');
}

async function withEnv<T>(vars: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const NO_ENDPOINT_ENV = {
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_MWAA_SERVERLESS: undefined,
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: undefined,
  AWS_PROFILE: undefined,
};

describe('sync/serverless/api: endpoint, region and errors', () => {
  let dir: string;
  before(() => (dir = makeTemp('serverless-config')));
  after(() => removeTemp(dir));

  it("AWS's endpoint comes from the model's rules: dual-stack suffix of the region's partition", () => {
    expect(defaultServerlessEndpoint('us-east-1')).to.equal('https://airflow-serverless.us-east-1.api.aws');
    expect(defaultServerlessEndpoint('cn-northwest-1')).to.equal('https://airflow-serverless.cn-northwest-1.api.amazonwebservices.com.cn');
  });

  it('reads the configured endpoint as the SDK does: service variable, then AWS_ENDPOINT_URL, then the config file; ignorable', async () => {
    const config = join(dir, 'config');
    writeFileSync(config, '[profile svc]\nservices = local\n[services local]\nmwaa_serverless =\n  endpoint_url = http://127.0.0.1:1/from-file\n');
    const file = { ...NO_ENDPOINT_ENV, AWS_CONFIG_FILE: config, AWS_PROFILE: 'svc' };
    expect(await withEnv(file, configuredServerlessEndpoint)).to.equal('http://127.0.0.1:1/from-file');
    expect(await withEnv({ ...file, AWS_ENDPOINT_URL: 'http://127.0.0.1:2' }, configuredServerlessEndpoint)).to.equal('http://127.0.0.1:2');
    expect(
      await withEnv(
        { ...file, AWS_ENDPOINT_URL: 'http://127.0.0.1:2', AWS_ENDPOINT_URL_MWAA_SERVERLESS: 'http://127.0.0.1:3' },
        configuredServerlessEndpoint,
      ),
    ).to.equal('http://127.0.0.1:3');
    expect(
      await withEnv(
        { ...file, AWS_ENDPOINT_URL_MWAA_SERVERLESS: 'http://127.0.0.1:3', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
        configuredServerlessEndpoint,
      ),
    ).to.equal(undefined);
  });

  it('takes the region from AWS_REGION when none is given, and says so when there is none', async () => {
    const empty = join(dir, 'empty');
    writeFileSync(empty, '');
    const base = { ...NO_ENDPOINT_ENV, AWS_CONFIG_FILE: empty, AWS_SHARED_CREDENTIALS_FILE: empty, AWS_DEFAULT_REGION: undefined };
    expect(await withEnv({ ...base, AWS_REGION: 'eu-west-1' }, () => new MwaaServerlessClient().resolveRegion())).to.equal('eu-west-1');
    const endpoint = await withEnv({ ...base, AWS_REGION: 'eu-west-1' }, () => new MwaaServerlessClient().resolveEndpoint());
    expect(endpoint.href).to.equal('https://airflow-serverless.eu-west-1.api.aws/');
    let message = '';
    await withEnv({ ...base, AWS_REGION: undefined }, () => new MwaaServerlessClient().resolveRegion()).catch((e: Error) => (message = e.message));
    expect(message).to.match(/no region/);
  });

  it('reads awsJson error responses: code from the header or __type (namespace and suffix dropped), members typed', () => {
    const v = toServiceException(
      400,
      undefined,
      {
        __type: 'com.amazonaws.mwaaserverless#ValidationException',
        message: 'bad',
        Reason: 'fieldValidationFailed',
        FieldList: [{ Name: 'd.tasks.a.operator', Message: 'no' }],
      },
      {},
    );
    expect(v).to.be.instanceOf(ValidationException);
    expect(v.message).to.equal('bad');
    expect((v as ValidationException).FieldList).to.deep.equal([{ Name: 'd.tasks.a.operator', Message: 'no' }]);
    const t = toServiceException(
      400,
      'ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      { Message: 'slow down', RetryAfterSeconds: 2 },
      {},
    );
    expect(t).to.be.instanceOf(ThrottlingException);
    expect(t.$retryable).to.deep.equal({ throttling: true });
    expect((t as ThrottlingException).RetryAfterSeconds).to.equal(2);
    const u = toServiceException(502, undefined, {}, { httpStatusCode: 502 });
    expect([u.name, u.$fault]).to.deep.equal(['UnknownError (HTTP 502)', 'server']);
  });
});

describe('sync/serverless/api against the local server (no S3)', () => {
  let server: MwaaServerlessServer;
  before(async () => (server = await startMwaaServerlessServer({ s3Endpoint: 'http://127.0.0.1:9' })));
  after(() => server.stop());

  it('signs with SigV4 (service airflow-serverless) and sends awsJson 1.0; the server verifies the signature', async () => {
    const c = client(server);
    const out = await c.send(new ListWorkflowsCommand({}));
    expect(out.Workflows).to.deep.equal([]);
    expect(out.$metadata).to.include({ httpStatusCode: 200, attempts: 1 });
    expect(server.calls.at(-1)).to.deep.equal({ operation: 'ListWorkflows', input: {} });
    c.destroy();
  });

  it('a wrong secret is refused by the server as InvalidSignatureException, typed and not retried', async () => {
    const c = client(server, { credentials: { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: 'wrong' } });
    const err = await rejection(c.send(new ListWorkflowsCommand({})));
    expect([err.name, err.$fault, err.$metadata.attempts]).to.deep.equal(['InvalidSignatureException', 'client', 1]);
    c.destroy();
  });

  it('an unsigned request is refused with MissingAuthenticationTokenException', async () => {
    const res = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonMWAAServerless.ListWorkflows' },
      body: '{}',
    });
    expect(res.status).to.equal(403);
    expect(res.headers.get('x-amzn-errortype')).to.equal('MissingAuthenticationTokenException');
  });

  it("retries throttling with the SDK's standard strategy, and gives up with a typed ThrottlingException", async () => {
    const c = client(server);
    server.throttle('ListWorkflows', 2);
    const ok = await c.send(new ListWorkflowsCommand({ MaxResults: 5 }));
    expect(ok.$metadata.attempts).to.equal(3);
    server.throttle('ListWorkflows', 3);
    const err = await rejection(c.send(new ListWorkflowsCommand({})));
    expect(err).to.be.instanceOf(ThrottlingException);
    expect([err.$metadata.httpStatusCode, err.$metadata.attempts]).to.deep.equal([429, 3]);
    c.destroy();
  });

  it('waits at least the RetryAfterSeconds the service asks for before retrying', async () => {
    const c = client(server);
    server.throttle('ListWorkflows', 1, 1);
    const ok = await c.send(new ListWorkflowsCommand({}));
    expect(ok.$metadata.attempts).to.equal(2);
    expect(ok.$metadata.totalRetryDelay).to.be.at.least(900);
    c.destroy();
  });

  it('a workflow that does not exist is ResourceNotFoundException with ResourceId and ResourceType', async () => {
    const c = client(server);
    const arn = 'arn:aws:airflow-serverless:us-east-1:123456789012:workflow/none-abcdefghij';
    const err = await rejection(c.send(new GetWorkflowCommand({ WorkflowArn: arn })));
    expect(err).to.be.instanceOf(ResourceNotFoundException);
    expect([(err as ResourceNotFoundException).ResourceId, (err as ResourceNotFoundException).ResourceType, err.$metadata.attempts]).to.deep.equal([
      arn,
      'Workflow',
      1,
    ]);
    c.destroy();
  });

  it('finds the server through AWS_ENDPOINT_URL_MWAA_SERVERLESS when no endpoint is passed', async () => {
    await withEnv({ ...NO_ENDPOINT_ENV, AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_MWAA_SERVERLESS: server.endpoint }, async () => {
      const c = new MwaaServerlessClient({ region: server.region, credentials: TEST_CREDENTIALS, retryStrategy: NO_DELAY() });
      expect((await c.send(new ListWorkflowsCommand({}))).$metadata.httpStatusCode).to.equal(200);
      c.destroy();
    });
  });
});

const DEFINITION = `etl:
  dag_id: etl
  schedule: "0 3 * * *"
  catchup: false
  tags: [ingest]
  tasks:
    create:
      operator: airflow.providers.amazon.aws.operators.s3.S3CreateBucketOperator
      bucket_name: data
    wait:
      operator: airflow.providers.amazon.aws.sensors.s3.S3KeySensor
      bucket_key: s3://data/in
      dependencies: [create]
    done:
      operator: airflow.operators.empty.EmptyOperator
      dependencies: [wait]
`;

describe('sync/serverless/api against the local server and moto S3 @airflow', () => {
  let moto: MotoServer;
  let server: MwaaServerlessServer;
  let s3: S3Client;
  let c: MwaaServerlessClient;
  const bucket = 'serverless-defs';

  async function put(key: string, body: string): Promise<string> {
    return (await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))).VersionId!;
  }

  async function create(name: string, key: string, body: string, extra: Record<string, unknown> = {}) {
    const versionId = await put(key, body);
    return c.send(
      new CreateWorkflowCommand({
        Name: name,
        RoleArn: ROLE,
        DefinitionS3Location: { Bucket: bucket, ObjectKey: key, VersionId: versionId },
        ...extra,
      }),
    );
  }

  async function runToEnd(arn: string, runId: string): Promise<WorkflowRunStatus[]> {
    const seen: WorkflowRunStatus[] = [];
    for (let i = 0; i < 50; i++) {
      const run = await c.send(new GetWorkflowRunCommand({ WorkflowArn: arn, RunId: runId }));
      const state = run.RunDetail!.RunState!;
      if (seen.at(-1) !== state) seen.push(state);
      if (TERMINAL_RUN_STATES.has(state)) return seen;
    }
    throw new Error(`run ${runId} did not end: ${seen.join(' > ')}`);
  }

  before(async function () {
    this.timeout(60_000);
    moto = await startMoto();
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    server = await startMwaaServerlessServer({ s3Endpoint: moto.endpoint, failTasks: ['doomed'] });
    c = client(server);
  });

  after(async () => {
    c?.destroy();
    s3?.destroy();
    await server?.stop();
    await moto?.stop();
  });

  it("creates a workflow from a versioned S3 object, with the model's ARN and version forms and the Warnings", async () => {
    const out = await create('etl', 'etl.yaml', DEFINITION);
    expect(out.WorkflowArn).to.match(WORKFLOW_ARN);
    expect(out.WorkflowVersion).to.match(/^[a-z0-9]{32}$/);
    expect(out.CreatedAt).to.be.instanceOf(Date);
    expect(out.Warnings).to.deep.equal([
      "etl.catchup: 'catchup' has no effect on MWAA Serverless",
      "etl.tags: 'tags' has no effect on MWAA Serverless",
    ]);
    const got = await c.send(new GetWorkflowCommand({ WorkflowArn: out.WorkflowArn }));
    expect(got.WorkflowDefinition).to.equal(DEFINITION);
    expect(got.ScheduleConfiguration).to.deep.equal({ CronExpression: '0 3 * * *' });
    expect(got.DefinitionS3Location?.ObjectKey).to.equal('etl.yaml');
  });

  it('UpdateWorkflow snapshots a new version; the old one keeps its definition though the object changed', async () => {
    const first = await create('versions', 'versions.yaml', DEFINITION);
    const changed = DEFINITION.replace('0 3 * * *', '0 4 * * *');
    const v2 = await put('versions.yaml', changed);
    const up = await c.send(
      new UpdateWorkflowCommand({
        WorkflowArn: first.WorkflowArn,
        RoleArn: ROLE,
        DefinitionS3Location: { Bucket: bucket, ObjectKey: 'versions.yaml', VersionId: v2 },
      }),
    );
    expect(up.WorkflowVersion)
      .to.match(/^[a-z0-9]{32}$/)
      .and.not.equal(first.WorkflowVersion);
    expect(up.ModifiedAt).to.be.instanceOf(Date);
    const versions = await c.send(new ListWorkflowVersionsCommand({ WorkflowArn: first.WorkflowArn }));
    expect(versions.WorkflowVersions!.map((v) => [v.WorkflowVersion, v.IsLatestVersion])).to.deep.equal([
      [first.WorkflowVersion, false],
      [up.WorkflowVersion, true],
    ]);
    const old = await c.send(new GetWorkflowCommand({ WorkflowArn: first.WorkflowArn, WorkflowVersion: first.WorkflowVersion! }));
    expect(old.WorkflowDefinition).to.equal(DEFINITION);
    expect((await c.send(new GetWorkflowCommand({ WorkflowArn: first.WorkflowArn }))).ScheduleConfiguration?.CronExpression).to.equal('0 4 * * *');
  });

  it("refuses a definition AWS's validator refuses: ValidationException with a FieldList entry per problem", async () => {
    const bad = `bad:\n  dag_id: bad\n  task_groups: {}\n  tasks:\n    run:\n      operator: airflow.providers.standard.operators.bash.BashOperator\n      bash_command: echo hi\n`;
    const err = await rejection(create('bad', 'bad.yaml', bad));
    expect(err).to.be.instanceOf(ValidationException);
    const v = err as ValidationException;
    expect(v.Reason).to.equal('fieldValidationFailed');
    expect(v.FieldList!.map((f) => f.Name)).to.deep.equal(['bad.task_groups', 'bad.tasks.run.operator']);
    expect(v.FieldList![1]!.Message).to.match(/^'airflow\.providers\.standard\.operators\.bash\.BashOperator' not in /);
    expect(v.$metadata.attempts).to.equal(1);
  });

  it('accepts Python/Bash operators when a code package comes with the definition', async () => {
    const codeVersion = await put('code/tasks.py', 'def run():\n    return 1\n');
    const bash = `bash:\n  dag_id: bash\n  tasks:\n    run:\n      operator: airflow.providers.standard.operators.bash.BashOperator\n      bash_command: echo hi\n`;
    const out = await create('bash', 'bash.yaml', bash, {
      Code: { S3Location: { Bucket: bucket, ObjectKey: 'code/tasks.py', VersionId: codeVersion } },
    });
    expect(out.WorkflowArn).to.match(WORKFLOW_ARN);
  });

  it('refuses an S3 location it cannot read (ValidationException, Reason other)', async () => {
    const err = await rejection(
      c.send(new CreateWorkflowCommand({ Name: 'missing', RoleArn: ROLE, DefinitionS3Location: { Bucket: bucket, ObjectKey: 'nope.yaml' } })),
    );
    expect([err.name, (err as ValidationException).Reason, (err as ValidationException).FieldList?.[0]?.Name]).to.deep.equal([
      'ValidationException',
      'other',
      'DefinitionS3Location',
    ]);
  });

  it('a second workflow of the same name is ConflictException; the same ClientToken is the same workflow', async () => {
    const versionId = await put('dup.yaml', DEFINITION);
    const input = {
      Name: 'dup',
      RoleArn: ROLE,
      ClientToken: 'token-1',
      DefinitionS3Location: { Bucket: bucket, ObjectKey: 'dup.yaml', VersionId: versionId },
    };
    const first = await c.send(new CreateWorkflowCommand(input));
    const again = await c.send(new CreateWorkflowCommand(input));
    expect(again.WorkflowArn).to.equal(first.WorkflowArn);
    const err = await rejection(c.send(new CreateWorkflowCommand({ ...input, ClientToken: 'token-2' })));
    expect(err).to.be.instanceOf(ConflictException);
    expect([(err as ConflictException).ResourceId, (err as ConflictException).ResourceType, err.$metadata.httpStatusCode]).to.deep.equal([
      'dup',
      'Workflow',
      409,
    ]);
  });

  it('keeps the idempotency token it filled in across retries of a throttled CreateWorkflow', async () => {
    const versionId = await put('retry.yaml', DEFINITION);
    server.throttle('CreateWorkflow', 2);
    const before = server.calls.length;
    const out = await c.send(
      new CreateWorkflowCommand({
        Name: 'retry',
        RoleArn: ROLE,
        DefinitionS3Location: { Bucket: bucket, ObjectKey: 'retry.yaml', VersionId: versionId },
      }),
    );
    expect(out.$metadata.attempts).to.equal(3);
    const tokens = server.calls.slice(before).map((call) => call.input.ClientToken);
    expect(tokens).to.have.length(3);
    expect(new Set(tokens).size).to.equal(1);
    expect(tokens[0]).to.match(/^[0-9a-f-]{36}$/);
  });

  it('an UpdateWorkflow the service finds in conflict is a typed ConflictException, not retried', async () => {
    const first = await create('conflicted', 'conflicted.yaml', DEFINITION);
    server.conflict('UpdateWorkflow', 1);
    const err = await rejection(
      c.send(
        new UpdateWorkflowCommand({
          WorkflowArn: first.WorkflowArn,
          RoleArn: ROLE,
          DefinitionS3Location: { Bucket: bucket, ObjectKey: 'conflicted.yaml' },
        }),
      ),
    );
    expect(err).to.be.instanceOf(ConflictException);
    expect(err.$metadata.attempts).to.equal(1);
  });

  it('runs a workflow: the run goes STARTING > QUEUED > RUNNING > SUCCESS, its task instances to SUCCESS', async () => {
    const wf = await create('runs', 'runs.yaml', DEFINITION);
    const started = await c.send(new StartWorkflowRunCommand({ WorkflowArn: wf.WorkflowArn }));
    expect(started.Status).to.equal('STARTING');
    expect(await runToEnd(wf.WorkflowArn, started.RunId!)).to.deep.equal(['QUEUED', 'RUNNING', 'SUCCESS']);
    const listed = await c.send(new ListTaskInstancesCommand({ WorkflowArn: wf.WorkflowArn, RunId: started.RunId! }));
    expect(listed.TaskInstances!.map((t) => [t.OperatorName, t.Status])).to.deep.equal([
      ['S3CreateBucketOperator', 'SUCCESS'],
      ['S3KeySensor', 'SUCCESS'],
      ['EmptyOperator', 'SUCCESS'],
    ]);
    const ti = await c.send(
      new GetTaskInstanceCommand({ WorkflowArn: wf.WorkflowArn, RunId: started.RunId!, TaskInstanceId: listed.TaskInstances![1]!.TaskInstanceId! }),
    );
    expect([ti.TaskId, ti.Status, ti.StartedAt instanceof Date, ti.EndedAt instanceof Date]).to.deep.equal(['wait', 'SUCCESS', true, true]);
  });

  it('a failing task fails the run and its downstream tasks are UPSTREAM_FAILED; a run can be stopped', async () => {
    const failing = DEFINITION.replace(
      '    done:\n',
      '    doomed:\n      operator: airflow.operators.empty.EmptyOperator\n      dependencies: [create]\n    done:\n',
    ).replace('dependencies: [wait]', 'dependencies: [wait, doomed]');
    const wf = await create('failing', 'failing.yaml', failing);
    const run = await c.send(new StartWorkflowRunCommand({ WorkflowArn: wf.WorkflowArn }));
    expect((await runToEnd(wf.WorkflowArn, run.RunId!)).at(-1)).to.equal('FAILED');
    const tasks = await c.send(new ListTaskInstancesCommand({ WorkflowArn: wf.WorkflowArn, RunId: run.RunId! }));
    expect(tasks.TaskInstances!.map((t) => t.Status)).to.deep.equal(['SUCCESS', 'SUCCESS', 'FAILED', 'UPSTREAM_FAILED']);
    const second = await c.send(new StartWorkflowRunCommand({ WorkflowArn: wf.WorkflowArn }));
    const stopped = await c.send(new StopWorkflowRunCommand({ WorkflowArn: wf.WorkflowArn, RunId: second.RunId! }));
    expect(stopped.Status).to.equal('STOPPED');
  });
});

describe('sync/serverless/api: the local server with the allowlist alone @airflow', () => {
  let moto: MotoServer;
  let server: MwaaServerlessServer;

  before(async function () {
    this.timeout(60_000);
    moto = await startMoto();
    server = await startMwaaServerlessServer({ s3Endpoint: moto.endpoint, validator: 'allowlist' });
  });
  after(async () => {
    await server?.stop();
    await moto?.stop();
  });

  it("refuses an operator outside the schema's allowlist without running Python", async () => {
    const s3 = new S3Client({
      region: 'us-east-1',
      endpoint: moto.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'allow' }));
    await s3.send(
      new PutObjectCommand({ Bucket: 'allow', Key: 'd.yaml', Body: 'd:\n  dag_id: d\n  tasks:\n    t:\n      operator: my.CustomOperator\n' }),
    );
    s3.destroy();
    const c = client(server);
    const err = await rejection(
      c.send(new CreateWorkflowCommand({ Name: 'd', RoleArn: ROLE, DefinitionS3Location: { Bucket: 'allow', ObjectKey: 'd.yaml' } })),
    );
    expect((err as ValidationException).FieldList).to.deep.equal([
      { Name: 'd.tasks.t.operator', Message: "'my.CustomOperator' is not a supported operator" },
    ]);
    c.destroy();
  });
});
