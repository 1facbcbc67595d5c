/**
 * Partitioned schedules written with the SDK: the TypeScript twins of the good-partitioned-schedules golden case load
 * to the same spec objects (the SDK's Schedule type takes `{ cron, partitioned }` and `{ assets, partitioned }`; the
 * loader type-checks them, so a mapper name the type lacks is an error) and compile to the same Python for 3.3.1.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecFiles } from '../../src/load/index';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp } from '../helpers/cli';

const CASE = join(__dirname, '..', 'fixtures', 'good-partitioned-schedules');
const NAMES = ['orders_landing', 'orders_daily', 'orders_monthly'] as const;
const EXPECT: Record<(typeof NAMES)[number], string> = {
  orders_landing: 'schedule=CronPartitionTimetable("0 3 * * *", timezone="Europe/Berlin", key_format="%Y-%m-%d")',
  orders_daily: 'default_partition_mapper=IdentityMapper()',
  orders_monthly: 'default_partition_mapper=StartOfMonthMapper(timezone="Europe/Berlin", input_format="%Y-%m-%d", output_format="%Y-%m")',
};

describe('partitioned schedules: YAML and TypeScript twins', function () {
  let dir = '';

  before(() => {
    dir = makeTemp('partitioned-twin');
    mkdirSync(join(dir, 'yaml'), { recursive: true });
    mkdirSync(join(dir, 'ts'), { recursive: true });
    for (const n of NAMES) {
      cpSync(join(CASE, 'pipelines', `${n}.yaml`), join(dir, 'yaml', `${n}.yaml`));
      cpSync(join(CASE, 'twin', `${n}.ts`), join(dir, 'ts', `${n}.ts`));
    }
  });
  after(() => removeTemp(dir));

  for (const n of NAMES) {
    it(`${n}: loads to the same spec object`, () => {
      const [yaml] = loadSpecFiles(dir, [`yaml/${n}.yaml`]);
      const [ts] = loadSpecFiles(dir, [`ts/${n}.ts`]);
      expect(ts!.diagnostics, 'the TypeScript twin loads').to.deep.equal([]);
      expect(ts!.spec!.data).to.deep.equal(yaml!.spec!.data);
    });
  }

  it('the three compile to the same Python for Airflow 3.3.1, with the partitioned timetables', () => {
    const yaml = buildProject({ cwd: dir, airflow: '3.3.1', files: NAMES.map((n) => `yaml/${n}.yaml`) });
    const ts = buildProject({ cwd: dir, airflow: '3.3.1', files: NAMES.map((n) => `ts/${n}.ts`) });
    expect(yaml.diagnostics).to.deep.equal([]);
    expect(ts.diagnostics).to.deep.equal([]);
    const body = (content: string) => content.split('\n').slice(2).join('\n');
    for (const n of NAMES) {
      const y = yaml.pipelines.find((p) => p.ir.id === n)!;
      const t = ts.pipelines.find((p) => p.ir.id === n)!;
      expect(body(t.content)).to.equal(body(y.content));
      expect(t.content).to.contain(EXPECT[n]);
    }
  });

  it('a mapper name the SDK type lacks does not type-check', () => {
    writeFileSync(
      join(dir, 'ts', 'bad_mapper.ts'),
      [
        "import { definePipeline, glue } from 'dagsmith';",
        'export default definePipeline({',
        "  version: 1, id: 'bad_mapper', startDate: '2026-01-01',",
        "  schedule: { assets: ['s3://acme-raw/orders/'], partitioned: { mapper: 'startOfFortnight' } },",
        "  steps: [glue.job({ id: 'a', job: 'j' })],",
        '});',
        '',
      ].join('\n'),
    );
    const [ts] = loadSpecFiles(dir, ['ts/bad_mapper.ts']);
    expect(ts!.diagnostics.map((d) => d.message).join('\n')).to.match(/startOfFortnight/);
  });
});
