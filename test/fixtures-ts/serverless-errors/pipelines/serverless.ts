import { airflow, definePipeline, glue, s3 } from 'dagsmith';

// One landing step per source, in a task group each (flattened on MWAA Serverless: a warning per group).
const sources = ['orders', 'customers'];
const landings = sources.map((source) =>
  s3.wait({ id: `wait_${source}`, group: source, bucket: 'acme-raw', key: `${source}/{{ ds }}/_SUCCESS` }),
);

export default definePipeline({
  id: 'serverless_ts',
  schedule: '0 3 * * *',
  startDate: '2026-01-01',
  timezone: 'Europe/Paris',
  tags: ['ts'],
  defaults: { retries: 2, executionTimeout: '90m' },
  steps: [
    ...landings,
    glue.job({ id: 'clean', job: 'clean', retryDelay: '1m', dependsOn: landings }),
    airflow.operator({
      id: 'shell',
      operator: 'airflow.providers.standard.operators.bash.BashOperator',
      arguments: { bash_command: 'echo done' },
      dependsOn: ['clean'],
    }),
  ],
});
