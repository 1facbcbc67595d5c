import { expect } from 'chai';
import { assignVariableNames } from '../../src/emit/python/names';

describe('assignVariableNames', () => {
  it('makes distinct, valid, non-keyword identifiers that avoid reserved names', () => {
    const names = assignVariableNames(['load-orders.v2', 'load_orders_v2', '2020_backfill', 'class', 'DAG'], ['DAG']);
    expect([...names.values()]).to.deep.equal(['load_orders_v2', 'load_orders_v2_2', 'step_2020_backfill', 'class_step', 'DAG_2']);
  });
});
