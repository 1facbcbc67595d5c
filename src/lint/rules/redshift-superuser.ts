import type { StepIR } from '../../ir/types';
import { fieldsOf } from '../../ir/queries';
import { pipelineRule } from '../types';

interface Options {
  /** Database users that are superusers in this project's clusters, besides the usual names. */
  readonly superusers: readonly string[];
}

/** The admin user names Redshift suggests or creates (awsuser is the console's default, rdsdb is internal). */
const SUPERUSERS = ['admin', 'awsuser', 'rdsdb', 'root', 'master', 'masteruser', 'superuser', 'dbadmin'];

function dbUserOf(step: StepIR): string | null {
  return (fieldsOf(step, 'redshift.sql') ?? fieldsOf(step, 'redshift.copy'))?.dbUser ?? null;
}

/**
 * A superuser bypasses every grant: a wrong statement can drop any table (Redshift Management Guide, "Security in
 * Amazon Redshift": use the admin user only to create users; Data Analytics Lens, best practice 5.2 "Implement least privilege policies for source and downstream systems").
 */
export const redshiftSuperuser = pipelineRule<Options>({
  meta: {
    code: 'DS453',
    name: 'redshift-superuser',
    defaultSeverity: 'warning',
    category: 'security',
    securitySeverity: 6,
    description: "A redshift.sql or redshift.copy step connects as the cluster's admin (superuser) database user.",
    options: {
      type: 'object',
      properties: { superusers: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'More superuser names.' } },
      additionalProperties: false,
    },
  },
  defaultOptions: { superusers: [] },
  check(ctx) {
    const names = new Set([...SUPERUSERS, ...ctx.options.superusers.map((n) => n.toLowerCase())]);
    for (const step of ctx.pipeline.steps) {
      const user = dbUserOf(step);
      if (user === null || !names.has(user.toLowerCase())) continue;
      ctx.reportStep(step, ['dbUser'], `step '${step.id}' runs as '${user}', the cluster's superuser: no grant limits what its SQL can change`, {
        hint: 'create a database user for the pipeline with the grants it needs (GRANT ... TO etl_loader)',
      });
    }
  },
});
