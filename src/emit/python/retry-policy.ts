/**
 * The imports of retry policies (src/base/retry-policy.ts writes the policy itself, as a setting). Validation refused
 * a policy on a target without them (DS235).
 */
import type { PipelineIR } from '../../ir/types';
import { RETRY_EXCEPTIONS, RETRY_POLICY_CLASSES, retryPolicyExceptions } from '../../base/retry-policy';
import type { Imports } from './imports';

/**
 * The names a retry policy is written with, imported right after `DAG` so that each keeps its plain name (a class of
 * an airflow.operator step that has the same name is imported after them, under another).
 */
export function importRetryPolicyNames(ir: PipelineIR, imports: Imports): void {
  const policies = [ir.defaults.retryPolicy, ...ir.steps.map((s) => s.settings.retryPolicy)].filter((p) => p !== null);
  if (policies.length === 0) return;
  for (const cls of RETRY_POLICY_CLASSES) imports.from('airflow.sdk', cls);
  for (const e of new Set(policies.flatMap(retryPolicyExceptions))) imports.from(RETRY_EXCEPTIONS[e].module, e);
}
