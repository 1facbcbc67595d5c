/** `validate --verbose`: each pipeline's schedule in words and its first data interval, per environment with --all-envs. */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTemp, removeTemp, runCli } from '../helpers/cli';

describe('validate --verbose', () => {
  let dir = '';
  before(() => {
    dir = makeTemp('validate-verbose');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(
      join(dir, 'dagsmith.config.yaml'),
      'environmentVars: [hour]\nenvironments:\n  dev: { vars: { hour: "2" } }\n  prod: { vars: { hour: "3" } }\n',
    );
    const pipeline = (id: string, extra: string) => `version: 1\nid: ${id}\n${extra}steps:\n  - { id: crawl, kind: glue.crawler, crawler: raw }\n`;
    writeFileSync(join(dir, 'pipelines', 'a.yaml'), pipeline('daily', 'schedule: "0 ${hour} * * *"\nstartDate: 2026-01-01T05:00\ncatchup: true\n'));
    writeFileSync(join(dir, 'pipelines', 'b.yaml'), pipeline('manual', ''));
    writeFileSync(join(dir, 'pipelines', 'c.yaml'), pipeline('swapped', 'schedule: "2 0 * * *"\nstartDate: 2026-01-01\ntimezone: Europe/Berlin\n'));
  });
  after(() => removeTemp(dir));

  it('prints the schedule in words and the first data interval of each pipeline', async () => {
    const r = await runCli(['validate', '--env', 'dev', '--verbose'], dir);
    expect(r.code).to.equal(0);
    expect(r.out.split('\n')).to.deep.equal([
      'pipelines/a.yaml: daily: At 02:00, every day (UTC); first data interval 2026-01-02 02:00 to 2026-01-03 02:00 UTC, run at its end',
      'pipelines/b.yaml: manual: manual: runs only when triggered',
      'pipelines/c.yaml: swapped: At 00:02, every day (Europe/Berlin); first data interval 2026-01-01 00:02 to 2026-01-02 00:02 Europe/Berlin, run at its end (catchup off: Airflow starts with the latest complete interval when the DAG is deployed)',
      '3 pipeline files valid for Airflow 2.10.3',
      '',
    ]);
  });

  it('prints them for each environment with --all-envs, and nothing extra without --verbose', async () => {
    const r = await runCli(['validate', '--all-envs', '--verbose'], dir);
    expect(r.out).to.include('[dev] pipelines/a.yaml: daily: At 02:00, every day (UTC)');
    expect(r.out).to.include('[prod] pipelines/a.yaml: daily: At 03:00, every day (UTC)');
    expect((await runCli(['validate', '--env', 'prod'], dir)).out).to.equal('3 pipeline files valid for Airflow 2.10.3\n');
  });
});
