/**
 * The benchmark's workload: N realistic ingestion pipelines of 20 steps (S3 sensor, Glue, Athena, S3 copy, Redshift
 * SQL, mixed), written three ways from ONE description so the forms are equivalent:
 *   - a dagsmith project (YAML pipelines) that `dagsmith compile` turns into DAG files;
 *   - dag-factory YAML (one file per DAG) with the loader file dag-factory documents;
 *   - hand-written Airflow DAG files of the same shape, as a data engineer writes them for the target.
 * Deterministic: the same N gives the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STEPS_PER_PIPELINE = 20;
type Kind = 's3.wait' | 'glue.job' | 'athena.query' | 's3.copy' | 'redshift.sql';
const CYCLE: readonly Kind[] = ['s3.wait', 'glue.job', 'athena.query', 's3.copy', 'redshift.sql'];

interface BenchStep {
  readonly id: string;
  readonly kind: Kind;
  readonly dependsOn: readonly string[];
  readonly n: number;
}

interface BenchPipeline {
  readonly id: string;
  readonly schedule: string;
  readonly steps: readonly BenchStep[];
}

export function describePipeline(i: number): BenchPipeline {
  const steps: BenchStep[] = [];
  for (let s = 0; s < STEPS_PER_PIPELINE; s++) {
    const kind = CYCLE[(s + i) % CYCLE.length]!;
    const id = `${kind.replace('.', '_')}_${s}`;
    const deps = s === 0 ? [] : s % 5 === 0 && s >= 3 ? [steps[s - 1]!.id, steps[s - 3]!.id] : [steps[s - 1]!.id];
    steps.push({ id, kind, dependsOn: deps, n: s });
  }
  return { id: `ingest_${String(i).padStart(5, '0')}`, schedule: `${i % 60} ${i % 24} * * *`, steps };
}

// ------------------------------------------------------------------------------------------------ dagsmith YAML

function dagsmithStep(p: BenchPipeline, s: BenchStep): string {
  const head = `  - id: ${s.id}\n    kind: ${s.kind}\n${s.dependsOn.length ? `    dependsOn: [${s.dependsOn.join(', ')}]\n` : ''}`;
  switch (s.kind) {
    case 's3.wait':
      return `${head}    bucket: "\${rawBucket}"\n    key: "${p.id}/${s.n}/{{ ds }}/_SUCCESS"\n    mode: reschedule\n    timeout: 6h\n`;
    case 'glue.job':
      return `${head}    job: ${p.id}-etl-${s.n}\n    arguments: { "--run_date": "{{ ds }}", "--table": "t${s.n}" }\n    workerType: G.1X\n    numberOfWorkers: 10\n`;
    case 'athena.query':
      return `${head}    database: features\n    query: "INSERT INTO f_${s.n} SELECT * FROM raw_${s.n} WHERE dt = '{{ ds }}'"\n    outputLocation: "s3://\${featureBucket}/athena/${p.id}/"\n    workgroup: ml\n`;
    case 's3.copy':
      return `${head}    from: "s3://\${rawBucket}/${p.id}/${s.n}/{{ ds }}/data.parquet"\n    to: "s3://\${archiveBucket}/${p.id}/${s.n}/{{ ds }}/data.parquet"\n`;
    case 'redshift.sql':
      return `${head}    sql: "DELETE FROM ml.t_${s.n} WHERE dt = '{{ ds }}'"\n    database: analytics\n    workgroup: ml-serverless\n`;
  }
}

export function dagsmithYaml(p: BenchPipeline): string {
  return (
    `version: 1\nid: ${p.id}\ndescription: Ingestion benchmark pipeline\nowner: ml-data\ntags: [bench]\n` +
    `schedule: "${p.schedule}"\nstartDate: 2026-01-01\ncatchup: false\ndagrunTimeout: 6h\n` +
    `defaults: { retries: 2, retryDelay: 5m, executionTimeout: 2h }\nsteps:\n` +
    p.steps.map((s) => dagsmithStep(p, s)).join('')
  );
}

// --------------------------------------------------------------------------------- the same DAG as plain kwargs

const VARS = { rawBucket: 'acme-raw-bench', featureBucket: 'acme-features-bench', archiveBucket: 'acme-archive-bench' };

/** Operator dotted path and keyword arguments of a step, as a person writes them (values are JSON-compatible). */
function operatorOf(p: BenchPipeline, s: BenchStep): { path: string; kwargs: Record<string, unknown> } {
  const base = 'airflow.providers.amazon.aws';
  switch (s.kind) {
    case 's3.wait':
      return {
        path: `${base}.sensors.s3.S3KeySensor`,
        kwargs: { bucket_name: VARS.rawBucket, bucket_key: `${p.id}/${s.n}/{{ ds }}/_SUCCESS`, mode: 'reschedule', timeout: 21600 },
      };
    case 'glue.job':
      return {
        path: `${base}.operators.glue.GlueJobOperator`,
        kwargs: {
          job_name: `${p.id}-etl-${s.n}`,
          script_args: { '--run_date': '{{ ds }}', '--table': `t${s.n}` },
          run_job_kwargs: { WorkerType: 'G.1X', NumberOfWorkers: 10 },
          create_job_kwargs: { WorkerType: 'G.1X', NumberOfWorkers: 10 },
        },
      };
    case 'athena.query':
      return {
        path: `${base}.operators.athena.AthenaOperator`,
        kwargs: {
          query: `INSERT INTO f_${s.n} SELECT * FROM raw_${s.n} WHERE dt = '{{ ds }}'`,
          database: 'features',
          output_location: `s3://${VARS.featureBucket}/athena/${p.id}/`,
          workgroup: 'ml',
        },
      };
    case 's3.copy':
      return {
        path: `${base}.operators.s3.S3CopyObjectOperator`,
        kwargs: {
          source_bucket_name: VARS.rawBucket,
          source_bucket_key: `${p.id}/${s.n}/{{ ds }}/data.parquet`,
          dest_bucket_name: VARS.archiveBucket,
          dest_bucket_key: `${p.id}/${s.n}/{{ ds }}/data.parquet`,
        },
      };
    case 'redshift.sql':
      return {
        path: `${base}.operators.redshift_data.RedshiftDataOperator`,
        kwargs: { sql: `DELETE FROM ml.t_${s.n} WHERE dt = '{{ ds }}'`, database: 'analytics', workgroup_name: 'ml-serverless' },
      };
  }
}

/** dag-factory 1.x YAML for one DAG (its documented format: default_args, schedule, tasks with dependencies, timedeltas as `__type__`). */
export function dagFactoryYaml(p: BenchPipeline): string {
  const lines = [
    `${p.id}:`,
    '  default_args:',
    '    owner: ml-data',
    '    start_date: 2026-01-01',
    '    retries: 2',
    '    retry_delay: { __type__: datetime.timedelta, minutes: 5 }',
    '    execution_timeout: { __type__: datetime.timedelta, hours: 2 }',
    `  schedule: "${p.schedule}"`,
    '  catchup: false',
    '  description: Ingestion benchmark pipeline',
    '  dagrun_timeout: { __type__: datetime.timedelta, hours: 6 }',
    '  tags: [bench]',
    '  tasks:',
  ];
  for (const s of p.steps) {
    const op = operatorOf(p, s);
    lines.push(`    ${s.id}:`, `      operator: ${op.path}`);
    for (const [k, v] of Object.entries(op.kwargs)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
    if (s.dependsOn.length) lines.push(`      dependencies: [${s.dependsOn.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** The one loader file dag-factory needs in the DAG folder (the words "airflow" and "dag" let DagBag read it). */
export const DAG_FACTORY_LOADER = `# airflow DAG loader for dag-factory YAML files
import os

from dagfactory import load_yaml_dags

load_yaml_dags(globals_dict=globals(), dags_folder=os.path.dirname(os.path.abspath(__file__)))
`;

const py = (v: unknown): string =>
  typeof v === 'object' && v !== null
    ? `{${Object.entries(v)
        .map(([k, x]) => `${JSON.stringify(k)}: ${py(x)}`)
        .join(', ')}}`
    : JSON.stringify(v);

/** A hand-written DAG file of the same shape, in the idiom of the target's Airflow major version. */
export function handWrittenDag(p: BenchPipeline, airflowMajor: 2 | 3): string {
  const imports = new Map<string, Set<string>>();
  const tasks = p.steps.map((s) => {
    const op = operatorOf(p, s);
    const dot = op.path.lastIndexOf('.');
    const mod = op.path.slice(0, dot);
    const cls = op.path.slice(dot + 1);
    if (!imports.has(mod)) imports.set(mod, new Set());
    imports.get(mod)!.add(cls);
    const args = Object.entries(op.kwargs)
      .map(([k, v]) => `        ${k}=${py(v)},`)
      .join('\n');
    return `    ${s.id} = ${cls}(\n        task_id="${s.id}",\n${args}\n    )`;
  });
  const edges = p.steps.flatMap((s) => s.dependsOn.map((d) => `    ${d} >> ${s.id}`));
  const dagImport = airflowMajor === 3 ? 'from airflow.sdk import DAG' : 'from airflow import DAG';
  return [
    `"""${p.id}: hand-written equivalent of the benchmark pipeline."""`,
    'from datetime import timedelta',
    '',
    'import pendulum',
    dagImport,
    ...(airflowMajor === 3 ? ['from airflow.timetables.interval import CronDataIntervalTimetable'] : []),
    ...[...imports].sort().map(([m, cs]) => `from ${m} import ${[...cs].sort().join(', ')}`),
    '',
    'with DAG(',
    `    dag_id="${p.id}",`,
    '    description="Ingestion benchmark pipeline",',
    // Airflow 3 reads a cron string as a CronTriggerTimetable (no data interval); the pipeline's schedule keeps
    // Airflow 2's data intervals, which dagsmith writes as CronDataIntervalTimetable: so does the same DAG by hand.
    airflowMajor === 3 ? `    schedule=CronDataIntervalTimetable("${p.schedule}", timezone="UTC"),` : `    schedule="${p.schedule}",`,
    '    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),',
    '    catchup=False,',
    '    dagrun_timeout=timedelta(hours=6),',
    '    tags=["bench"],',
    '    default_args={"owner": "ml-data", "retries": 2, "retry_delay": timedelta(minutes=5), "execution_timeout": timedelta(hours=2)},',
    ') as dag:',
    ...tasks,
    '',
    ...edges,
    '',
  ].join('\n');
}

/** Writes a dagsmith project with `n` pipelines into `dir`; returns the pipeline descriptions. */
export function writeDagsmithProject(dir: string, n: number): BenchPipeline[] {
  mkdirSync(join(dir, 'pipelines'), { recursive: true });
  writeFileSync(
    join(dir, 'dagsmith.config.yaml'),
    `pipelines: pipelines\noutDir: dags-out\nairflow: "2.10.3"\nvars:\n${Object.entries(VARS)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`,
  );
  const all: BenchPipeline[] = [];
  for (let i = 0; i < n; i++) {
    const p = describePipeline(i);
    all.push(p);
    writeFileSync(join(dir, 'pipelines', `${p.id}.yaml`), dagsmithYaml(p));
  }
  return all;
}
