// Writes src/base/airflow-templates.generated.ts: what a template may name on each MWAA Airflow version (context
// keys, macros, Jinja filters, tests and globals) and the template_fields of every operator class the step kinds
// emit, read from the pinned packages by python/dagsmith_harness/template_tables.py in each Airflow virtualenv.
// Run it after a target or a kind's class changes: `npx tsx scripts/gen-airflow-templates.ts` (needs the venvs:
// `npm run setup:python`). test/base/airflow-templates.test.ts (@airflow) fails when the file is stale.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATE_TABLES_PATH, renderTemplateTables, type AirflowTemplateTable } from '../src/base/airflow-templates';
import { emittedClasses } from '../src/steps/emitted-classes';
import { TARGET_VERSIONS } from '../src/targets';

const setupPython = require('./setup-python.js') as { venvPaths(): Record<string, { python: string }> };
const root = join(__dirname, '..');
const classes = emittedClasses();
const tables: Record<string, AirflowTemplateTable> = {};
for (const version of TARGET_VERSIONS) {
  const python = setupPython.venvPaths()[`airflow-${version}`]!.python;
  const out = execFileSync(python, [join(root, 'python', 'dagsmith_harness', 'template_tables.py'), JSON.stringify(classes)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 2 ** 20,
  });
  const t = JSON.parse(out) as Omit<AirflowTemplateTable, 'templateFields' | 'templatedArgs'> & {
    template_fields: AirflowTemplateTable['templateFields'];
    templated_args: AirflowTemplateTable['templatedArgs'];
  };
  tables[version] = {
    airflow: t.airflow,
    jinja2: t.jinja2,
    context: t.context,
    macros: t.macros,
    filters: t.filters,
    tests: t.tests,
    globals: t.globals,
    templateFields: t.template_fields,
    templatedArgs: t.templated_args,
  };
}
writeFileSync(join(root, TEMPLATE_TABLES_PATH), renderTemplateTables(tables));
console.log(`wrote ${TEMPLATE_TABLES_PATH} for Airflow ${TARGET_VERSIONS.join(', ')}`);
