/**
 * The Airflow 3 scheduling features, per target (src/base/airflow3-features.ts says what each target has):
 * - a step's `producesAlias`: each alias name as Airflow takes it (DS175), each asset URI as Airflow checks it once
 *   rendered (DS332, Jinja read as any text), an alias named twice in one step (DS177);
 * - `schedule: { assets: ... { alias: name } }` on a target that cannot schedule on an alias (DS397);
 * - `deadline`: on a target without deadline alerts (DS399), without a topic to alert (DS176), its interval (DS306)
 *   and topic (DS309).
 */
import { isRecord } from '../util/is-record';
import type { JsonPath } from '../diagnostics/types';
import type { Reporter } from '../diagnostics/reporter';
import type { AirflowTarget } from '../targets';
import { arnError } from '../base/values';
import { durationError } from '../base/durations';
import { assetAliasNameError, assetUriError } from '../base/asset-condition';
import { firstTargetWith, targetHas, withoutJinja } from '../base/airflow3-features';
import { checkAliasName } from './asset-schedule';

type Obj = Record<string, unknown>;

export function checkAirflow3Features(data: Obj, target: AirflowTarget, r: Reporter): void {
  if (Array.isArray(data.steps)) {
    data.steps.forEach((step, i) => {
      if (isRecord(step) && Array.isArray(step.producesAlias)) checkAliasOutlets(step.producesAlias, ['steps', i, 'producesAlias'], r);
    });
  }
  if (isRecord(data.schedule) && 'assets' in data.schedule) checkAliasSchedule(data.schedule.assets, target, r);
  if (isRecord(data.deadline)) checkDeadline(data.deadline, data.notifications, target, r);
}

/** Every MWAA target has alias outlets (DatasetAlias from 2.10.0): only the entries are checked. */
function checkAliasOutlets(entries: unknown[], base: JsonPath, r: Reporter): void {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    if (!isRecord(e)) return;
    if (typeof e.alias === 'string') {
      checkAliasName(e.alias, [...base, i, 'alias'], r);
      const first = seen.get(e.alias);
      if (first !== undefined) {
        r.report(
          'DS177',
          [...base, i, 'alias'],
          `alias '${e.alias}' is already an outlet of this step (entry ${first + 1}); a task records one asset per alias entry, so give each alias once`,
          { hint: 'list more assets of one run under separate aliases, or under produces' },
        );
      } else seen.set(e.alias, i);
    }
    // Jinja renders when the task runs: the URI is checked with each template block read as plain text.
    if (typeof e.asset === 'string') {
      const plain = withoutJinja(e.asset);
      const err = assetUriError(plain);
      if (err)
        r.report(
          'DS332',
          [...base, i, 'asset'],
          plain === e.asset ? err.message : `${err.message.split(plain).join(e.asset)} (its Jinja read as any text)`,
          err.hint ? { hint: err.hint } : {},
        );
    }
  });
}

function checkAliasSchedule(assets: unknown, target: AirflowTarget, r: Reporter): void {
  if (targetHas(target, 'aliasSchedule')) return;
  // The first `{ alias }` node, with its path (the shape itself is DS394's).
  const stack: [unknown, JsonPath][] = [[assets, ['schedule', 'assets']]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    else if (isRecord(v) && Object.hasOwn(v, 'alias')) {
      // A malformed alias node is DS394's or DS175's; the first well-formed one is refused here.
      if (Object.keys(v).length !== 1 || typeof v.alias !== 'string' || assetAliasNameError(v.alias)) continue;
      const name = v.alias;
      r.report(
        'DS397',
        [...path, 'alias'],
        `scheduling on asset alias '${name}' needs Airflow ${firstTargetWith('aliasSchedule')} or later; ${target.label} expands an alias in a schedule to the datasets it resolved to with a metadata-database query while the DAG file is parsed`,
        { hint: 'schedule on the asset URIs themselves on Airflow 2, or compile for Airflow 3' },
      );
      return;
    } else if (isRecord(v)) {
      for (const key of ['anyOf', 'allOf']) if (Object.hasOwn(v, key)) stack.push([v[key], [...path, key]]);
    }
  }
}

function checkDeadline(d: Obj, notifications: unknown, target: AirflowTarget, r: Reporter): void {
  if (!targetHas(target, 'deadline')) {
    const why =
      target.major === 2
        ? "Airflow 2's SLAs are no equivalent: they are per task, measured from the end of the data interval and never checked for manual or asset-triggered runs"
        : `${target.label} has no deadline alerts and no longer runs SLA callbacks`;
    r.report('DS399', ['deadline'], `deadline alerts need Airflow ${firstTargetWith('deadline')} or later (${why})`, {
      at: 'key',
      hint: `compile for Airflow ${firstTargetWith('deadline')}; or set dagrunTimeout, whose failed run fires the onFailure alert`,
    });
  }
  if (typeof d.interval === 'string') {
    const err = durationError('deadline interval', d.interval);
    if (err) r.report('DS306', ['deadline', 'interval'], err.message, err.hint ? { hint: err.hint } : {});
  }
  if (typeof d.sns === 'string') {
    const err = arnError(d.sns, 'sns-topic');
    if (err) r.report('DS309', ['deadline', 'sns'], err);
  } else if (d.sns === undefined) {
    const onFailure = isRecord(notifications) && isRecord(notifications.onFailure) ? notifications.onFailure.sns : undefined;
    if (typeof onFailure !== 'string') {
      r.report('DS176', ['deadline'], 'a deadline needs a topic to alert: give it sns, or set notifications.onFailure (which it then uses)', {
        at: 'key',
      });
    }
  }
}
