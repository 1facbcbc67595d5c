/**
 * The run settings in the DAG summary that `plan` (and `diff-envs`) compare: alerts per pipeline and per step,
 * maxActiveTasks and the new settings are fields with values; a summary written before a field existed (no such
 * key) reads as that field unset, not as a change.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { diffDagSummaries, isEmptyDiff, summarizeDag, type DagSummary } from '../../src/sync/dag-summary';

const CASE = join(__dirname, '..', 'fixtures', 'good-run-settings');

function summaries(): Map<string, DagSummary> {
  const r = buildProject({ cwd: CASE, airflow: '2.10.3' });
  return new Map(r.pipelines.map((p) => [p.ir.id, summarizeDag(p.ir)]));
}

describe('DAG summary: run settings', () => {
  it('shows the alerts, maxActiveTasks and task run settings as fields', () => {
    const s = summaries().get('run_settings')!;
    expect(s.dag['notifications.onSuccess.sns']).to.equal('"arn:aws:sns:us-east-1:123456789012:ml-runs"');
    expect(s.dag['notifications.onRetry.sns']).to.equal('"arn:aws:sns:eu-west-1:123456789012:ml-retries"');
    expect(s.dag.maxActiveTasks).to.equal('4');
    expect(s.dag['defaults.weightRule']).to.equal('"absolute"');
    const clean = s.steps.find((t) => t.id === 'clean')!;
    expect(clean.fields['notifications.onSuccess.sns']).to.equal('"arn:aws:sns:us-east-1:123456789012:clean-done"');
    expect(clean.fields['notifications.onRetry.sns']).to.equal('null');
    expect(clean.fields['settings.poolSlots']).to.equal('3');
    expect(clean.fields['settings.priorityWeight']).to.equal('100');
    expect(clean.fields['settings.queue']).to.equal('"heavy"');
  });

  it('reads a field an older summary lacks as unset: no change when it is unset now, a change when it is set', () => {
    const now = summaries().get('step_alerts_only')!;
    const withoutNewFields = (s: DagSummary): DagSummary => {
      const drop = (fields: Readonly<Record<string, string>>) =>
        Object.fromEntries(
          Object.entries(fields).filter(
            ([k]) => !k.startsWith('notifications.') && !/(poolSlots|priorityWeight|weightRule|queue|maxActiveTasks)$/.test(k),
          ),
        );
      return { ...s, dag: drop(s.dag), steps: s.steps.map((t) => ({ ...t, fields: drop(t.fields) })) };
    };
    const old = withoutNewFields(now);
    const diff = diffDagSummaries(old, now);
    expect(isEmptyDiff(diff)).to.equal(false);
    // Only what the pipeline sets: the load step's retry alert and weight rule; nothing for the unset fields.
    expect(diff.attributes).to.deep.equal([]);
    expect(diff.stepsChanged.map((c) => [c.id, c.fields.map((f) => `${f.field}: ${f.from} -> ${f.to}`)])).to.deep.equal([
      ['load', ['notifications.onRetry.sns: null -> "arn:aws:sns:us-east-1:123456789012:load-retries"', 'settings.weightRule: null -> "upstream"']],
    ]);
  });
});
