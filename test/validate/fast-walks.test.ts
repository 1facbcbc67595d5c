import { expect } from 'chai';
import { Reporter, START_OF_FILE } from '../../src/diagnostics/reporter';
import type { JsonPath } from '../../src/diagnostics/types';
import { checkRepresentable } from '../../src/validate/portability';
import { resolveText } from '../../src/validate/vars';
import { makeRng as random } from '../load/yaml-generator';

const reporter = () => new Reporter('p.yaml', { locate: () => START_OF_FILE });

/** checkRepresentable as it was: a general walk with a visitor, each mapping's keys listed by both. */
function referenceRepresentable(data: unknown, r: Reporter): void {
  const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const lone = (text: string, path: JsonPath, at: 'key' | 'value'): void => {
    const m = LONE.exec(text);
    if (m) {
      const cp = m[0].charCodeAt(0).toString(16).toUpperCase();
      r.report('DS324', path, `the ${at === 'key' ? 'key' : 'string'} holds a lone surrogate (U+${cp}), which is not valid Unicode text`, { at });
    }
  };
  const path: (string | number)[] = [];
  const go = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!value.isWellFormed()) lone(value, [...path], 'value');
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) if (!key.isWellFormed()) lone(key, [...path, key], 'key');
    } else if (typeof value === 'number' && Number.isNaN(value)) {
      r.report('DS325', [...path], 'NaN (.nan) has no place in a pipeline: use a number');
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        go(value[i]);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const k of Object.keys(value)) {
        path.push(k);
        go((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  go(data);
}

function randomData(rand: () => number, depth: number): unknown {
  const strings = ['a', 'ok', '\ud800', 'x\udc00y', '\ud83d\ude00', '', '${v}', '\ud83d'];
  const pick = rand();
  if (depth > 4 || pick < 0.35) {
    const r = rand();
    if (r < 0.6) return strings[Math.floor(rand() * strings.length)];
    if (r < 0.75) return NaN;
    if (r < 0.85) return Math.floor(rand() * 10);
    return r < 0.93 ? null : true;
  }
  const n = Math.floor(rand() * 4);
  if (pick < 0.6) return Array.from({ length: n }, () => randomData(rand, depth + 1));
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) obj[strings[Math.floor(rand() * strings.length)]! + String(i)] = randomData(rand, depth + 1);
  return obj;
}

describe('checkRepresentable in one walk', () => {
  it('reports what the general walk reported, in the same order, on random data', () => {
    const rand = random(324);
    let reported = 0;
    for (let i = 0; i < 3000; i++) {
      const data = randomData(rand, 0);
      const fast = reporter();
      const reference = reporter();
      checkRepresentable(data, fast);
      referenceRepresentable(data, reference);
      expect(fast.diagnostics).to.deep.equal(reference.diagnostics);
      reported += reference.diagnostics.length;
    }
    expect(reported).to.be.greaterThan(500);
  });
});

describe('resolveText with names remembered', () => {
  const vars = new Map([
    ['a', 'A'],
    ['b.c', 'BC'],
    ['x-y', ''],
  ]);
  it('resolves, keeps and refuses the same texts every time it is asked', () => {
    const rand = random(312);
    const pieces = ['${a}', '${b.c}', '${x-y}', '${zz}', '${1a}', '${a b}', '$${', '${', '$', '}', 'text', '{{ ds }}', '${}'];
    for (let i = 0; i < 2000; i++) {
      let text = '';
      const n = Math.floor(rand() * 5);
      for (let k = 0; k < n; k++) text += pieces[Math.floor(rand() * pieces.length)];
      const first = resolveText(text, vars);
      const again = resolveText(text, vars);
      expect(again, text).to.deep.equal(first);
    }
  });

  it('refuses a malformed name every time, and takes every well-formed one', () => {
    const names = ['a', 'b.c', 'x-y', 'zz', '_', 'a1', '1a', 'a b', '', '-a', '.a', 'a$', 'é', 'a.b-c_d'];
    for (let round = 0; round < 3; round++) {
      for (const n of names) {
        const r = resolveText(`\${${n}}`, vars);
        const malformed = !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(n);
        expect(
          r.problems.map((p) => p.code),
          n,
        ).to.deep.equal(malformed ? ['DS320'] : vars.has(n) ? [] : ['DS312']);
      }
    }
  });
});
