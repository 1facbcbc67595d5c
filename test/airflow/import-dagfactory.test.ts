/**
 * `dagsmith import dag-factory` proven on dag-factory's own example files (test/fixtures-dagfactory/, both forms):
 * every file is imported (with its defaults.yml, as dag-factory reads them), the pipelines made compile (Python
 * target, Airflow 3.0.6), their DAGs load in Airflow 3.0.6 (the mwaa-serverless virtualenv, where dag-factory 1.0.1
 * loaded the originals for test/fixtures-dagfactory/expected.dagfactory-1.0.1.json), and each DAG dag-factory made
 * is compared with dagsmith's: the same task ids, operators, dependencies and arguments. Where the import says it
 * could not carry something over (a Python callable became a placeholder, DS803; dynamic task mapping, DS804), the
 * difference is the one it announced and nothing else.
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { importDagFactory, type ImportResult } from '../../src/use-cases/import';
import { HARNESS, makeTemp, parseHarnessJson, removeTemp, ROOT, runProcess, venvPython } from './harness';

const FIXTURES = join(ROOT, 'test', 'fixtures-dagfactory');
const GOLDEN = join(FIXTURES, 'expected.dagfactory-1.0.1.json');
const FORMS = ['v0.23.0', 'v1.0.1'] as const;
const PLACEHOLDER = 'airflow.providers.standard.operators.empty.EmptyOperator';

interface GoldenTask {
  task_id: string;
  operator: string;
  mapped?: boolean;
  task_group?: string;
  upstream: string[];
  arguments: Record<string, unknown>;
}
type Golden = Record<string, { import_errors?: string[]; dags: Record<string, { schedule?: unknown; tasks?: GoldenTask[]; dump_error?: string }> }>;

interface DumpTask {
  task_id: string;
  operator_module: string;
  operator_class: string;
  upstream: string[];
  fields: Record<string, unknown>;
}
interface BagDump {
  bags: { folder: string; import_errors: Record<string, string>; dags: Record<string, { tasks: DumpTask[] }> }[];
}

/** Arguments that are settings and placement, compared by the settings' own tests (or set by the harness). */
const SETTINGS = new Set([
  'owner',
  'start_date',
  'end_date',
  'retries',
  'retry_delay',
  'execution_timeout',
  'retry_exponential_backoff',
  'trigger_rule',
  'params',
  'pool',
  'outlets',
  'inlets',
  'email',
  'depends_on_past',
  'catchup',
  'timezone',
  'task_display_name',
]);

describe('import dag-factory: dag-factory example files, imported, compiled and loaded in Airflow 3.0.6 @airflow', function () {
  this.timeout(600_000);
  let scratch = '';
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;
  const imported = new Map<string, ImportResult>();
  const loaded = new Map<string, Map<string, DumpTask[]>>();
  const loadErrors: string[] = [];
  const compileErrors: string[] = [];

  before(async () => {
    scratch = makeTemp('import-dagfactory');
    const folders: string[] = [];
    for (const form of FORMS) {
      const project = join(scratch, form);
      mkdirSync(project, { recursive: true });
      cpSync(join(FIXTURES, form), join(project, 'dagfactory'), { recursive: true });
      writeFileSync(join(project, 'dagsmith.config.yaml'), 'pipelines: pipelines\n');
      const files = yamlFiles(golden, form).map((f) => `dagfactory/${f}`);
      const r = importDagFactory({ cwd: project, files, defaultsRoot: 'dagfactory', today: '2026-01-01' });
      imported.set(form, r);
      const built = buildProject({ cwd: project, airflow: '3.0.6' });
      compileErrors.push(
        ...built.diagnostics.filter((d) => d.severity === 'error').map((d) => `${form}/${d.file}:${d.line}: ${d.code} ${d.message}`),
      );
      const dags = join(project, 'dags');
      mkdirSync(dags);
      for (const p of built.pipelines) writeFileSync(join(dags, `${p.ir.id}.py`), p.content);
      // The custom operators the examples name, importable from the DAG folder as dag-factory's examples have them.
      folders.push(dags);
    }
    // The custom operators the examples name (the same in both forms), importable as dag-factory's examples have
    // them (its loader puts the examples' folder on sys.path; here PYTHONPATH does).
    cpSync(join(FIXTURES, 'v1.0.1', 'customized'), join(scratch, 'customized'), { recursive: true });
    const res = await runProcess(venvPython('mwaa-serverless'), [join(HARNESS, 'dagbag_dump.py'), ...folders], {
      timeoutMs: 300_000,
      env: { PYTHONPATH: scratch },
    });
    const dump = parseHarnessJson<BagDump>('dagbag_dump.py', res);
    dump.bags.forEach((bag, i) => {
      const form = FORMS[i]!;
      for (const [file, err] of Object.entries(bag.import_errors)) loadErrors.push(`${form}/${file}: ${err.trim().split('\n').pop()}`);
      loaded.set(form, new Map(Object.entries(bag.dags).map(([id, d]) => [id, d.tasks])));
    });
  });

  after(() => removeTemp(scratch));

  it('imports every DAG of the examples that dag-factory reads, and refuses the broken ones with their reason', () => {
    const refused = FORMS.flatMap((form) =>
      imported
        .get(form)!
        .diagnostics.filter((d) => d.severity === 'error')
        .map((d) => `${form}/${d.file.replace(/^dagfactory\//, '')}:${d.line} ${d.code}`),
    );
    // The same files dag-factory 1.0.1 fails on for the same reasons (a list task without operator in its default
    // block, a task without operator, a task id with ':', a file of dataset definitions, a file that is not YAML),
    // and DAG ids that two files of a folder both define.
    expect(refused).to.deep.equal([
      'v0.23.0/datasets/example_config_datasets.yml:1 DS801',
      'v0.23.0/datasets/example_dag_datasets_outlet_inlet.yml:15 DS801',
      'v0.23.0/datasets/example_dataset_condition_string.yml:1 DS801',
      'v0.23.0/datasets/example_dataset_yaml_syntax.yml:1 DS801',
      'v0.23.0/invalid.yaml:7 DS800',
      'v1.0.1/airflow3/example_dag_factory_default_config.yml:25 DS801',
      'v1.0.1/airflow3/example_dag_factory_default_config.yml:30 DS801',
      'v1.0.1/airflow3/example_dag_factory_default_config.yml:35 DS801',
      'v1.0.1/datasets/example_config_datasets.yml:1 DS801',
      'v1.0.1/datasets/example_dag_datasets_outlet_inlet.yml:14 DS801',
      'v1.0.1/datasets/example_dag_datasets_outlet_inlet.yml:19 DS801',
      'v1.0.1/datasets/example_dataset_condition_string.yml:1 DS801',
      'v1.0.1/datasets/example_dataset_yaml_syntax.yml:1 DS801',
      'v1.0.1/example_timetable_schedule.yml:5 DS801',
      'v1.0.1/external_task_sensor.yml:34 DS801',
      'v1.0.1/invalid.yaml:7 DS800',
    ]);
    expect(imported.get('v0.23.0')!.pipelines.length).to.equal(33);
    expect(imported.get('v1.0.1')!.pipelines.length).to.equal(34);
  });

  it('makes pipelines that compile, and whose DAGs load in Airflow 3.0.6 where dag-factory 1.0.1 loads the original', () => {
    expect(compileErrors).to.deep.equal([]);
    // Operators that Airflow 3.0.6 no longer has: dag-factory 1.0.1 fails on these files the same way (the golden).
    expect(loadErrors.map((e) => e.replace(/ \(\/.*$/, ''))).to.deep.equal([
      "v0.23.0/daily_etl.py: ModuleNotFoundError: No module named 'airflow.operators.bash_operator'",
      "v0.23.0/http_operator_example_dag.py: ImportError: cannot import name 'SimpleHttpOperator' from 'airflow.providers.http.operators.http'",
      "v1.0.1/http_operator_example_dag.py: ImportError: cannot import name 'SimpleHttpOperator' from 'airflow.providers.http.operators.http'",
    ]);
    expect(golden['v0.23.0/example_dag_factory_default_config_dict.yml']!.import_errors).to.deep.equal([
      "ModuleNotFoundError: No module named 'airflow.operators.bash_operator'",
    ]);
    expect(golden['v1.0.1/example_simple_http_operator_task.yml']!.import_errors![0]).to.match(/does not define a "SimpleHttpOperator"/);
  });

  it('makes the DAGs dag-factory made: task ids, operators, dependencies, arguments (what it announced aside)', () => {
    const problems: string[] = [];
    let dags = 0;
    let tasks = 0;
    for (const form of FORMS) {
      const r = imported.get(form)!;
      const placeholders = new Set(
        r.diagnostics.filter((d) => d.code === 'DS803').map((d) => `${d.file}#${d.path[0]}#${/task '([^']+)'/.exec(d.message)![1]}`),
      );
      // Arguments the import announced it did not carry over (DS802 at a task's key): file#dag#task-path#argument.
      const dropped = new Set(
        r.diagnostics.filter((d) => d.code === 'DS802' && d.path[1] === 'tasks').map((d) => `${d.file}#${d.path[0]}#${d.path[2]}#${d.path[3]}`),
      );
      for (const [file, entry] of Object.entries(golden).filter(([k]) => k.startsWith(`${form}/`))) {
        for (const [dagId, dag] of Object.entries(entry.dags)) {
          if (!dag.tasks) continue;
          const ours = loaded.get(form)!.get(dagId);
          const source = `dagfactory/${file.slice(form.length + 1)}`;
          if (!r.pipelines.some((p) => p.pipeline === dagId && p.source === source)) continue; // the same id from another file
          if (!ours) {
            problems.push(`${form} ${dagId}: dag-factory made it; dagsmith's DAG did not load`);
            continue;
          }
          dags++;
          const at = (t: string) => `${form} ${dagId}.${t}`;
          const ids = (xs: { task_id: string }[]) => xs.map((x) => x.task_id).sort();
          if (JSON.stringify(ids(dag.tasks)) !== JSON.stringify(ids(ours)))
            problems.push(`${form} ${dagId}: task ids ${JSON.stringify(ids(ours))} != ${JSON.stringify(ids(dag.tasks))}`);
          for (const g of dag.tasks) {
            const t = ours.find((x) => x.task_id === g.task_id);
            if (!t) continue;
            tasks++;
            const operator = `${t.operator_module}.${t.operator_class}`;
            const placeholder = placeholders.has(`${source}#${dagId}#${g.task_id.split('.').pop()}`);
            if (placeholder) {
              if (operator !== PLACEHOLDER) problems.push(`${at(g.task_id)}: announced placeholder, got ${operator}`);
            } else if (operator !== g.operator) problems.push(`${at(g.task_id)}: operator ${operator} != ${g.operator}`);
            if (JSON.stringify([...t.upstream].sort()) !== JSON.stringify([...g.upstream].sort())) {
              problems.push(`${at(g.task_id)}: upstream ${JSON.stringify(t.upstream)} != ${JSON.stringify(g.upstream)}`);
            }
            if (placeholder) continue;
            const taskKey = taskKeyOf(readFileSync(join(FIXTURES, form, file.slice(form.length + 1)), 'utf8'), dagId, g.task_id.split('.').pop()!);
            for (const [name, value] of Object.entries(g.arguments)) {
              if (SETTINGS.has(name) || dropped.has(`${source}#${dagId}#${taskKey}#${name}`)) continue;
              // dag-factory sends JSON data of an HttpOperator through a callable it makes; dagsmith writes the JSON text.
              if (name === 'data' && typeof value === 'string' && value.includes('get_json_serialized_callable')) continue;
              const mine = t.fields[name];
              if (JSON.stringify(mine) !== JSON.stringify(value))
                problems.push(`${at(g.task_id)}: ${name} ${JSON.stringify(mine)} != ${JSON.stringify(value)}`);
            }
          }
        }
      }
    }
    expect(problems).to.deep.equal([]);
    expect(dags, 'DAGs compared').to.be.at.least(40);
    expect(tasks, 'tasks compared').to.be.at.least(110);
  });
});

/** How the dag-factory file addresses a task in diagnostics: its index in a task list, or its id in a mapping. */
function taskKeyOf(text: string, dagId: string, taskId: string): string {
  const { parse } = require('yaml') as typeof import('yaml');
  const doc = parse(text, { version: '1.1', strict: false, logLevel: 'silent' }) as Record<string, { tasks?: unknown }>;
  const tasks = doc[dagId]?.tasks;
  if (Array.isArray(tasks)) return String(tasks.findIndex((t: { task_id?: string }) => t?.task_id === taskId));
  return taskId;
}

/** The YAML files of a form, as the golden names them (every file it has, without the form folder). */
function yamlFiles(golden: Golden, form: string): string[] {
  return Object.keys(golden)
    .filter((k) => k.startsWith(`${form}/`))
    .map((k) => k.slice(form.length + 1));
}

describe('import dag-factory: AWS operators as typed kinds keep what dag-factory passes them @airflow', function () {
  this.timeout(300_000);
  const CASE = join(ROOT, 'test', 'fixtures-import', 'good-aws-operators');
  let scratch = '';
  let theirs: DumpTask[] = [];
  let ours: DumpTask[] = [];
  let loadErrors: string[] = [];
  let passed: Record<string, string[]> = {};

  before(async () => {
    scratch = makeTemp('import-aws');
    cpSync(CASE, scratch, { recursive: true });
    writeFileSync(join(scratch, 'dagsmith.config.yaml'), 'pipelines: pipelines\n');
    const venv = venvPython('mwaa-serverless');
    const f = await runProcess(venv, [join(HARNESS, 'dagfactory_dump.py'), '--root', join(scratch, 'dags'), join(scratch, 'dags', 'aws.yml')], {
      timeoutMs: 200_000,
    });
    const fd = parseHarnessJson<{ files: { import_errors: string[]; dags: Record<string, { tasks: (DumpTask & { init_kwargs: string[] })[] }> }[] }>(
      'dagfactory_dump.py',
      f,
    );
    loadErrors = fd.files[0]!.import_errors;
    const dfTasks = fd.files[0]!.dags.aws_ingest!.tasks;
    theirs = dfTasks;
    passed = Object.fromEntries(dfTasks.map((t) => [t.task_id, t.init_kwargs]));
    const r = importDagFactory({ cwd: scratch, files: ['dags/aws.yml'], today: '2026-02-01' });
    expect(r.written).to.equal(true);
    const built = buildProject({ cwd: scratch, airflow: '3.0.6' });
    expect(built.diagnostics.filter((d) => d.severity === 'error')).to.deep.equal([]);
    mkdirSync(join(scratch, 'out'));
    for (const p of built.pipelines) writeFileSync(join(scratch, 'out', `${p.ir.id}.py`), p.content);
    const b = await runProcess(venv, [join(HARNESS, 'dagbag_dump.py'), join(scratch, 'out')], { timeoutMs: 200_000 });
    const bd = parseHarnessJson<{ import_errors: Record<string, string>; dags: Record<string, { tasks: DumpTask[] }> }>('dagbag_dump.py', b);
    loadErrors.push(...Object.values(bd.import_errors));
    ours = bd.dags.aws_ingest?.tasks ?? [];
  });

  after(() => removeTemp(scratch));

  it('has the same tasks, operators and dependencies, and every argument dag-factory passed with its value', () => {
    expect(loadErrors).to.deep.equal([]);
    expect(ours.map((t) => t.task_id).sort()).to.deep.equal(theirs.map((t) => t.task_id).sort());
    const problems: string[] = [];
    for (const t of theirs) {
      const o = ours.find((x) => x.task_id === t.task_id)!;
      if (`${o.operator_module}.${o.operator_class}` !== `${t.operator_module}.${t.operator_class}`)
        problems.push(`${t.task_id}: operator ${o.operator_class} != ${t.operator_class}`);
      if (JSON.stringify([...o.upstream].sort()) !== JSON.stringify([...t.upstream].sort()))
        problems.push(`${t.task_id}: upstream ${JSON.stringify(o.upstream)} != ${JSON.stringify(t.upstream)}`);
      for (const name of passed[t.task_id] ?? []) {
        if (SETTINGS.has(name) || ['task_id', 'dag', 'task_group'].includes(name)) continue;
        if (JSON.stringify(o.fields[name]) !== JSON.stringify(t.fields[name]))
          problems.push(`${t.task_id}.${name}: ${JSON.stringify(o.fields[name])} != ${JSON.stringify(t.fields[name])}`);
      }
      for (const s of ['retries', 'retry_delay', 'trigger_rule', 'owner'] as const) {
        const a = (o as unknown as Record<string, unknown>)[s];
        const b = (t as unknown as Record<string, unknown>)[s];
        if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${t.task_id}.${s}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
      }
    }
    expect(problems).to.deep.equal([]);
    // The typed kinds were used (not the escape hatch) for every operator that has one.
    const spec = readFileSync(join(scratch, 'pipelines', 'aws_ingest.yaml'), 'utf8');
    for (const kind of ['s3.wait', 's3.copy', 'glue.crawler', 'glue.job', 'glue.databrew', 'athena.query', 's3.delete', 'lambda.invoke'])
      expect(spec).to.include(`kind: ${kind}\n`);
  });
});
