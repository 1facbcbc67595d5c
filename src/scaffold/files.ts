/** What `dagsmith init` writes: project-relative path -> content. */
import { DEFAULT_AIRFLOW } from '../targets';
import { CONFIG_FILE } from '../config/project-config';
import { SCHEMA_PATH, publicSchemaText } from '../schema/validate';
import { PIPELINE_COMPILER_OPTIONS } from '../load/compiler-options';
import { workflowFor, WORKFLOW_PATH, type WorkflowEnvironment } from './workflow';

/** The files init writes that are the user's once written: the config, the examples, the editor settings. */
export function userFiles(): Record<string, string> {
  return {
    [CONFIG_FILE]: CONFIG,
    'pipelines/example_events.yaml': YAML_EXAMPLE,
    'pipelines/example_table_loads.ts': TS_EXAMPLE,
    'pipelines/tsconfig.json': JSON.stringify(PIPELINE_TSCONFIG, null, 2) + '\n',
  };
}

/**
 * The files dagsmith owns, which `init --update` rewrites: the JSON Schema editors complete YAML with, and the
 * workflow, for the config's environments.
 */
export function ownedFiles(environments: readonly WorkflowEnvironment[]): Record<string, string> {
  return { [SCHEMA_PATH]: publicSchemaText(), [WORKFLOW_PATH]: workflowFor(environments) };
}

/** Every file init writes into an empty folder (the owned ones for the scaffolded config's environments). */
export function scaffold(): Record<string, string> {
  return { ...userFiles(), ...ownedFiles(SCAFFOLD_ENVIRONMENTS) };
}

/** The environments of the scaffolded config (test/sdk/init.test.ts checks they are the config's). */
export const SCAFFOLD_ENVIRONMENTS: readonly WorkflowEnvironment[] = [
  { name: 'dev', mwaa: true, region: 'us-east-1' },
  { name: 'prod', mwaa: true, region: 'us-east-1' },
];

/** Editor settings for pipelines/*.ts: the options dagsmith type-checks them with. */
const PIPELINE_TSCONFIG = {
  // dagsmith checks pipelines with these options (see `dagsmith validate`); keep them so the editor agrees.
  compilerOptions: PIPELINE_COMPILER_OPTIONS,
  include: ['**/*.ts'],
};

const CONFIG = `# dagsmith project settings.
pipelines: pipelines          # pipeline files: *.yaml, *.yml, *.ts (names starting with _ are helpers, not pipelines)
outDir: dags-out              # generated DAG files; commit them so reviewers see the diff
airflow: "${DEFAULT_AIRFLOW}"              # the Airflow version to compile for (an MWAA version)
# Deploy-time variables, written \${name} in pipelines. Shared ones (and those of a compile without --env):
vars:
  rawBucket: my-raw-bucket-dev
  lakeBucket: my-lake-bucket-dev
# Variables every environment must set itself, so that none compiles with another's value:
environmentVars: [rawBucket, lakeBucket]
environments:
  dev:
    mwaa: { name: my-mwaa-dev, region: us-east-1 }
    vars: { rawBucket: my-raw-bucket-dev, lakeBucket: my-lake-bucket-dev }
  prod:
    mwaa: { name: my-mwaa-prod, region: us-east-1 }
    vars: { rawBucket: my-raw-bucket-prod, lakeBucket: my-lake-bucket-prod }
`;

const YAML_EXAMPLE = `# yaml-language-server: $schema=../schemas/pipeline.schema.json
# Daily event landing: wait for the producer's marker, register the new partition, clean with Glue.
version: 1
id: example_events
description: Land and clean the daily event export
owner: data-platform
tags: [example]
schedule: "0 3 * * *"
startDate: 2026-01-01
maxActiveRuns: 1
dagrunTimeout: 6h
defaults:
  retries: 2
  retryDelay: 5m
  executionTimeout: 2h
notifications:
  onFailure: { sns: "arn:aws:sns:us-east-1:123456789012:data-platform-alerts" }
steps:
  - id: wait_export
    kind: s3.wait
    bucket: "\${rawBucket}"
    key: "events/dt={{ ds }}/_SUCCESS"
    mode: reschedule
    timeout: 6h
  - id: crawl_events
    kind: glue.crawler
    crawler: raw-events
    deferrable: true      # nothing stops a crawl on kill anyway: let the triggerer wait (lint DS425)
    dependsOn: [wait_export]
  - id: clean_events
    kind: glue.job
    job: clean-events
    arguments: { "--run_date": "{{ ds }}" }
    securityConfiguration: kms-everything
    dependsOn: [crawl_events]
`;

const TS_EXAMPLE = `// A family of per-table loads from one list: adding a table is one line.
// Type-checked by dagsmith before it runs; \`export default\` the pipeline.
import { definePipeline, glue, s3 } from 'dagsmith';

const TABLES = ['customers', 'orders', 'products'];

const loads = TABLES.map((table) => {
  const exported = s3.wait({
    id: \`wait_\${table}\`,
    bucket: '\${rawBucket}', // a deploy-time variable: quotes, not a template literal
    key: \`exports/\${table}/dt={{ ds }}/_SUCCESS\`,
    mode: 'reschedule',
    timeout: '6h',
  });
  const load = glue.job({
    id: \`load_\${table}\`,
    job: 'load-table',
    arguments: { '--table': table, '--run_date': '{{ ds }}' },
    securityConfiguration: 'kms-everything',
    dependsOn: [exported],
  });
  return [exported, load];
});

export default definePipeline({
  id: 'example_table_loads',
  description: 'Load the daily table exports into the lake',
  owner: 'data-platform',
  tags: ['example'],
  schedule: '0 4 * * *',
  startDate: '2026-01-01',
  maxActiveRuns: 1,
  dagrunTimeout: '6h',
  defaults: { retries: 2, retryDelay: '5m', executionTimeout: '2h' },
  notifications: { onFailure: { sns: 'arn:aws:sns:us-east-1:123456789012:data-platform-alerts' } },
  steps: loads.flat(),
});
`;
