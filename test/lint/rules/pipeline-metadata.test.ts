import { pipelineDescription } from '../../../src/lint/rules/pipeline-description';
import { pipelineOwner } from '../../../src/lint/rules/pipeline-owner';
import { pipelineTags } from '../../../src/lint/rules/pipeline-tags';
import { ruleTester } from '../rule-tester';

const p = (extra: string) => `version: 1
id: nightly
${extra}steps:
  - id: a
    kind: glue.job
    job: a
`;

ruleTester(pipelineOwner, {
  valid: [{ name: 'owner set', yaml: p('owner: ml-data\n') }],
  invalid: [
    { name: 'no owner', yaml: p(''), errors: [{ line: 2, col: 1, message: "pipeline 'nightly' has no owning team" }] },
    { name: "Airflow's placeholder", yaml: p('owner: airflow\n'), errors: [{ line: 3, col: 8, message: 'placeholder' }] },
  ],
});

ruleTester(pipelineDescription, {
  valid: [{ name: 'description set', yaml: p('description: Nightly customer features\n') }],
  invalid: [
    { name: 'no description', yaml: p(''), errors: [{ line: 2, col: 1, message: "pipeline 'nightly' has no description" }] },
    { name: 'blank description', yaml: p('description: "  "\n'), errors: [{ line: 3, col: 14 }] },
  ],
});

ruleTester(pipelineTags, {
  valid: [{ name: 'tags set', yaml: p('tags: [features]\n') }],
  invalid: [
    { name: 'no tags', yaml: p(''), errors: [{ line: 2, col: 1, message: "pipeline 'nightly' has no tags" }] },
    { name: 'empty list', yaml: p('tags: []\n'), errors: [{ line: 3, col: 7 }] },
  ],
});
