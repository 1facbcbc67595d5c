import type { CodeInfo } from '../code-info';

/**
 * DS800-DS819, import: `dagsmith import dag-factory` reading dag-factory YAML files (src/import/). Positions are in
 * the file read; what is not carried over is also written as a comment in the pipeline it makes. See docs/import.md.
 */
export const IMPORT_CODES = {
  DS800: {
    severity: 'error',
    title: 'not a dag-factory file',
    why: 'The file is not YAML, or not a mapping of DAG names to DAG configurations as dag-factory reads it.',
    fix: 'Import the YAML files dag-factory loads (not its defaults.yml, which is read with them).',
  },
  DS801: {
    severity: 'error',
    title: 'DAG that cannot be imported',
    why: 'The DAG has no id dagsmith takes as a pipeline id, no tasks, or a task without an operator, a task id or a dependency dagsmith can follow.',
    fix: 'Fix the DAG in the dag-factory file (dag-factory would refuse most of these too), then import again.',
  },
  DS802: {
    severity: 'warning',
    title: 'setting not carried over',
    why: 'A pipeline has no field for the setting (a callback, an e-mail setting, a UI setting, ...); it is written as a comment where it was.',
    fix: 'Read the comment; carry the intent over by hand where it matters.',
  },
  DS803: {
    severity: 'warning',
    title: 'Python code replaced by a placeholder task',
    why: 'The task runs a Python callable (PythonOperator, a TaskFlow decorator): a dagsmith pipeline holds data, not code, so the task is written as an EmptyOperator placeholder with the same id and dependencies.',
    fix: 'Replace the placeholder by a step that does the work (a Lambda function, a Glue job, ...).',
  },
  DS804: {
    severity: 'warning',
    title: 'dynamic task mapping not carried over',
    why: 'dagsmith pipelines have no `expand`/`partial`: the task is written once, with its `partial` arguments.',
    fix: 'Write one step per mapped value, or build the steps with a loop in a TypeScript pipeline.',
  },
  DS805: {
    severity: 'warning',
    title: 'task group carried over differently',
    why: 'dagsmith groups are one level deep: a nested group becomes a group of its own (its tasks get other ids), and group settings (tooltips, default_args) are not carried over.',
    fix: 'Check the task ids that other systems use (sensors, alerts); flatten nested groups in the dag-factory file if the ids matter.',
  },
  DS806: {
    severity: 'warning',
    title: 'schedule not carried over',
    why: 'The schedule is data-aware (datasets, assets, conditions) or a timetable object, which dagsmith does not compile yet: the pipeline is imported without a schedule.',
    fix: 'Trigger the pipeline another way, or give it a cron schedule.',
  },
  DS807: {
    severity: 'warning',
    title: 'relative start date replaced by a fixed date',
    why: 'dag-factory computes a start date like `2 days` from the moment it parses the file; a pipeline names a fixed date.',
    fix: 'Set the startDate you mean.',
  },
  DS808: {
    severity: 'warning',
    title: 'environment variable kept as text',
    why: 'dag-factory replaces `$NAME` and `${NAME}` by environment variables when it reads the file; dagsmith keeps the text (`${NAME}` would be a deploy-time variable of dagsmith, so it is written `$${NAME}`).',
    fix: 'Use a deploy-time variable (`${name}` with vars in dagsmith.config.yaml) where the value differs per environment.',
  },
  DS809: {
    severity: 'error',
    title: 'imported pipeline would overwrite a file',
    why: 'import never overwrites: a file of the pipeline\u2019s name is already in the output folder (or something that is not a plain file).',
    fix: 'Move the file away, or import into another folder (`--out`).',
  },
} as const satisfies Record<string, CodeInfo>;
