/**
 * Partitioned schedules in real Airflow. On 3.3.1 the good-partitioned-schedules DAGs import with the timetable
 * classes and the arguments Airflow stores for them (CronPartitionTimetable with the key format and the pipeline's
 * time zone; PartitionedAssetTimetable with IdentityMapper / StartOfMonthMapper and its formats). On the other targets
 * the classes are absent, which is why dagsmith refuses partitioned schedules there (DS240). And the key format check
 * (DS242) agrees with Python's strftime/strptime: a format it accepts round-trips a date, one it refuses does not, or
 * gives every run the same key.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { partitionFormatError } from '../../src/base/partitioned-schedule';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, makeTemp, parseHarnessJson, removeTemp, ROOT, runProcess, writeDag } from './harness';

interface DumpDag {
  timetable: string;
  timetable_args: Record<string, unknown>;
  asset_condition: unknown;
}
interface Dump {
  import_errors: Record<string, string>;
  dags: Record<string, DumpDag>;
}

const CLASSES = ['CronPartitionTimetable', 'PartitionedAssetTimetable', 'IdentityMapper', 'StartOfMonthMapper'];
const HAS_CLASSES = `
import json
try:
    import airflow.sdk as sdk
    print(json.dumps({c: hasattr(sdk, c) for c in ${JSON.stringify(CLASSES)}}))
except ImportError:
    print(json.dumps({c: False for c in ${JSON.stringify(CLASSES)}}))
`;

/** For each format: whether a key formatted from two dates a day apart parses back, and whether the two keys differ. */
const ROUND_TRIP = `
import json, sys, datetime
out = {}
for fmt in json.load(sys.stdin):
    a, b = datetime.datetime(2026, 3, 2, 3, 4, 5), datetime.datetime(2026, 3, 3, 3, 4, 5)
    try:
        key = a.strftime(fmt)
        datetime.datetime.strptime(key, fmt)
        out[fmt] = {"parses": True, "differs": key != b.strftime(fmt)}
    except Exception:
        out[fmt] = {"parses": False, "differs": None}
print(json.dumps(out))
`;

describe('partitioned schedules in real Airflow @airflow', function () {
  this.timeout(240_000);
  let scratch = '';

  before(() => {
    scratch = makeTemp('partitioned-airflow');
  });
  after(() => removeTemp(scratch));

  it('Airflow 3.3.1 imports the producer and the consumers with the partitioned timetables and their arguments', async () => {
    const built = buildProject({ cwd: join(ROOT, 'test', 'fixtures', 'good-partitioned-schedules'), airflow: '3.3.1' });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    const dir = join(scratch, '3.3.1');
    for (const p of built.pipelines) writeDag(dir, `${p.ir.id}.py`, p.content);
    const res = await runProcess(airflowPython('3.3.1'), [join(HARNESS, 'dagbag_dump.py'), dir], { timeoutMs: 180_000 });
    const dump = parseHarnessJson<Dump>('dagbag_dump.py (Airflow 3.3.1)', res);
    expect(dump.import_errors).to.deep.equal({});
    const landing = dump.dags.orders_landing!;
    expect(landing.timetable).to.equal('CronPartitionTimetable');
    expect(landing.timetable_args).to.deep.equal({
      expression: '0 3 * * *',
      timezone: 'Europe/Berlin',
      run_immediately: false,
      run_offset: null,
      key_format: '%Y-%m-%d',
    });
    const daily = dump.dags.orders_daily!;
    expect(daily.timetable).to.equal('PartitionedAssetTimetable');
    expect(daily.asset_condition).to.deep.equal({ all: ['s3://acme-raw/orders'] });
    expect(daily.timetable_args.default_partition_mapper).to.deep.equal({ __type: 'airflow.partition_mappers.identity.IdentityMapper', __var: {} });
    expect(daily.timetable_args.partition_mapper_config).to.deep.equal([]);
    const monthly = dump.dags.orders_monthly!;
    expect(monthly.timetable).to.equal('PartitionedAssetTimetable');
    expect(monthly.asset_condition).to.deep.equal({ any: ['s3://acme-curated/orders-daily'] });
    expect(monthly.timetable_args.default_partition_mapper).to.deep.equal({
      __type: 'airflow.partition_mappers.temporal.StartOfMonthMapper',
      __var: { timezone: 'Europe/Berlin', input_format: '%Y-%m-%d', output_format: '%Y-%m' },
    });
  });

  for (const airflow of AIRFLOW_VERSIONS.filter((v) => v !== '3.3.1')) {
    it(`Airflow ${airflow} has none of the classes (so DS240 refuses partitioned schedules there)`, async () => {
      const res = await runProcess(airflowPython(airflow), ['-c', HAS_CLASSES], { timeoutMs: 120_000 });
      const has = parseHarnessJson<Record<string, boolean>>(`airflow.sdk on ${airflow}`, res);
      expect(has).to.deep.equal(Object.fromEntries(CLASSES.map((c) => [c, false])));
    });
  }

  it('the key format check agrees with Python: what it accepts round-trips and keys days apart; what it refuses does not (or keys every run alike)', async () => {
    const accepted = ['%Y-%m-%d', '%Y-%m-%dT%H:%M:%S', '%Y%m%d', 'dt=%Y-%m-%d', '%Y-%m-%d %%', '%d/%m/%Y', '%Y-%j', '%y%m%d'];
    const refused = ['orders', '%Y-%m-%Q', '%Y-%m-%d %', '%%Y'];
    for (const f of accepted) expect(partitionFormatError(f, 'keyFormat'), f).to.equal(undefined);
    for (const f of refused) expect(partitionFormatError(f, 'keyFormat'), f).to.be.a('string');
    const res = await runProcess(airflowPython('3.3.1'), ['-c', ROUND_TRIP], { timeoutMs: 60_000, input: JSON.stringify([...accepted, ...refused]) });
    const py = parseHarnessJson<Record<string, { parses: boolean; differs: boolean | null }>>('round trip', res);
    for (const f of accepted) expect(py[f], f).to.deep.equal({ parses: true, differs: true });
    for (const f of refused) expect(py[f]!.parses === false || py[f]!.differs === false, `${f}: ${JSON.stringify(py[f])}`).to.equal(true);
  });
});
