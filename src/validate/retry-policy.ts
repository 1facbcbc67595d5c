/**
 * `retryPolicy` in `defaults` and on steps (src/base/retry-policy.ts): on a target without retry policies (DS235,
 * naming the first target that has them); on a task that is never retried (DS236); a fail rule with a retryDelay
 * (DS237); an exception an earlier rule already matches (DS238); a policy that never retries (DS239); and each rule's
 * retryDelay as a duration (DS306). The schema has checked the shape and the exception names (an allow-list).
 */
import { pathStartsWith } from '../util/json-path';
import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import type { AirflowTarget } from '../targets';
import { isRecord } from '../util/is-record';
import { durationError } from '../base/durations';
import { firstTargetWith, targetHas } from '../base/airflow3-features';
import { RETRY_EXCEPTION_NAMES, RETRY_EXCEPTIONS, type RetryExceptionName } from '../base/retry-policy';

type Obj = Record<string, unknown>;

export interface RetryPolicyCheckContext {
  readonly reporter: Reporter;
  readonly target: AirflowTarget;
  /** Paths already reported (schema errors, unresolved variables): a policy holding one is not checked again. */
  readonly skip: readonly JsonPath[];
}

export function checkRetryPolicies(data: Obj, ctx: RetryPolicyCheckContext): void {
  const defaults = isRecord(data.defaults) ? data.defaults : {};
  const steps = (Array.isArray(data.steps) ? data.steps : []).filter(isRecord);
  const retriesOf = (step: Obj): number | undefined => {
    const v = step.retries !== undefined ? step.retries : (defaults.retries ?? 0);
    return typeof v === 'number' ? v : undefined;
  };
  const where = (path: JsonPath) => (ctx.skip.some((p) => pathStartsWith(p, path)) ? undefined : path);

  if (defaults.retryPolicy !== undefined) {
    const path = where(['defaults', 'retryPolicy']);
    // The steps that take the policy from defaults: are any of them retried?
    const heirs = steps.filter((s) => s.retryPolicy === undefined);
    const retried = heirs.length === 0 || heirs.some((s) => retriesOf(s) !== 0);
    if (path && isRecord(defaults.retryPolicy)) {
      checkPolicy(defaults.retryPolicy, path, ctx, retried ? undefined : 'no step that takes it from defaults is retried (retries: 0)');
    }
  }
  (Array.isArray(data.steps) ? data.steps : []).forEach((step, index) => {
    if (!isRecord(step) || step.retryPolicy === undefined) return;
    const path = where(['steps', index, 'retryPolicy']);
    if (!path || !isRecord(step.retryPolicy)) return;
    const id = typeof step.id === 'string' ? ` '${step.id}'` : '';
    checkPolicy(step.retryPolicy, path, ctx, retriesOf(step) === 0 ? `step${id} has retries: 0` : undefined);
  });
}

/** One policy; `neverRetried` says why its tasks are never retried, when they are not. */
function checkPolicy(policy: Obj, base: JsonPath, ctx: RetryPolicyCheckContext, neverRetried: string | undefined): void {
  const r = ctx.reporter;
  if (!targetHas(ctx.target, 'retryPolicy')) {
    const first = firstTargetWith('retryPolicy');
    r.report(
      'DS235',
      base,
      `retry policies need Airflow ${first} or later: ${ctx.target.label} has none (BaseOperator's retry_policy came with Airflow 3.3)`,
      { at: 'key', hint: `compile for Airflow ${first}, or drop retryPolicy and tune retries and retryDelay` },
    );
  }
  if (neverRetried) {
    r.report('DS236', base, `a retry policy chooses between retrying and failing, but ${neverRetried}: every error fails the task either way`, {
      at: 'key',
      hint: 'set retries (on the step or in defaults), or drop the retryPolicy',
    });
  }
  const rules = Array.isArray(policy.rules) ? policy.rules : [];
  // Each exception an earlier rule matches, with that rule's number (1-based, as a reader counts).
  const matched = new Map<RetryExceptionName, number>();
  rules.forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const at = (...p: (string | number)[]): JsonPath => [...base, 'rules', i, ...p];
    if (typeof rule.retryDelay === 'string') {
      const err = durationError('retryDelay', rule.retryDelay, { allowZero: true });
      if (err) r.report('DS306', at('retryDelay'), err.message, err.hint ? { hint: err.hint } : {});
      if (rule.action === 'fail') {
        r.report('DS237', at('retryDelay'), `rule ${i + 1} fails the task, so its retryDelay never applies`, {
          at: 'key',
          hint: "drop retryDelay, or make the rule 'action: retry'",
        });
      }
    }
    const names = (typeof rule.exception === 'string' ? [rule.exception] : Array.isArray(rule.exception) ? rule.exception : []).filter(isName);
    const listed = Array.isArray(rule.exception);
    names.forEach((name, j) => {
      const by = shadowOf(name, matched);
      if (by) {
        const [earlier, rulesNo] = by;
        r.report(
          'DS238',
          listed ? at('exception', j) : at('exception'),
          earlier === name
            ? `${name} is already matched by rule ${rulesNo}, so rule ${i + 1} never sees it`
            : `${name} is a subclass of ${earlier}, which rule ${rulesNo} matches, so rule ${i + 1} never sees it`,
          { hint: 'the first matching rule decides: put the narrower rule first, or drop the exception here' },
        );
      }
    });
    for (const name of names) if (!matched.has(name)) matched.set(name, i + 1);
  });
  const allFail = rules.length > 0 && rules.every((rule) => isRecord(rule) && rule.action === 'fail');
  if (allFail && policy.default === 'fail' && !neverRetried) {
    r.report('DS239', [...base, 'default'], 'every rule fails and so does the default: this policy never retries, so retries are never used', {
      at: 'key',
      hint: 'give the errors that may pass a retry rule, or set retries: 0 and drop the policy',
    });
  }
}

function isName(v: unknown): v is RetryExceptionName {
  return typeof v === 'string' && (RETRY_EXCEPTION_NAMES as readonly string[]).includes(v);
}

/** The earlier-matched exception (itself or an allow-listed superclass) that catches `name`, with its rule number. */
function shadowOf(name: RetryExceptionName, matched: ReadonlyMap<RetryExceptionName, number>): [RetryExceptionName, number] | undefined {
  for (const candidate of [name, ...RETRY_EXCEPTIONS[name].parents]) {
    const rule = matched.get(candidate);
    if (rule !== undefined) return [candidate, rule];
  }
  return undefined;
}
