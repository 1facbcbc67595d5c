import { expect } from 'chai';
import { Reporter } from '../../src/diagnostics/reporter';
import { resolveTarget } from '../../src/targets';
import { checkSemantics } from '../../src/validate/semantic';
import { makeRng } from '../load/yaml-generator';

const NOWHERE = { locate: () => ({ line: 1, col: 1, endLine: 1, endCol: 1 }) };

/**
 * What checkSemantics reports about `dependsOn` (DS302 unknown, DS303 itself, DS318 repeated; DS304 whether a cycle
 * exists), found the plain way: a set of what each list said before, the edges of every step, a depth-first search.
 */
function expected(steps: readonly { id: string; dependsOn: unknown[] }[]): { findings: string[]; cycle: boolean } {
  const first = new Map<string, number>();
  steps.forEach((s, i) => first.has(s.id) || first.set(s.id, i));
  const findings: string[] = [];
  const edges = new Map<string, string[]>();
  steps.forEach((s, i) => {
    const seen = new Set<string>();
    const list: string[] = [];
    s.dependsOn.forEach((dep, j) => {
      if (typeof dep !== 'string') return;
      if (dep === s.id) findings.push(`DS303 ${i}.${j}`);
      else if (!first.has(dep)) findings.push(`DS302 ${i}.${j}`);
      else if (seen.has(dep)) findings.push(`DS318 ${i}.${j}`);
      else list.push(dep);
      seen.add(dep);
    });
    if (first.get(s.id) === i) edges.set(s.id, list);
  });
  const state = new Map<string, 'open' | 'done'>();
  const cyclic = (v: string): boolean => {
    if (state.get(v) === 'open') return true;
    if (state.get(v) === 'done') return false;
    state.set(v, 'open');
    const found = (edges.get(v) ?? []).some(cyclic);
    state.set(v, 'done');
    return found;
  };
  return { findings, cycle: [...first.keys()].some(cyclic) };
}

/**
 * checkDependencies scans short dependsOn lists for repeats, keeps a set for long ones, and makes the edges only when
 * a step depends on one written after it: all of it against the plain way, on random step graphs.
 */
describe('checkSemantics dependsOn checks (differential)', () => {
  it('reports what the plain way finds, on 2,000 random step graphs', () => {
    const rnd = makeRng(17);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    let cycles = 0;
    let findings = 0;
    for (let n = 0; n < 2000; n++) {
      const ids = Array.from({ length: 1 + Math.floor(rnd() * 8) }, (_, i) => `s${i}`);
      const count = 1 + Math.floor(rnd() * 10);
      const steps = Array.from({ length: count }, (_, i) => {
        // Mostly earlier steps (no cycle possible), sometimes later ones, the step itself, unknown ids and non-strings.
        const before = ids.slice(0, Math.max(1, Math.min(i, ids.length)));
        const deps = Array.from({ length: Math.floor(rnd() * (rnd() < 0.2 ? 14 : 4)) }, () => {
          const r = rnd();
          return r < 0.7 ? pick(before) : r < 0.85 ? pick(ids) : r < 0.9 ? ids[i % ids.length] : r < 0.95 ? 'nope' : 7;
        });
        return { id: ids[i % ids.length]!, kind: 'bash.command', dependsOn: deps };
      });
      const reporter = new Reporter('p.yaml', NOWHERE);
      checkSemantics({ id: 'p', steps }, { reporter, target: resolveTarget('2.10.3'), skip: [], readSibling: () => undefined });
      const got = reporter.diagnostics.filter((d) => ['DS302', 'DS303', 'DS318'].includes(d.code)).map((d) => `${d.code} ${d.path[1]}.${d.path[3]}`);
      const want = expected(steps);
      expect(got, JSON.stringify(steps)).to.deep.equal(want.findings);
      expect(
        reporter.diagnostics.some((d) => d.code === 'DS304'),
        JSON.stringify(steps),
      ).to.equal(want.cycle);
      if (want.cycle) cycles++;
      findings += want.findings.length;
    }
    expect(cycles).to.be.greaterThan(100);
    expect(findings).to.be.greaterThan(1000);
  });
});
