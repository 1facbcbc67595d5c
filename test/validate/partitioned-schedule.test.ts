/**
 * Partitioned schedules without Airflow: DS240 on every target but 3.3.1 (2.11.2 too, which has no golden case of its
 * own), the IR a partitioned schedule normalizes to, how summaries and the plan show it, and the asset graph's
 * partition checks on chains the golden cases do not have (a consumer's runs are partitioned too; externalAssets).
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { summarizeSchedule } from '../../src/base/schedule-summary';
import { partitionFormatError } from '../../src/base/partitioned-schedule';
import { scheduleText } from '../../src/sync/dag-summary';
import { makeTemp, removeTemp } from '../helpers/cli';

const PRODUCER = `version: 1
id: producer
schedule:
  cron: "@daily"
  partitioned: { keyFormat: "%Y-%m-%d", runOffset: -1 }
startDate: 2026-01-01
steps: [{ id: land, kind: glue.job, job: land, produces: ["s3://acme-raw/orders/"] }]
`;
const CONSUMER = `version: 1
id: consumer
schedule:
  assets: ["s3://acme-raw/orders/"]
  partitioned: { mapper: startOfWeek, inputFormat: "%Y-%m-%d" }
startDate: 2026-01-01
steps: [{ id: curate, kind: glue.job, job: curate, produces: ["s3://acme-curated/orders/"] }]
`;

describe('partitioned schedules', () => {
  let dir = '';
  const write = (name: string, text: string) => writeFileSync(join(dir, 'pipelines', name), text);

  beforeEach(() => {
    dir = makeTemp('partitioned');
    mkdirSync(join(dir, 'pipelines'), { recursive: true });
  });
  afterEach(() => removeTemp(dir));

  for (const opts of [{ airflow: '2.10.3' }, { airflow: '2.11.2' }, { airflow: '3.0.6' }, { target: 'mwaa-serverless' }]) {
    it(`DS240 on ${opts.airflow ?? opts.target}, naming 3.3.1, at each partitioned schedule`, () => {
      write('producer.yaml', PRODUCER);
      write('consumer.yaml', CONSUMER);
      const res = buildProject({ cwd: dir, ...opts });
      const ds240 = res.diagnostics.filter((d) => d.code === 'DS240');
      expect(ds240.map((d) => d.file).sort()).to.deep.equal(['pipelines/consumer.yaml', 'pipelines/producer.yaml']);
      for (const d of ds240) expect(d.message).to.match(/^partitioned schedules need Airflow 3\.3\.1 or later; /);
    });
  }

  it('3.3.1: the IR, the words of validate --verbose and the plan text', () => {
    write('producer.yaml', PRODUCER);
    write('consumer.yaml', CONSUMER);
    const res = buildProject({ cwd: dir, airflow: '3.3.1' });
    expect(res.diagnostics).to.deep.equal([]);
    const ir = (id: string) => res.pipelines.find((p) => p.ir.id === id)!.ir;
    // A preset is expanded as Airflow expands it; the offset is kept.
    expect(ir('producer').schedule).to.deep.equal({ type: 'cron', expression: '0 0 * * *', partition: { keyFormat: '%Y-%m-%d', runOffset: -1 } });
    expect(ir('consumer').schedule).to.deep.include({
      type: 'assets',
      orCron: null,
      partition: { mapper: 'startOfWeek', inputFormat: '%Y-%m-%d', outputFormat: '%Y-%m-%d (W%V)' },
    });
    const producer = ir('producer');
    const words = summarizeSchedule(producer.schedule, producer.startDate, producer.timezone, producer.catchup);
    // A trigger timetable: no data interval to show.
    expect(words).to.deep.equal({ words: 'At 00:00, every day (UTC), one partition per run (key %Y-%m-%d, offset -1)', catchup: false });
    expect(scheduleText(producer.schedule)).to.equal('0 0 * * * partitioned key %Y-%m-%d, offset -1');
    expect(scheduleText(ir('consumer').schedule)).to.equal('assets: s3://acme-raw/orders/ partitioned mapper startOfWeek %Y-%m-%d -> %Y-%m-%d (W%V)');
    expect(res.pipelines.find((p) => p.ir.id === 'producer')!.content).to.contain(
      'schedule=CronPartitionTimetable("0 0 * * *", timezone="UTC", key_format="%Y-%m-%d", run_offset=-1),',
    );
  });

  it("the graph: a partitioned consumer's runs are partitioned, so a plain consumer of its asset is DS244 and a partitioned one is fine", () => {
    write('producer.yaml', PRODUCER);
    write('consumer.yaml', CONSUMER);
    write(
      'next.yaml',
      CONSUMER.replace('id: consumer', 'id: next')
        .replace('s3://acme-raw/orders/', 's3://acme-curated/orders/')
        .replace(/produces: \[[^\]]*\]/, 'produces: []')
        .replace('mapper: startOfWeek, inputFormat: "%Y-%m-%d"', 'mapper: identity'),
    );
    write(
      'plain.yaml',
      `version: 1
id: plain
schedule: { assets: ["s3://acme-curated/orders/"] }
startDate: 2026-01-01
steps: [{ id: report, kind: glue.job, job: report }]
`,
    );
    const res = buildProject({ cwd: dir, airflow: '3.3.1' });
    expect(res.diagnostics.map((d) => `${d.file} ${d.code}`)).to.deep.equal(['pipelines/plain.yaml DS244']);
  });

  it('a key format must fit the longest key it can write in the 250 characters Airflow stores', () => {
    expect(partitionFormatError('%c'.repeat(10), 'keyFormat')).to.equal(undefined); // 240
    expect(partitionFormatError(`${'%c'.repeat(10)}%B%A`, 'keyFormat')).to.equal(
      'keyFormat makes keys of up to 258 characters; Airflow stores partition keys in 250',
    );
    expect(partitionFormatError(`dt=%Y-%m-%d/${'x'.repeat(236)}`, 'keyFormat')).to.equal(undefined); // 250
    expect(partitionFormatError(`dt=%Y-%m-%d/${'x'.repeat(237)}`, 'keyFormat')).to.match(/up to 251 characters/);
  });

  it('DS243 and DS244 leave out an asset the config declares external (something outside may update it either way)', () => {
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'externalAssets: ["s3://acme-raw/orders/"]\n');
    write(
      'landing.yaml',
      PRODUCER.replace(
        'cron: "@daily"\n  partitioned: { keyFormat: "%Y-%m-%d", runOffset: -1 }',
        'cron: "@daily"\n  partitioned: { keyFormat: "%Y-%m-%dT%H:%M:%S" }',
      ),
    );
    write(
      'plain.yaml',
      `version: 1
id: plain
schedule: { assets: ["s3://acme-raw/orders/"] }
startDate: 2026-01-01
steps: [{ id: report, kind: glue.job, job: report }]
`,
    );
    const res = buildProject({ cwd: dir, airflow: '3.3.1' });
    expect(res.diagnostics.map((d) => d.code)).to.deep.equal([]);
  });
});
