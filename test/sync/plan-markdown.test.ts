import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { buildProject } from '../../src/compile/project';
import { canonicalJson, diffDagSummaries, parseDagSummary, summarizeDag, SUMMARY_VERSION, type DagSummary } from '../../src/sync/dag-summary';
import { markdownCode } from '../../src/diagnostics/inert';
import { renderPlanMarkdown } from '../../src/sync/plan-markdown';
import { makeTemp, removeTemp } from '../helpers/cli';
import { expectInertMarkdown, HOSTILE } from '../helpers/hostile';

const BEFORE = `version: 1
id: customer_features
schedule: "0 3 * * *"
startDate: 2026-01-01
steps:
  - id: wait_raw
    kind: s3.wait
    bucket: acme-raw
    key: "events/{{ ds }}/_SUCCESS"
  - id: clean
    kind: glue.job
    job: clean-events
    dependsOn: [wait_raw]
  - id: legacy_copy
    kind: s3.copy
    from: s3://acme-raw/a
    to: s3://acme-archive/a
    dependsOn: [clean]
`;

// Schedule moved, clean's job and upstream changed, legacy_copy removed, build added; wait_raw untouched.
const AFTER = `version: 1
id: customer_features
schedule: "0 4 * * *"
startDate: 2026-01-01
steps:
  - id: wait_raw
    kind: s3.wait
    bucket: acme-raw
    key: "events/{{ ds }}/_SUCCESS"
  - id: start
    kind: s3.wait
    bucket: acme-raw
    key: "start/_SUCCESS"
  - id: clean
    kind: glue.job
    job: clean-events-v2
    dependsOn: [wait_raw, start]
  - id: build
    kind: athena.query
    query: "SELECT 1"
    database: features
    outputLocation: s3://acme-athena/results/
    dependsOn: [clean]
`;

const OTHER = `version: 1
id: orders_backfill
steps:
  - id: run
    kind: glue.job
    job: backfill
`;

function summaries(files: Record<string, string>): Map<string, DagSummary> {
  const dir = makeTemp('plan-md');
  try {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const res = buildProject({ cwd: dir });
    const errors = res.diagnostics.filter((d) => d.severity === 'error');
    expect(errors, errors.map((e) => `${e.code} ${e.message}`).join('\n')).to.have.length(0);
    return new Map(res.pipelines.map((p) => [p.outPath.split('/').pop()!, summarizeDag(p.ir)]));
  } finally {
    removeTemp(dir);
  }
}

const LANDING = (produces: boolean) => `version: 1
id: landing
schedule: "0 1 * * *"
startDate: 2026-01-01
steps:
  - id: land
    kind: s3.copy
    from: "s3://acme-inbox/clicks/{{ ds }}.json"
    to: "s3://acme-curated/clickstream/dt={{ ds }}/part-0.json"
${produces ? '    produces: ["s3://acme-curated/clickstream/"]\n' : ''}`;

const FEATURES = `version: 1
id: features
schedule:
  assets: ["s3://acme-curated/clickstream"]
startDate: 2026-01-01
steps:
  - id: build
    kind: glue.job
    job: build-features
`;

describe('plan: the asset graph of the deploy', () => {
  let withAsset: Map<string, DagSummary>;
  let without: Map<string, DagSummary>;
  before(() => {
    withAsset = summaries({ 'pipelines/landing.yaml': LANDING(true), 'pipelines/features.yaml': FEATURES });
    without = summaries({
      'pipelines/landing.yaml': LANDING(false),
      'pipelines/features.yaml': 'version: 1\nid: other\nsteps:\n  - { id: a, kind: glue.job, job: a }\n',
    });
  });
  const plan = (files: Parameters<typeof renderPlanMarkdown>[0]['files']) => renderPlanMarkdown({ destination: 's3://acme-mwaa/dags/', files });

  it('keeps the assets a DAG is scheduled on in its summary, through the manifest', () => {
    const f = withAsset.get('features.py')!;
    expect(f.consumes).to.deep.equal(['s3://acme-curated/clickstream']);
    expect(parseDagSummary(JSON.parse(JSON.stringify(f)))).to.deep.equal(f);
    expect(withAsset.get('landing.py')!.consumes).to.equal(undefined);
  });

  it('a removed producer stops triggering its consumers: the plan says which, and through which asset', () => {
    const md = plan([
      { name: 'landing.py', action: 'delete', deployed: JSON.parse(JSON.stringify(withAsset.get('landing.py'))) },
      { name: 'features.py', action: 'unchanged', local: withAsset.get('features.py') },
    ]);
    expect(md).to.include(
      '- **stops triggering** `features`: it produced `s3://acme-curated/clickstream/`, which it is scheduled on and no other DAG of this deploy produces',
    );
  });

  it('a changed producer that no longer produces the asset says so too; one that keeps it does not', () => {
    const changed = plan([
      { name: 'landing.py', action: 'upload', reason: 'changed', local: without.get('landing.py'), deployed: withAsset.get('landing.py') },
      { name: 'features.py', action: 'unchanged', local: withAsset.get('features.py') },
    ]);
    expect(changed).to.include('- **stops triggering** `features`: it no longer produces `s3://acme-curated/clickstream/`');
    const kept = plan([
      { name: 'landing.py', action: 'upload', reason: 'changed', local: withAsset.get('landing.py'), deployed: without.get('landing.py') },
      { name: 'features.py', action: 'unchanged', local: withAsset.get('features.py') },
    ]);
    expect(kept).not.to.include('stops triggering');
  });

  it('a new producer says which DAGs it triggers; a removed one whose asset another DAG still produces stops nothing', () => {
    const md = plan([
      { name: 'landing.py', action: 'upload', reason: 'new', local: withAsset.get('landing.py') },
      { name: 'features.py', action: 'unchanged', local: withAsset.get('features.py') },
    ]);
    expect(md).to.include('- triggers `features` (through `s3://acme-curated/clickstream/`)');
    const twin = { ...withAsset.get('landing.py')!, dagId: 'landing_v2' };
    const replaced = plan([
      { name: 'landing.py', action: 'delete', deployed: withAsset.get('landing.py') },
      { name: 'landing_v2.py', action: 'upload', reason: 'new', local: twin },
      { name: 'features.py', action: 'unchanged', local: withAsset.get('features.py') },
    ]);
    expect(replaced).not.to.include('stops triggering');
    expect(replaced).to.include('- triggers `features`');
  });
});

describe('plan: DAG summaries and the Markdown of dagsmith plan', () => {
  let v1: Map<string, DagSummary>;
  let v2: Map<string, DagSummary>;
  before(() => {
    v1 = summaries({ 'pipelines/customer_features.yaml': BEFORE, 'pipelines/orders_backfill.yaml': OTHER });
    v2 = summaries({ 'pipelines/customer_features.yaml': AFTER });
  });

  it('summarizes a DAG from its IR, and a summary survives the manifest (JSON) unchanged', () => {
    const s = v1.get('customer_features.py')!;
    expect(s.dagId).to.equal('customer_features');
    expect(s.schedule).to.equal('0 3 * * *');
    expect(s.steps.map((x) => [x.id, x.kind, x.upstream])).to.deep.equal([
      ['wait_raw', 's3.wait', []],
      ['clean', 'glue.job', ['wait_raw']],
      ['legacy_copy', 's3.copy', ['clean']],
    ]);
    expect(parseDagSummary(JSON.parse(JSON.stringify(s)))).to.deep.equal(s);
    // The same pipeline compiled again gives the same summary (nothing time- or machine-dependent).
    expect(summaries({ 'pipelines/customer_features.yaml': BEFORE }).get('customer_features.py')).to.deep.equal(s);
  });

  it('diffs steps added, removed and changed, and the schedule', () => {
    const diff = diffDagSummaries(v1.get('customer_features.py')!, v2.get('customer_features.py')!);
    expect(diff).to.deep.equal({
      schedule: { from: '0 3 * * *', to: '0 4 * * *' },
      attributes: [],
      stepsAdded: [
        { id: 'start', kind: 's3.wait' },
        { id: 'build', kind: 'athena.query' },
      ],
      stepsRemoved: [{ id: 'legacy_copy', kind: 's3.copy' }],
      stepsChanged: [
        {
          id: 'clean',
          kind: 'glue.job',
          upstreamAdded: ['start'],
          upstreamRemoved: [],
          fields: [{ field: 'job', from: '"clean-events"', to: '"clean-events-v2"' }],
        },
      ],
    });
  });

  it('renders the plan as PR-comment Markdown', () => {
    const md = renderPlanMarkdown({
      destination: "MWAA environment 'ml-prod' (s3://acme-mwaa/dags/)",
      airflowVersion: '2.10.3',
      files: [
        {
          name: 'customer_features.py',
          action: 'upload',
          reason: 'changed',
          local: v2.get('customer_features.py'),
          deployed: JSON.parse(JSON.stringify(v1.get('customer_features.py'))),
        },
        { name: 'orders_backfill.py', action: 'delete', deployed: v1.get('orders_backfill.py') },
        { name: 'raw_event_landing.py', action: 'unchanged' },
        { name: 'new_feed.py', action: 'upload', reason: 'new', local: v1.get('orders_backfill.py') },
      ],
      unmanaged: ['legacy/hand_written.py'],
    });
    expect(md).to.equal(
      [
        "## dagsmith plan: `MWAA environment 'ml-prod' (s3://acme-mwaa/dags/)` (Airflow `2.10.3`)",
        '',
        '**2 to upload** (1 new, 1 changed), **1 to delete**, 1 unchanged.',
        '',
        '| file | action |',
        '|---|---|',
        '| `customer_features.py` | upload (changed) |',
        '| `new_feed.py` | upload (new) |',
        '| `orders_backfill.py` | delete |',
        '',
        '### `customer_features.py`: DAG `customer_features`',
        '',
        '- schedule: `0 3 * * *` → `0 4 * * *`',
        '- steps added: `start` (`s3.wait`), `build` (`athena.query`)',
        '- steps removed: `legacy_copy` (`s3.copy`)',
        '- steps changed:',
        '  - `clean` (`glue.job`): upstream +`start`; `job`: `"clean-events"` → `"clean-events-v2"`',
        '',
        '### `new_feed.py`: new DAG `orders_backfill`',
        '',
        '- schedule: `none`',
        '- 1 step: `run` (`glue.job`)',
        '',
        '### `orders_backfill.py`: removed',
        '',
        'Deletes DAG `orders_backfill` with 1 step.',
        '',
        '1 object under the prefix is not managed by dagsmith and stays untouched: `legacy/hand_written.py`',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing changes, when only the text changes, and when the deployed structure is unknown', () => {
    const s = v1.get('customer_features.py')!;
    expect(renderPlanMarkdown({ destination: 's3://b/dags/', files: [{ name: 'a.py', action: 'unchanged' }] })).to.equal(
      '## dagsmith plan: `s3://b/dags/`\n\nNo changes: 1 DAG file deployed is up to date.\n',
    );
    const same = renderPlanMarkdown({ destination: 'x', files: [{ name: 'a.py', action: 'upload', reason: 'changed', local: s, deployed: s }] });
    expect(same).to.contain('_No structural change: the file differs only in comments, formatting or the dagsmith version that wrote it._');
    for (const deployed of [undefined, { v: 99 }, 'junk', { v: 1, dagId: 'x', schedule: 's', dag: {}, steps: [{ id: 1 }] }]) {
      const md = renderPlanMarkdown({ destination: 'x', files: [{ name: 'a.py', action: 'upload', reason: 'changed', local: s, deployed }] });
      expect(md, JSON.stringify(deployed)).to.contain(
        '_The deployed structure is unknown (the manifest has no summary this dagsmith can read); the file content changes._',
      );
    }
    // A summary an older dagsmith wrote (hashes only) is not read as values.
    const v1Summary = { ...JSON.parse(JSON.stringify(s)), v: 1 } as unknown;
    expect(parseDagSummary(v1Summary)).to.equal(undefined);
  });

  it('shows old and new values of settings and DAG attributes; a long value (SQL) is named, not shown', () => {
    const a = summaries({
      'pipelines/p.yaml':
        'version: 1\nid: p\ndefaults: { retries: 2, executionTimeout: 2h }\nsteps:\n  - id: q\n    kind: athena.query\n    query: "SELECT 1"\n    database: f\n    outputLocation: s3://acme-athena/r/\n',
    }).get('p.py')!;
    const longSql = `SELECT ${'col, '.repeat(40)}x FROM t`;
    const b = summaries({
      'pipelines/p.yaml': `version: 1\nid: p\ndefaults: { retries: 3, executionTimeout: 90m }\ndagrunTimeout: 6h\nsteps:\n  - id: q\n    kind: athena.query\n    query: "${longSql}"\n    database: f\n    outputLocation: s3://acme-athena/r/\n    retries: 5\n`,
    }).get('p.py')!;
    const md = renderPlanMarkdown({ destination: 'x', files: [{ name: 'p.py', action: 'upload', reason: 'changed', local: b, deployed: a }] });
    expect(md).to.contain(
      '- DAG settings: `dagrunTimeout`: `null` → `"6h"`; `defaults.executionTimeout`: `"2h"` → `"90m"`; `defaults.retries`: `2` → `3`',
    );
    expect(md).to.contain(
      '  - `q` (`athena.query`): `query` changed (too long to show); `settings.executionTimeout`: `"2h"` → `"90m"`; `settings.retries`: `2` → `5`',
    );
  });

  it('tells a DAG edited or deleted in the bucket from a local change, and from no change at all', () => {
    const s = v1.get('customer_features.py')!;
    const edited = renderPlanMarkdown({
      destination: 'x',
      files: [{ name: 'a.py', action: 'upload', reason: 'edited in the bucket', localChanged: false, local: s, deployed: s }],
    });
    expect(edited).to.contain('**1 to upload** (0 new, 0 changed, 1 changed in the bucket outside dagsmith)');
    expect(edited).to.contain('| `a.py` | upload (edited in the bucket) |');
    expect(edited).to.contain('**Edited in the bucket**: the deployed object is not the one dagsmith uploaded (its ETag differs from the manifest)');
    expect(edited).to.contain('_The compiled DAG is the one dagsmith deployed last; only the bucket changed._');
    expect(edited).to.not.contain('No structural change');
    const both = renderPlanMarkdown({
      destination: 'x',
      files: [
        { name: 'a.py', action: 'upload', reason: 'edited in the bucket', localChanged: true, local: v2.get('customer_features.py'), deployed: s },
      ],
    });
    expect(both).to.contain('**Edited in the bucket**').and.to.contain('- schedule: `0 3 * * *` → `0 4 * * *`');
    const missing = renderPlanMarkdown({
      destination: 'x',
      files: [{ name: 'a.py', action: 'upload', reason: 'missing in the bucket', localChanged: false, local: s, deployed: s }],
    });
    expect(missing).to.contain('**Missing in the bucket**: the object dagsmith deployed was deleted outside dagsmith; the sync uploads it again.');
  });

  it('keeps pipeline text inside its code span: backticks (a longer fence), line breaks (shown), table pipes', () => {
    expect(markdownCode('a`b\nc|d', { inTable: true })).to.equal('``a`b\\u000ac\\|d``');
    expect(markdownCode('a|b')).to.equal('`a|b`');
    expect(markdownCode('``x')).to.equal('``` ``x ```');
    const hostile: DagSummary = { ...v1.get('orders_backfill.py')!, schedule: 'assets: s3://x/`](javascript:alert(1))\n# heading|' };
    const md = renderPlanMarkdown({ destination: 'x', files: [{ name: 'h.py', action: 'upload', reason: 'new', local: hostile }] });
    expect(md).to.contain('- schedule: ``assets: s3://x/`](javascript:alert(1))\\u000a# heading|``');
    expect(md.split('\n').some((l) => l.startsWith('# heading'))).to.equal(false);
  });

  it('keeps everything a forged manifest says out of the Markdown: ids, kinds, upstreams, field and setting names, names', () => {
    const local = v2.get('customer_features.py')!;
    // What a forged manifest can claim is deployed: every string of the summary is the attacker's.
    const forged = {
      v: SUMMARY_VERSION,
      dagId: `dag${HOSTILE}`,
      schedule: `cron${HOSTILE}`,
      dag: { [`setting${HOSTILE}`]: `v${HOSTILE}` },
      steps: [
        { id: 'clean', kind: `kind${HOSTILE}`, upstream: [`up${HOSTILE}`], fields: {} },
        { id: 'wait_raw', kind: 's3.wait', upstream: [], fields: { [`field${HOSTILE}`]: 'h' } },
        { id: `gone${HOSTILE}`, kind: `gonekind${HOSTILE}`, upstream: [], fields: {} },
      ],
    };
    const md = renderPlanMarkdown({
      destination: `s3://b/${HOSTILE}/`,
      airflowVersion: `2.10.3${HOSTILE}`,
      files: [
        { name: 'customer_features.py', action: 'upload', reason: 'changed', local, deployed: forged },
        { name: `old${HOSTILE}.py`, action: 'delete', deployed: forged },
      ],
      kept: [`kept${HOSTILE}.py`],
      unmanaged: [`unmanaged${HOSTILE}.py`, 'a|b.py'],
      notOurs: [`notours${HOSTILE}.py`],
    });
    expectInertMarkdown('plan', md);
    // Each value is still there to read, whole, in its code span.
    expect(md).to.contain('`dagc\\u000a::warning file=README.md,line=1::forged\\u000a');
    expect(md).to.contain('``unmanagedc\\u000a');
  });

  it('hashes deep values without recursion limits and independent of key order', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(canonicalJson(deep).length).to.equal(200_000 + '"leaf"'.length);
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).to.equal('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});
