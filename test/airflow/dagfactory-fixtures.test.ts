/**
 * dag-factory's own example files (test/fixtures-dagfactory/, from astronomer/dag-factory at v0.23.0 and v1.0.1,
 * see PROVENANCE.md) loaded by dag-factory 1.0.1 on Airflow 3.0.6 in the mwaa-serverless virtualenv, through
 * python/dagsmith_harness/dagfactory_dump.py. What each file makes (DAG ids, task ids, operator classes, the
 * arguments passed and their values, dependencies, task groups) or the exception it fails with is kept in
 * test/fixtures-dagfactory/expected.dagfactory-1.0.1.json: the reference `dagsmith import dag-factory` is checked
 * against, and a record of which 0.x forms 1.0.1 no longer reads. UPDATE_GOLDEN=1 rewrites it; review the diff.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { HARNESS, parseHarnessJson, ROOT, runProcess, venvPython } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures-dagfactory');
const GOLDEN = join(FIXTURES, 'expected.dagfactory-1.0.1.json');
const FORMS = ['v0.23.0', 'v1.0.1'] as const;
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** dag-factory's shared-defaults file names: merged into the DAG files of their folder, not DAG files themselves. */
const DEFAULTS_FILES = new Set(['defaults.yml', 'defaults.yaml']);
/** Arguments that place a task rather than configure its operator. */
const PLACEMENT = new Set(['dag', 'task_group', 'task_id']);

interface DumpedTask {
  task_id: string;
  operator_module: string;
  operator_class: string;
  mapped: boolean;
  expand?: Record<string, unknown>;
  upstream: string[];
  downstream: string[];
  task_group: string | null;
  fields: Record<string, unknown>;
  init_kwargs: string[] | null;
}

interface DumpedDag {
  dag_id: string;
  schedule: unknown;
  tasks: DumpedTask[];
  dump_error?: string;
}

interface Dump {
  airflow_version: string;
  dag_factory_version: string;
  files: { file: string; import_errors: string[]; dags: Record<string, DumpedDag> }[];
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) stack.push(p);
      else if (/\.ya?ml$/.test(name) && !DEFAULTS_FILES.has(name)) out.push(p);
    }
  }
  return out.sort();
}

/** The golden's view of one DAG: what an importer must reproduce. */
function project(dag: DumpedDag) {
  if (dag.dump_error) return { dump_error: dag.dump_error };
  return {
    schedule: dag.schedule,
    tasks: dag.tasks.map((t) => ({
      task_id: t.task_id,
      operator: `${t.operator_module}.${t.operator_class}`,
      ...(t.mapped ? { mapped: true } : {}),
      ...(t.task_group ? { task_group: t.task_group } : {}),
      upstream: t.upstream,
      arguments: Object.fromEntries(
        (t.init_kwargs ?? Object.keys(t.fields)).filter((k) => !PLACEMENT.has(k) && Object.hasOwn(t.fields, k)).map((k) => [k, t.fields[k]]),
      ),
      // A classic operator's .partial().expand() is dumped unmapped for a sample item, with what it expands here.
      ...(t.expand ? { expand: t.expand } : {}),
    })),
  };
}

/** Task ids a dag-factory DAG entry declares: list items' task_id, or the mapping's keys; with their group. */
function declaredTasks(entry: unknown): { id: string; group?: string }[] {
  const tasks = (entry as { tasks?: unknown } | null)?.tasks;
  const group = (t: unknown) => {
    const g = (t as { task_group_name?: unknown } | null)?.task_group_name;
    return typeof g === 'string' ? { group: g } : {};
  };
  if (Array.isArray(tasks)) {
    return (tasks as unknown[]).flatMap((t) => {
      const id = (t as { task_id?: unknown } | null)?.task_id;
      return typeof id === 'string' ? [{ id, ...group(t) }] : [];
    });
  }
  if (tasks && typeof tasks === 'object') return Object.entries(tasks).map(([id, t]) => ({ id, ...group(t) }));
  return [];
}

describe('dag-factory example fixtures loaded by dag-factory 1.0.1 @airflow', () => {
  const dumps = new Map<string, Dump>();

  before(async function () {
    this.timeout(180_000);
    const python = venvPython('mwaa-serverless');
    for (const form of FORMS) {
      const root = join(FIXTURES, form);
      const res = await runProcess(python, [join(HARNESS, 'dagfactory_dump.py'), '--root', root, ...yamlFiles(root)], { timeoutMs: 170_000 });
      dumps.set(form, parseHarnessJson<Dump>(`dagfactory_dump.py (${form})`, res));
    }
  });

  it('runs dag-factory 1.0.1 on Airflow 3.0.6 and reports every fixture file', () => {
    for (const form of FORMS) {
      const dump = dumps.get(form)!;
      expect([dump.airflow_version, dump.dag_factory_version]).to.deep.equal(['3.0.6', '1.0.1']);
      expect(dump.files.map((f) => f.file)).to.deep.equal(yamlFiles(join(FIXTURES, form)).map((p) => relative(join(FIXTURES, form), p)));
    }
  });

  it('makes what the golden records: DAGs, tasks, operators, arguments, dependencies, or the exception', () => {
    const actual: Record<string, unknown> = {};
    for (const form of FORMS) {
      for (const f of dumps.get(form)!.files) {
        const entry = {
          ...(f.import_errors.length > 0 ? { import_errors: f.import_errors } : {}),
          dags: Object.fromEntries(Object.entries(f.dags).map(([id, dag]) => [id, project(dag)])),
        };
        // Values built from $CONFIG_ROOT_DIR hold this checkout's path: written back as the variable.
        actual[`${form}/${f.file}`] = JSON.parse(JSON.stringify(entry).split(join(FIXTURES, form)).join('$CONFIG_ROOT_DIR'));
      }
    }
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    if (UPDATE) writeFileSync(GOLDEN, text);
    expect(existsSync(GOLDEN), `${relative(ROOT, GOLDEN)} is missing: run with UPDATE_GOLDEN=1 and review it`).to.equal(true);
    expect(JSON.parse(text)).to.deep.equal(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('loads the Airflow 3 examples of both forms, each task the YAML declares present, dependencies consistent', () => {
    let dagsChecked = 0;
    for (const form of FORMS) {
      for (const f of dumps.get(form)!.files) {
        // Only files that made DAGs are read here (invalid.yaml is not YAML at all).
        const source =
          Object.keys(f.dags).length > 0
            ? (parseYaml(readFileSync(join(FIXTURES, form, f.file), 'utf8'), { uniqueKeys: false }) as Record<string, unknown> | null)
            : null;
        if (f.file.startsWith('airflow3/') && f.file !== 'airflow3/example_dag_factory_default_config.yml') {
          // (v1.0.1's default_config example puts the tasks of `default` in a list, which 1.0.1 does not merge.)
          expect(f.import_errors, `${form}/${f.file}`).to.deep.equal([]);
          expect(Object.keys(f.dags), `${form}/${f.file}`).to.not.be.empty;
        }
        for (const [dagId, dag] of Object.entries(f.dags)) {
          expect(dag.dump_error, `${form}/${f.file} ${dagId}`).to.equal(undefined);
          expect(new Set(dag.tasks.map((t) => t.task_id)).size, `${dagId}: task ids are unique`).to.equal(dag.tasks.length);
          for (const t of dag.tasks) {
            for (const up of t.upstream)
              expect(dag.tasks.find((u) => u.task_id === up)?.downstream, `${dagId}: ${up} -> ${t.task_id}`).to.include(t.task_id);
          }
          const entry = source && Object.hasOwn(source, dagId) ? source[dagId] : undefined;
          for (const task of declaredTasks(entry)) {
            // A task in a group is `<group path>.<id>`; a nested group's path holds its parents (a.b.task).
            const made = dag.tasks.find((t) =>
              task.group
                ? (t.task_group === task.group || t.task_group?.endsWith(`.${task.group}`) === true) && t.task_id === `${t.task_group}.${task.id}`
                : t.task_id === task.id,
            );
            expect(made, `${form}/${f.file}: ${dagId} declares task ${task.id}${task.group ? ` in group ${task.group}` : ''}`).to.not.equal(
              undefined,
            );
          }
          dagsChecked++;
        }
      }
    }
    expect(dagsChecked).to.be.greaterThan(20);
  });
});
