/**
 * What the MWAA Serverless workflow dialect takes, from the facts dagsmith keeps about it: AWS's validator schema
 * (validator-schema.ts, vendored), the operators' keyword arguments in the Airflow and amazon provider versions the
 * service runs (operator-parameters.generated.ts), and the task limits of AWS's user guide.
 */
import { BASE_OPERATOR_PARAMETERS, OPERATOR_PARAMETERS, READ_FROM } from './operator-parameters.generated';
import { serverlessValidatorSchema } from './validator-schema';

let base: ReadonlySet<string> | undefined;

export { READ_FROM as OPERATOR_PARAMETERS_READ_FROM };

/**
 * The limits AWS's MWAA Serverless user guide gives for tasks ("Apache Airflow Parameter Support",
 * supported-airflow-parameters.html, "Task level parameters that Amazon MWAA Serverless will validate"): retries
 * 0 to 3, retry_delay 0 to 300 seconds, execution_timeout at most 3600 seconds (the default, too).
 */
export const SERVERLESS_TASK_LIMITS = { maxRetries: 3, maxRetryDelaySeconds: 300, maxExecutionTimeoutSeconds: 3600 } as const;

/** An operator as the dialect sees it. */
export type ServerlessOperator =
  | { readonly allowed: false }
  | { readonly allowed: true; readonly importable: false; readonly error: string }
  | { readonly allowed: true; readonly importable: true; readonly takes: (argument: string) => boolean };

/**
 * Whether BaseOperator takes the keyword argument: all an operator is known to take when it is not in the table
 * (outside the allowlist, from a code package).
 */
export function baseOperatorTakes(argument: string): boolean {
  base ??= new Set(BASE_OPERATOR_PARAMETERS.split(' '));
  return base.has(argument);
}

let table: Map<string, { params: ReadonlySet<string> } | { error: string }> | undefined;

/** An operator by dotted path: whether the service allows it, and the keyword arguments it takes there. */
export function serverlessOperator(path: string): ServerlessOperator {
  if (!serverlessValidatorSchema().operators.has(path)) return { allowed: false };
  base ??= new Set(BASE_OPERATOR_PARAMETERS.split(' '));
  table ??= new Map(OPERATOR_PARAMETERS.map((e) => [e[0], e[1] === null ? { error: e[2] } : { params: new Set(e[1] ? e[1].split(' ') : []) }]));
  const info = table.get(path);
  // The table is generated from the same schema; a path missing from it is a stale table (its test says so).
  if (!info) throw new Error(`internal error: ${path} is allowlisted but not in operator-parameters.generated.ts; regenerate it`);
  if ('error' in info) return { allowed: true, importable: false, error: info.error };
  const own = info.params;
  const baseParams = base;
  return { allowed: true, importable: true, takes: (argument) => own.has(argument) || baseParams.has(argument) };
}
