/**
 * `npm run bench -- --quick` as a smoke run (issue 12): the benchmark runs from a clean clone, every form of the
 * parse comparison imports in real Airflow on every MWAA target, and the figures come out as JSON. Not timed: the
 * figures themselves are the benchmark's business, not a test's.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGET_VERSIONS } from '../../src/targets';
import { makeTemp, removeTemp, ROOT, runProcess } from '../airflow/harness';

describe('npm run bench -- --quick (smoke) @airflow', function () {
  this.timeout(900_000);
  let scratch = '';
  before(() => (scratch = makeTemp('bench')));
  after(() => removeTemp(scratch));

  it('compiles every size cold, no-op and one-changed, and parses all three forms on every target', async () => {
    const out = join(scratch, 'bench.json');
    const res = await runProcess(
      process.execPath,
      [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'bench.ts'), '--quick', '--out', out],
      {
        timeoutMs: 840_000,
      },
    );
    expect(res.code, `${res.stdout}\n${res.stderr}`).to.equal(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as {
      compile: Record<
        | 'pipelines'
        | 'coldMs'
        | 'coldCpuMs'
        | 'coldRssMiB'
        | 'firstNoopMs'
        | 'noopMs'
        | 'noopCpuMs'
        | 'oneChangedMs'
        | 'oneChangedCpuMs'
        | 'peakRssMiB'
        | 'lintMs'
        | 'lintMinMs'
        | 'lintMaxMs'
        | 'lintCpuMs'
        | 'lintRssMiB',
        number
      >[];
      parse: { airflow: string; dags: number; tasks: number; dagsmithMs: number; handWrittenMs: number; dagFactoryMs: number }[];
    };
    expect(json.compile.map((r) => r.pipelines)).to.deep.equal([10, 100, 1000]);
    for (const r of json.compile) {
      for (const v of [r.coldMs, r.coldCpuMs, r.coldRssMiB, r.firstNoopMs, r.noopMs, r.noopCpuMs, r.oneChangedMs, r.oneChangedCpuMs])
        expect(v).to.be.greaterThan(0);
      expect(r.peakRssMiB).to.be.at.least(r.coldRssMiB);
      // Lint: the median of five cold runs, between the fastest and the slowest.
      for (const v of [r.lintMinMs, r.lintCpuMs, r.lintRssMiB]) expect(v).to.be.greaterThan(0);
      expect(r.lintMinMs).to.be.at.most(r.lintMs);
      expect(r.lintMs).to.be.at.most(r.lintMaxMs);
    }
    expect(json.parse.map((r) => r.airflow)).to.deep.equal(TARGET_VERSIONS);
    for (const r of json.parse) {
      expect({ dags: r.dags, tasks: r.tasks }).to.deep.equal({ dags: 10, tasks: 200 });
      for (const v of [r.dagsmithMs, r.handWrittenMs, r.dagFactoryMs]) expect(v).to.be.greaterThan(0);
    }
    expect(res.stdout).to.match(/^\| 1000 \| \d+ \/ \d+ ms \|/m);
    expect(res.stdout).to.match(
      /^cold lint of 1000 pipelines x 20 steps, median of 5: \d+ ms wall \(\d+-\d+\) \/ \d+ ms CPU; target ≤ 1500 ms wall \(issue 17\): (met|not met \([\d.]+x\))$/m,
    );
  });
});
