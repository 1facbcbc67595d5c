/**
 * src/base/airflow-templates.generated.ts is what the pinned packages say: context keys, macros, Jinja filters, tests
 * and globals, and the template_fields of every class the step kinds emit, for every Airflow target.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { AIRFLOW_TEMPLATE_TABLES } from '../../src/base/airflow-templates.generated';
import { emittedClasses } from '../../src/steps/emitted-classes';
import { TARGET_VERSIONS } from '../../src/targets';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, parseHarnessJson, runProcess } from '../airflow/harness';

describe('src/base/airflow-templates.generated.ts', () => {
  it('has a table for every target, covering every class the kinds emit', () => {
    expect(Object.keys(AIRFLOW_TEMPLATE_TABLES).sort()).to.deep.equal([...TARGET_VERSIONS].sort());
    for (const [version, t] of Object.entries(AIRFLOW_TEMPLATE_TABLES)) {
      expect(Object.keys(t.templateFields), `${version}: regenerate with scripts/gen-airflow-templates.ts`).to.deep.equal(emittedClasses());
    }
  });
});

describe('src/base/airflow-templates.generated.ts @airflow', function () {
  this.timeout(300_000);
  for (const version of AIRFLOW_VERSIONS) {
    it(`is what template_tables.py reads from Airflow ${version}'s packages`, async () => {
      const res = await runProcess(airflowPython(version), [join(HARNESS, 'template_tables.py'), JSON.stringify(emittedClasses())], {
        timeoutMs: 240_000,
      });
      const got = parseHarnessJson<Record<string, unknown>>(`template_tables.py (Airflow ${version})`, res);
      const { template_fields: templateFields, templated_args: templatedArgs, ...rest } = got;
      expect({ ...rest, templateFields, templatedArgs }, 'regenerate with scripts/gen-airflow-templates.ts').to.deep.equal(
        AIRFLOW_TEMPLATE_TABLES[version],
      );
    });
  }
});
