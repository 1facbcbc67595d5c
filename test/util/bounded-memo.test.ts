import { expect } from 'chai';
import { boundedMemo } from '../../src/util/bounded-memo';

describe('util/bounded-memo', () => {
  it('computes each key once, undefined answers included', () => {
    const calls: string[] = [];
    const f = boundedMemo(10, (k: string) => {
      calls.push(k);
      return k === 'none' ? undefined : k.length;
    });
    expect([f('ab'), f('none'), f('ab'), f('none'), f('abc')]).to.deep.equal([2, undefined, 2, undefined, 3]);
    expect(calls).to.deep.equal(['ab', 'none', 'abc']);
  });

  it('holds at most max entries: past them it starts afresh and computes again', () => {
    const calls: number[] = [];
    const f = boundedMemo(3, (k: number) => {
      calls.push(k);
      return k * 2;
    });
    for (const k of [1, 2, 3, 1, 4, 1, 4]) f(k);
    // 1, 2, 3 fill it; 1 is remembered; 4 clears it and is kept alone; 1 is computed again, 4 remembered.
    expect(calls).to.deep.equal([1, 2, 3, 4, 1]);
  });

  it('lets the computation ask the memo for another key (a bucket judged through its name)', () => {
    const f: (k: string) => string = boundedMemo(2, (k: string) => (k.includes('/') ? `uri of ${f(k.split('/')[0]!)}` : `name ${k}`));
    expect(f('b/k')).to.equal('uri of name b');
    expect(f('b/k')).to.equal('uri of name b');
  });

  it('keys several arguments by the key keyOf makes of them', () => {
    const calls: string[] = [];
    const f = boundedMemo(
      10,
      (expression: string, target: string) => {
        calls.push(`${target} ${expression}`);
        return `${target}:${expression}`;
      },
      (expression, target) => `${target}\0${expression}`,
    );
    expect([f('a', 't1'), f('a', 't2'), f('a', 't1')]).to.deep.equal(['t1:a', 't2:a', 't1:a']);
    expect(calls).to.deep.equal(['t1 a', 't2 a']);
  });
});
