/**
 * The change report of a run, from the runner's result (src/test-runner/changes.ts): S3 effects with who did them,
 * what the tasks started with which arguments and who answered, and what exists near a key that was not found.
 * The results here have the runner's shape, cut to what the report reads (the runner itself is tested by
 * engine.test.ts and runner-parts.test.ts).
 */
import { expect } from 'chai';
import { changeReport, whatExistsInstead } from '../../src/test-runner/changes';
import type { AwsCall, RunResultRan } from '../../src/test-runner/protocol';

function call(seq: number, task: string, service: string, operation: string, args: Record<string, unknown>, extra: Partial<AwsCall> = {}): AwsCall {
  return { seq, at: seq, task, try: 1, phase: 'task', service, operation, args, status: 200, answeredBy: 'moto', ms: 1, ...extra };
}

function result(partial: Partial<RunResultRan>): RunResultRan {
  return {
    type: 'result',
    id: 't',
    status: 'ran',
    adjustments: [],
    given: { buckets: 0, objects: 0, calls: 0 },
    calls: [],
    outcomes: [],
    callbacks: [],
    s3: { changes: [], objectsAfter: [], truncated: false },
    blockedNetwork: [],
    ...partial,
  };
}

describe('test runner: the change report of a run', () => {
  it('sorts S3 changes into created, copied, modified and deleted, each with its task, source or outcome', () => {
    const report = changeReport(
      result({
        s3: {
          changes: [
            { change: 'bucket-created', bucket: 'new-bucket' },
            { change: 'created', bucket: 'f', key: 'out/part-0', size: 4, by: { task: 'etl', outcome: 'glue.job etl', call: 3 } },
            {
              change: 'created',
              bucket: 'r',
              key: 'landing/m.json',
              size: 2,
              by: { task: 'copy', operation: 'CopyObject', call: 1, source: 's3://r/inbox/m.json' },
            },
            { change: 'modified', bucket: 'r', key: 'state.json', size: 9, previousSize: 5, by: { task: 'put', operation: 'PutObject', call: 2 } },
            { change: 'deleted', bucket: 'r', key: 'inbox/m.json', size: 2, by: { task: 'clear', operation: 'DeleteObjects', call: 4 } },
            { change: 'deleted', bucket: 'r', key: 'orphan', size: 1 },
          ],
          objectsAfter: [],
          truncated: false,
        },
      }),
    );
    expect(report.s3).to.deep.equal({
      created: [{ bucket: 'f', key: 'out/part-0', task: 'etl', size: 4, outcome: 'glue.job etl' }],
      copied: [{ bucket: 'r', key: 'landing/m.json', task: 'copy', size: 2, from: 's3://r/inbox/m.json' }],
      modified: [{ bucket: 'r', key: 'state.json', task: 'put', size: 9 }],
      deleted: [
        { bucket: 'r', key: 'inbox/m.json', task: 'clear', size: 2 },
        { bucket: 'r', key: 'orphan', task: null, size: 1 },
      ],
      bucketsCreated: ['new-bucket'],
      bucketsDeleted: [],
    });
  });

  it('lists what tasks started with the arguments that matter, and says who answered', () => {
    const report = changeReport(
      result({
        calls: [
          call(0, 'wait', 's3', 'HeadObject', { Bucket: 'r', Key: 'k' }),
          call(1, 'etl', 'glue', 'StartJobRun', { JobName: 'etl', Arguments: { '--day': '2026-03-01' } }, { answeredBy: 'moto+dagsmith' }),
          call(2, 'crawl', 'glue', 'StartCrawler', { Name: 'raw' }),
          call(
            3,
            'load',
            'redshift-data',
            'BatchExecuteStatement',
            { Sqls: ['DELETE FROM t', 'COPY t FROM ...'], Database: 'dev', WorkgroupName: 'wg', ClientToken: 'x' },
            { answeredBy: 'dagsmith' },
          ),
          call(
            4,
            'views',
            'redshift-data',
            'ExecuteStatement',
            { Sql: 'CREATE VIEW v AS ...', Database: 'dev', ClusterIdentifier: 'c1' },
            { answeredBy: 'dagsmith' },
          ),
          call(
            5,
            'check',
            'lambda',
            'Invoke',
            { FunctionName: 'validate', Payload: '{"k":1}' },
            { answeredBy: 'dagsmith', status: 404, error: { code: 'ResourceNotFoundException', message: 'no outcome declared' } },
          ),
          call(
            6,
            'etl',
            'sns',
            'Publish',
            { TargetArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Subject: 'failed', Message: '{}', MessageStructure: 'json' },
            { phase: 'on_failure' },
          ),
        ],
        outcomes: [
          { kind: 'glue.job', resource: 'etl', task: 'etl', call: 1, declared: true, result: 'failed', wrote: [] },
          { kind: 'redshift.statement', resource: 'DELETE FROM t', task: 'load', call: 3, declared: true, result: 'finished', wrote: [] },
          { kind: 'redshift.statement', resource: 'CREATE VIEW', task: 'views', call: 4, declared: false, result: 'finished', wrote: [] },
        ],
      }),
    );
    expect(report.started.map((s) => [s.what, s.name, s.task, s.phase, s.answeredBy, s.result ?? null])).to.deep.equal([
      ['Glue job run', 'etl', 'etl', 'task', 'declared outcome', 'failed'],
      ['Glue crawler run', 'raw', 'crawl', 'task', 'emulator', null],
      ['Redshift Data statements', 'wg', 'load', 'task', 'declared outcome', 'finished'],
      ['Redshift Data statement', 'c1', 'views', 'task', 'default outcome', 'finished'],
      ['Lambda invocation', 'validate', 'check', 'task', 'default outcome', null],
      ['SNS message', 'arn:aws:sns:us-east-1:123456789012:alerts', 'etl', 'on_failure', 'emulator', null],
    ]);
    expect(report.started[0]!.args).to.deep.equal({ Arguments: { '--day': '2026-03-01' } });
    expect(report.started[2]!.args).to.deep.equal({ Database: 'dev', Sqls: ['DELETE FROM t', 'COPY t FROM ...'] });
    expect(report.started[4]!.error).to.equal('ResourceNotFoundException: no outcome declared');
  });

  it('finds what exists instead of a key that was not found, in the deepest folder that has keys', () => {
    const objects = [
      { bucket: 'raw', key: 'events/2026-03-01/_SUCCESS', size: 0 },
      { bucket: 'raw', key: 'events/2026-03-01/part-0.json', size: 10 },
      { bucket: 'raw', key: 'other/x', size: 1 },
      { bucket: 'elsewhere', key: 'events/2026-3-1/_SUCCESS', size: 0 },
    ];
    expect(whatExistsInstead(objects, 'raw', 'events/2026-3-1/_SUCCESS')).to.deep.equal({
      prefix: 'events/',
      keys: ['events/2026-03-01/_SUCCESS', 'events/2026-03-01/part-0.json'],
      more: 0,
    });
    expect(whatExistsInstead(objects, 'raw', 'events/2026-03-02/*.json')).to.deep.equal({
      prefix: 'events/',
      keys: ['events/2026-03-01/_SUCCESS', 'events/2026-03-01/part-0.json'],
      more: 0,
    });
    expect(whatExistsInstead(objects, 'raw', 'events/2026-03-01/_DONE').prefix).to.equal('events/2026-03-01/');
    expect(whatExistsInstead(objects, 'raw', 'nothing/here/k', 1)).to.deep.equal({ prefix: '', keys: ['events/2026-03-01/_SUCCESS'], more: 2 });
    expect(whatExistsInstead(objects, 'empty', 'a/b')).to.deep.equal({ prefix: '', keys: [], more: 0 });
  });
});
