/**
 * Asset aliases and deadlines in the DAG summary that `plan` (and `diff-envs`) compare: a step's `producesAlias` and
 * the pipeline's `deadline` are fields with values; a summary written before they existed reads as both unset.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { diffDagSummaries, isEmptyDiff, summarizeDag, type DagSummary } from '../../src/sync/dag-summary';

const CASE = join(__dirname, '..', 'fixtures', 'good-airflow3-features');

function summaries(): Map<string, DagSummary> {
  const r = buildProject({ cwd: CASE, airflow: '3.3.1' });
  return new Map(r.pipelines.map((p) => [p.ir.id, summarizeDag(p.ir)]));
}

const withoutNewFields = (s: DagSummary): DagSummary => {
  const drop = (fields: Readonly<Record<string, string>>) =>
    Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'deadline' && k !== 'producesAlias'));
  return { ...s, dag: drop(s.dag), steps: s.steps.map((t) => ({ ...t, fields: drop(t.fields) })) };
};

describe('DAG summary: asset aliases and deadlines', () => {
  it('shows the deadline (its topic resolved) and each step\u2019s alias outlets; the alias schedule in the schedule text', () => {
    const all = summaries();
    const consumer = all.get('features_on_alias')!;
    expect(consumer.schedule).to.equal('assets: alias clickstream-daily');
    expect(consumer.dag.deadline).to.equal('{"interval":"2h","reference":"queuedAt","sns":"arn:aws:sns:us-east-1:123456789012:ml-alerts"}');
    const producer = all.get('clickstream_landing')!;
    expect(producer.dag.deadline).to.equal('null');
    const land = producer.steps.find((t) => t.id === 'land_events')!;
    expect(land.fields.producesAlias).to.equal('[{"alias":"clickstream-daily","asset":"s3://acme-raw/clickstream/dt={{ ds }}/"}]');
    expect(producer.steps.find((t) => t.id === 'compact')!.fields.producesAlias).to.not.equal('null');
  });

  it('reads a summary without the fields as unset: no change for a pipeline that sets neither, changes where one is set', () => {
    const all = summaries();
    const plain = all.get('serving_refresh')!;
    // serving_refresh has a deadline and no alias outlets.
    const diff = diffDagSummaries(withoutNewFields(plain), plain);
    expect(diff.attributes.map((a) => a.field)).to.deep.equal(['deadline']);
    expect(diff.stepsChanged).to.deep.equal([]);
    const producer = all.get('clickstream_landing')!;
    const p = diffDagSummaries(withoutNewFields(producer), producer);
    expect(p.attributes).to.deep.equal([]);
    expect(p.stepsChanged.map((c) => c.id).sort()).to.deep.equal(['compact', 'land_events']);
    expect(isEmptyDiff(diffDagSummaries(producer, producer))).to.equal(true);
  });
});
