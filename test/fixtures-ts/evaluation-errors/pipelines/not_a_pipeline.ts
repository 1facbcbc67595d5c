export default { version: 1, id: 'not_a_pipeline', steps: [{ id: 'a', kind: 'glue.job', job: 'a' }] };
