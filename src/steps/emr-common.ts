import type { JsonSchema } from '../base/json-schema';
import { dict, list, lit, type PyExpr } from '../base/python-expr';
import { hasJinja } from '../base/values';
import { s3UriError } from '../base/s3-uri';
import { checkAwsName } from './kind-helpers';
import type { StepCheckContext } from './types';

/** What EMR does with the cluster when a step fails. TERMINATE_JOB_FLOW is the deprecated spelling, left out. */
export const ACTIONS_ON_FAILURE = ['CANCEL_AND_WAIT', 'CONTINUE', 'TERMINATE_CLUSTER'] as const;
export type ActionOnFailure = (typeof ACTIONS_ON_FAILURE)[number];

/** EMR's own step runner: `args` is then the command (e.g. spark-submit ...). */
export const COMMAND_RUNNER = 'command-runner.jar';

/** One EMR step as the spec writes it: `{name, jar?, args, actionOnFailure?}` (spec v1), plus `mainClass`. */
export const EMR_STEP_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'One EMR step: a JAR (default command-runner.jar) and its arguments.',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 256, description: 'Step name, shown in the EMR console.' },
    jar: {
      type: 'string',
      minLength: 1,
      description: "JAR to run: an S3 URI or a path on the cluster. Default 'command-runner.jar' (args are then the command, e.g. spark-submit ...).",
    },
    mainClass: { type: 'string', minLength: 1, description: 'Main class of the JAR, when its manifest names none.' },
    args: {
      type: 'array',
      items: { type: 'string' },
      description:
        "Arguments of the JAR; with command-runner.jar, the command: ['spark-submit', '--deploy-mode', 'cluster', 's3://...']. Jinja such as {{ ds }} is rendered by Airflow.",
    },
    actionOnFailure: {
      type: 'string',
      enum: ACTIONS_ON_FAILURE,
      default: 'CANCEL_AND_WAIT',
      description:
        'What EMR does when the step fails: cancel the steps after it (CANCEL_AND_WAIT), go on (CONTINUE) or terminate the cluster (TERMINATE_CLUSTER).',
    },
  },
  required: ['name', 'args'],
  additionalProperties: false,
};

export const EMR_STEPS_SCHEMA = (description: string): JsonSchema => ({
  type: 'array',
  items: EMR_STEP_SCHEMA,
  minItems: 1,
  maxItems: 256,
  description,
});

export interface EmrStepSpec {
  name: string;
  jar?: string;
  mainClass?: string;
  args: string[];
  actionOnFailure?: ActionOnFailure;
}

export interface EmrStepIR {
  readonly name: string;
  readonly jar: string;
  readonly mainClass: string | null;
  readonly args: readonly string[];
  readonly actionOnFailure: ActionOnFailure;
}

export function checkEmrSteps(steps: readonly EmrStepSpec[] | undefined, field: string, ctx: StepCheckContext): void {
  steps?.forEach((s, i) => {
    checkAwsName('emrStepName', s.name, [field, i, 'name'], ctx);
    const jar = s.jar ?? COMMAND_RUNNER;
    if (jar.startsWith('s3://')) {
      const err = s3UriError(jar, { requireKey: true });
      if (err) ctx.report('DS308', [field, i, 'jar'], err);
    }
    if (jar === COMMAND_RUNNER && s.args.length === 0) {
      ctx.report('DS379', [field, i, 'args'], 'command-runner.jar runs the command in args; give it one (e.g. spark-submit ...)');
    }
  });
}

export function normalizeEmrSteps(steps: readonly EmrStepSpec[] | undefined): readonly EmrStepIR[] {
  return (steps ?? []).map((s) => ({
    name: s.name,
    jar: s.jar ?? COMMAND_RUNNER,
    mainClass: s.mainClass ?? null,
    args: s.args,
    actionOnFailure: s.actionOnFailure ?? 'CANCEL_AND_WAIT',
  }));
}

/** The StepConfig list of AddJobFlowSteps / RunJobFlow. */
export function emrStepsExpr(steps: readonly EmrStepIR[]): PyExpr {
  return list(
    steps.map((s) =>
      dict([
        ['Name', lit(s.name)],
        ['ActionOnFailure', lit(s.actionOnFailure)],
        [
          'HadoopJarStep',
          dict([['Jar', lit(s.jar)], ...(s.mainClass !== null ? [['MainClass', lit(s.mainClass)] as const] : []), ['Args', lit(s.args)]]),
        ],
      ]),
    ),
  );
}

/** `emr-7.2.0`: EMR on EC2 and EMR Serverless name their releases this way. */
const RELEASE_LABEL = /^emr-(\d+)\.(\d+)\.(\d+)(?:-[a-z0-9-]+)?$/;

export function parseReleaseLabel(label: string): [number, number, number] | undefined {
  const m = RELEASE_LABEL.exec(label);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** DS370 for a release label that is not `emr-X.Y.Z`. Returns the parsed version when it is one. */
export function checkReleaseLabel(label: string, field: string, ctx: StepCheckContext): [number, number, number] | undefined {
  if (hasJinja(label)) return undefined;
  const v = parseReleaseLabel(label);
  if (!v) ctx.report('DS370', [field], `'${label}' is not an EMR release label (emr-X.Y.Z, e.g. emr-7.2.0)`);
  return v;
}

/** An EMR cluster (job flow) id as the console and APIs show it: `j-` and up to 13 letters and digits. */
export const CLUSTER_ID = /^j-[A-Z0-9]{1,13}$/;
