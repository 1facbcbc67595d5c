import { expect } from 'chai';
import { REMOVED_IN_AIRFLOW_3, REMOVED_NAME_PARTS, removedContextVariables } from '../../src/validate/portability';

describe('validate/portability: removed context variables', () => {
  it('finds every removed name (each holds one of the parts the quick test looks for)', () => {
    for (const name of Object.keys(REMOVED_IN_AIRFLOW_3)) {
      expect(
        REMOVED_NAME_PARTS.some((part) => name.includes(part)),
        name,
      ).to.equal(true);
      expect(removedContextVariables(`a/{{ ${name} }}/b`), name).to.deep.equal([name]);
      expect(removedContextVariables(`{% if ${name} %}x{% endif %}`), name).to.deep.equal([name]);
    }
  });

  it('finds nothing outside tags, in attributes, or in longer names', () => {
    expect(removedContextVariables('conf {{ ds }} next_ds')).to.deep.equal([]);
    expect(removedContextVariables('{{ dag_run.conf }} {{ my_next_ds }}')).to.deep.equal([]);
    expect(removedContextVariables('{{ conf }}{{ next_ds }}{{ conf }}')).to.deep.equal(['conf', 'next_ds']);
  });
});
