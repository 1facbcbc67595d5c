import { expect } from 'chai';
import { pathOfPointer, valueAt } from '../../src/util/json-path';

describe('util/json-path', () => {
  it('valueAt follows own properties and array indexes only', () => {
    const data = { steps: [{ id: 'a', 'x/y': 1 }], defaults: {} };
    expect(valueAt(data, ['steps', 0, 'id'])).to.equal('a');
    expect(valueAt(data, ['steps', '0', 'x/y'])).to.equal(1);
    expect(valueAt(data, ['steps', 1])).to.equal(undefined);
    expect(valueAt(data, ['defaults', 'constructor'])).to.equal(undefined);
    expect(valueAt(data, ['defaults', '__proto__'])).to.equal(undefined);
    expect(valueAt(data, ['steps', 'length'])).to.equal(undefined);
    expect(valueAt('text', ['length'])).to.equal(undefined);
    expect(valueAt(data, [])).to.equal(data);
  });

  it('pathOfPointer decodes ~1 and ~0, and numbers array indexes when given the data', () => {
    expect(pathOfPointer('')).to.deep.equal([]);
    expect(pathOfPointer('/a~1b/c~0d/~01')).to.deep.equal(['a/b', 'c~d', '~1']);
    expect(pathOfPointer('/steps/0/id')).to.deep.equal(['steps', '0', 'id']);
    expect(pathOfPointer('/steps/0/id', { steps: [{ id: 'x' }] })).to.deep.equal(['steps', 0, 'id']);
    expect(pathOfPointer('/params/0', { params: { '0': 1 } })).to.deep.equal(['params', '0']);
  });
});
