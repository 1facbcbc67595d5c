import { expect } from 'chai';
import { removeTemp, runCli } from '../helpers/cli';
import { project } from '../lint/helpers';

const LANDING = `version: 1
id: landing
schedule: "@hourly"
startDate: 2026-01-01
steps:
  - id: land
    kind: glue.job
    job: land
    producesAlias:
      - alias: events-hourly
        asset: "s3://acme-raw/events/{{ ts_nodash }}/"
`;
const FEATURES = `version: 1
id: features
schedule:
  assets: { anyOf: [{ alias: events-hourly }, { alias: partner-drops }] }
startDate: 2026-01-01
steps:
  - id: build
    kind: glue.job
    job: build
`;

describe('dagsmith graph --assets with asset aliases', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = project({ 'dagsmith.config.yaml': 'airflow: "3.3.1"\n', 'pipelines/landing.yaml': LANDING, 'pipelines/features.yaml': FEATURES });
  });
  after(() => removeTemp(dir));

  it('draws an alias as a node between the pipelines producing through it and those scheduled on it; one nobody produces through is marked', async () => {
    const r = await runCli(['graph', '--assets'], dir);
    expect(r.code).to.equal(0);
    expect(r.out).to.equal(
      [
        'flowchart LR',
        '  p0["<b>features</b>"]',
        '  p1["<b>landing</b>"]',
        '  a0(["alias events-hourly"])',
        '  a1(["alias partner-drops<br/><i>not produced in the project</i>"])',
        '  p1 --> a0',
        '  a0 --> p0',
        '  a1 --> p0',
        '',
      ].join('\n'),
    );
  });
});
