import { definePipeline, s3, glue } from 'dagsmith';

const day = '{{ ds }}';

export default definePipeline({
  id: 'landing_ts',
  params: { run_mode: { default: 'full', type: 'string' } },
  steps: [
    s3.wait({ id: 'wait', bucket: 'acme-raw', key: `raw/dt=${day}/{{ ds }/_SUCCESS` }),
    glue.job({
      id: 'clean',
      job: 'clean',
      arguments: { '--day': '{{ dss }}', '--mode': "{{ params.run_mod | default('full') }}", '--fmt': '{{ ds | ds_nodas }}' },
    }),
  ],
});
