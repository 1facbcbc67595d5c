/**
 * Asset events in `dagsmith test`, on the oldest and the newest MWAA target: a producer compiled from a pipeline with
 * `produces` and `producesAlias` runs under dag.test() against moto, and the run's result lists the events its task
 * recorded: the plain asset's, and the alias-resolved one for the URI the alias's template rendered to in the run.
 * The runner accepts the alias hook function dagsmith writes into such a DAG file, and nothing else that looks
 * like it (checked on the source, before the file is imported).
 */
import { expect } from 'chai';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PipelineIR } from '../../src/ir/types';
import { buildProject } from '../../src/compile/project';
import { resolveTarget } from '../../src/targets';
import { accountFor, mergeGiven } from '../../src/test-runner/account';
import { RUNNER_DIR, TestRunner } from '../../src/test-runner/engine';
import { allowedClassesFor } from '../../src/test-runner/operators';
import type { RunResult, RunResultRan } from '../../src/test-runner/protocol';
import {
  AIRFLOW_VERSIONS,
  airflowPython,
  makeTemp,
  parseHarnessJson,
  removeTemp,
  runProcess,
  startMoto,
  tail,
  type MotoServer,
} from '../airflow/harness';

const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const ALL = [...AIRFLOW_VERSIONS].sort(byVersion);
const TARGETS = [...new Set([ALL[0]!, ALL[ALL.length - 1]!])];

const PRODUCER = `version: 1
id: clickstream_producer
schedule: "0 1 * * *"
startDate: 2026-01-01
steps:
  - id: land_events
    kind: glue.job
    job: land-clickstream
    arguments: { "--run_date": "{{ ds }}" }
    produces: ["s3://acme-raw/clickstream/"]
    producesAlias:
      - alias: clickstream-daily
        asset: "s3://acme-raw/clickstream/dt={{ ds }}/"
      - alias: clickstream-by-run
        asset: "s3://acme-raw/clickstream-runs/{{ ds_nodash }}/"
`;

/** The DS701 messages of checks.check_shape for each source, without their line numbers. */
const SHAPE_PROBE = `
import json, sys
sys.path.insert(0, sys.argv[1])
from dagsmith_runner import checks
sources = json.load(sys.stdin)
print(json.dumps({k: [p["message"].split(" (line")[0] for p in checks.check_shape(v, "dag.py")] for k, v in sources.items()}))
`;

function ran(res: RunResult): RunResultRan {
  if (res.status !== 'ran')
    throw new Error(`the run did not run: ${JSON.stringify({ ...res, log: undefined }, null, 1)}\n--- log ---\n${tail(res.log ?? '', 60)}`);
  return res;
}

for (const target of TARGETS) {
  describe(`dagsmith test engine: asset events on Airflow ${target} @airflow`, function () {
    this.timeout(240_000);
    let moto: MotoServer | undefined;
    let runner: TestRunner | undefined;
    let scratch = '';
    let ir: PipelineIR;
    let dagFile = '';

    before(async function () {
      scratch = makeTemp(`engine-assets-${target}`);
      mkdirSync(join(scratch, 'project', 'pipelines'), { recursive: true });
      writeFileSync(join(scratch, 'project', 'pipelines', 'producer.yaml'), PRODUCER);
      const built = buildProject({ cwd: join(scratch, 'project'), airflow: target });
      expect(built.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
      ir = built.pipelines[0]!.ir;
      dagFile = join(scratch, 'clickstream_producer.py');
      writeFileSync(dagFile, built.pipelines[0]!.content);
      moto = await startMoto();
      runner = await TestRunner.start({ python: airflowPython(target) });
    });

    after(async () => {
      await runner?.close();
      await moto?.stop();
      removeTemp(scratch);
    });

    it("accepts the alias hook dagsmith writes, and refuses a changed one or one over a class that is not Airflow's", async () => {
      const generated = readFileSync(dagFile, 'utf8');
      const asset = target.startsWith('2.') ? 'Dataset' : 'Asset';
      const sources = {
        generated,
        changed: generated.replace('.render_template(uri, context)', '.render_template(uri, context.__class__)'),
        added: generated.replace('    return post_execute\n', '    print(outlets)\n    return post_execute\n'),
        foreignClass: generated.replace(
          /^from airflow\.(sdk|datasets) import .*$/m,
          (line) => `${line.replace(new RegExp(`\\b${asset}, `), '')}\nfrom json import JSONDecoder as ${asset}`,
        ),
      };
      expect(sources.foreignClass).to.not.equal(generated);
      const res = await runProcess(airflowPython(target), ['-c', SHAPE_PROBE, RUNNER_DIR], { timeoutMs: 60_000, input: JSON.stringify(sources) });
      const shape = parseHarnessJson<Record<string, string[]>>('check_shape', res);
      expect(shape.generated).to.deep.equal([]);
      for (const k of ['changed', 'added', 'foreignClass'] as const) {
        expect(shape[k], k).to.include('the DAG file has the Python construct FunctionDef');
      }
    });

    it('runs the producer: the result lists the plain asset event and one alias-resolved event per alias, for the URI rendered in the run', async () => {
      const res = ran(
        await runner!.run({
          id: 'producer-1',
          dagFile,
          dagId: ir.id,
          logicalDate: '2026-03-01',
          moto: moto!.endpoint,
          allowedClasses: allowedClassesFor(ir, resolveTarget(target)),
          limits: { sensorTimeout: 3, runTimeout: 180 },
          given: mergeGiven(accountFor(ir), undefined),
        }),
      );
      expect(res.dagRunState, tail(res.log ?? '', 40)).to.equal('success');
      const events = (res.assetEvents ?? []).map((e) => ({ taskId: e.taskId, uri: e.uri, aliases: e.aliases }));
      expect(events).to.have.deep.members([
        { taskId: 'land_events', uri: 's3://acme-raw/clickstream', aliases: [] },
        { taskId: 'land_events', uri: 's3://acme-raw/clickstream/dt=2026-03-01', aliases: ['clickstream-daily'] },
        { taskId: 'land_events', uri: 's3://acme-raw/clickstream-runs/20260301', aliases: ['clickstream-by-run'] },
      ]);
      expect(events).to.have.length(3);
    });

    if (target === '3.3.1') {
      it('runs a consumer scheduled on an alias with a deadline alert: the alert is left out (listed in adjustments), the run succeeds and no alert is sent', async () => {
        const dir = join(scratch, 'consumer');
        mkdirSync(join(dir, 'pipelines'), { recursive: true });
        writeFileSync(join(dir, 'pipelines', 'producer.yaml'), PRODUCER);
        writeFileSync(
          join(dir, 'pipelines', 'consumer.yaml'),
          `version: 1
id: clickstream_consumer
schedule:
  assets: { alias: clickstream-daily }
startDate: 2026-01-01
notifications:
  onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:ml-alerts" }
deadline: { interval: 2h }
steps:
  - id: build
    kind: glue.job
    job: build-features
`,
        );
        const built = buildProject({ cwd: dir, airflow: target });
        expect(built.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
        const consumer = built.pipelines.find((p) => p.ir.id === 'clickstream_consumer')!;
        expect(consumer.content).to.contain('deadline=DeadlineAlert(');
        const file = join(scratch, 'clickstream_consumer.py');
        writeFileSync(file, consumer.content);
        const res = ran(
          await runner!.run({
            id: 'consumer-1',
            dagFile: file,
            dagId: consumer.ir.id,
            logicalDate: '2026-03-01',
            moto: moto!.endpoint,
            allowedClasses: allowedClassesFor(consumer.ir, resolveTarget(target)),
            limits: { sensorTimeout: 3, runTimeout: 180 },
            given: mergeGiven(accountFor(consumer.ir), undefined),
          }),
        );
        expect(res.dagRunState, tail(res.log ?? '', 40)).to.equal('success');
        // The scheduler evaluates deadlines; 3.3.1's dag.test() would fail the run with one when it succeeds.
        expect(res.adjustments).to.deep.include({
          setting: 'deadline',
          from: '1 deadline alert(s)',
          to: null,
          why: 'deadline alerts are evaluated by the scheduler, not by dag.test(), which fails a run that has them when it succeeds (Airflow 3.3.1)',
        });
        expect(res.callbacks).to.deep.equal([]);
        expect(res.calls.filter((c) => c.service === 'sns')).to.deep.equal([]);
      });
    }
  });
}
