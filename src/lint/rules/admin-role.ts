import type { JsonPath } from '../../diagnostics/types';
import type { StepIR } from '../../ir/types';
import { fieldsOf } from '../../ir/queries';
import { pipelineRule } from '../types';

/** Role names that say "can do anything": AWS's own admin roles and what teams call theirs. */
const ADMIN = /(^|[-_./])(admin|administrator|admins|power[-_]?user|full[-_]?access|super[-_]?user|root)([-_./]|$)|OrganizationAccountAccessRole/i;
/** airflow.operator arguments that name a role (role_arn, execution_role_arn, iam_role, job_role, ...). */
const ROLE_ARGUMENT = /(^|_)(role|role_arn|iam_role|role_name)$/i;

function roleName(role: string): string {
  const m = /^arn:[^:]+:iam::[^:]*:(role|instance-profile)\/(.+)$/.exec(role);
  return m ? m[2]! : role;
}

/** Every role a step names, with its field: each kind's role fields, and the escape hatch's role arguments. */
function rolesOf(step: StepIR): { field: JsonPath; role: string }[] {
  const out: { field: JsonPath; role: string }[] = [];
  const glue = fieldsOf(step, 'glue.job') ?? fieldsOf(step, 'glue.crawler');
  if (glue?.role) out.push({ field: ['role'], role: glue.role });
  const copy = fieldsOf(step, 'redshift.copy');
  if (copy) out.push({ field: ['iamRole'], role: copy.iamRole });
  const emrSteps = fieldsOf(step, 'emr.steps');
  if (emrSteps?.executionRole) out.push({ field: ['executionRole'], role: emrSteps.executionRole });
  const serverless = fieldsOf(step, 'emr.serverless');
  if (serverless) out.push({ field: ['executionRole'], role: serverless.executionRole });
  const cluster = fieldsOf(step, 'emr.cluster');
  if (cluster) out.push({ field: ['serviceRole'], role: cluster.serviceRole }, { field: ['jobFlowRole'], role: cluster.jobFlowRole });
  const op = fieldsOf(step, 'airflow.operator');
  for (const [name, value] of op?.arguments ?? []) {
    if (typeof value === 'string' && ROLE_ARGUMENT.test(name)) out.push({ field: ['arguments', name], role: value });
  }
  return out;
}

export const adminRole = pipelineRule({
  meta: {
    code: 'DS406',
    name: 'admin-role',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 7,
    description:
      'A step runs as an IAM role whose name looks administrative (admin, PowerUser, FullAccess, ...) instead of a least-privilege role: Glue, COPY, EMR steps and EMR Serverless execution roles, EMR cluster roles, role arguments of airflow.operator.',
  },
  defaultOptions: {},
  check(ctx) {
    for (const step of ctx.pipeline.steps) {
      for (const { field, role } of rolesOf(step)) {
        const name = roleName(role);
        // CamelCase names (DataPlatformAdmin, AdministratorAccess) are split into words first.
        if (!ADMIN.test(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2'))) continue;
        ctx.reportStep(
          step,
          field,
          `role '${name}' looks administrative; a pipeline step should run as a role scoped to its own buckets, tables and jobs`,
          {
            hint: 'grant least privilege: one role per job with only the actions and resources it uses',
          },
        );
      }
    }
  },
});
