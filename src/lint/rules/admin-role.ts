import type { JsonPath } from '../../diagnostics/types';
import type { StepIR } from '../../ir/types';
import { fieldsOf } from '../../ir/queries';
import { pipelineRule } from '../types';

/** Role names that say "can do anything": AWS's own admin roles and what teams call theirs. */
const ADMIN = /(^|[-_./])(admin|administrator|power[-_]?user|full[-_]?access|super[-_]?user|root)([-_./]|$)|OrganizationAccountAccessRole/i;

function roleName(role: string): string {
  const m = /^arn:[^:]+:iam::\d{12}:role\/(.+)$/.exec(role);
  return m ? m[1]! : role;
}

/** The roles a step names, with their field. */
function rolesOf(step: StepIR): { field: JsonPath; role: string }[] {
  const glue = fieldsOf(step, 'glue.job') ?? fieldsOf(step, 'glue.crawler');
  if (glue?.role) return [{ field: ['role'], role: glue.role }];
  const copy = fieldsOf(step, 'redshift.copy');
  if (copy) return [{ field: ['iamRole'], role: copy.iamRole }];
  return [];
}

export const adminRole = pipelineRule({
  meta: {
    code: 'DS406',
    name: 'admin-role',
    defaultSeverity: 'warning',
    description: 'A step runs as an IAM role whose name looks administrative (admin, PowerUser, FullAccess, ...) instead of a least-privilege role.',
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
