/**
 * The Python of the Airflow 3 scheduling features (src/base/airflow3-features.ts): alias outlets with the hook that
 * records their events, an alias in an asset schedule, and the deadline alert. Validation refused each where the
 * target lacks it (DS397, DS399).
 */
import type { PipelineIR, StepIR } from '../../ir/types';
import type { AirflowTarget } from '../../targets';
import { call, dict, list, lit, name, timedeltaExpr, type PyExpr, type PyKwarg } from '../../base/python-expr';
import { DEADLINE_REFERENCE_MEMBER } from '../../base/airflow3-features';
import type { Imports } from './imports';
import type { PyWriter } from './writer';
import { snsNotifierKwargs } from './notifications';

/** The module-level function that makes a task's post_execute hook (a name no task variable takes: dag.ts). */
export const ALIAS_HOOK = '_dagsmith_alias_events';

/** `DatasetAlias` (airflow.datasets) on Airflow 2, `AssetAlias` (airflow.sdk) on Airflow 3. */
export function aliasClass(target: AirflowTarget, imports: Imports): string {
  return target.major === 3 ? imports.from('airflow.sdk', 'AssetAlias') : imports.from('airflow.datasets', 'DatasetAlias');
}

function assetClass(target: AirflowTarget, imports: Imports): string {
  return target.major === 3 ? imports.from('airflow.sdk', 'Asset') : imports.from('airflow.datasets', 'Dataset');
}

/** The alias outlets of a step's task, and the post_execute hook that records each alias's event when it succeeds. */
export function aliasOutletArgs(step: StepIR, target: AirflowTarget, imports: Imports): { outlets: PyExpr[]; args: PyKwarg[] } {
  if (step.producesAlias.length === 0) return { outlets: [], args: [] };
  const alias = aliasClass(target, imports);
  assetClass(target, imports); // for the hook (writeAliasHook), imported with the task's classes
  const outlets = step.producesAlias.map((o) => call(alias, [lit(o.alias)]));
  const pairs = step.producesAlias.map((o, i) => list([outlets[i]!, lit(o.asset)]));
  return { outlets, args: [['post_execute', call(ALIAS_HOOK, pairs)]] };
}

/**
 * The hook factory, written once into a file whose tasks produce through aliases. The task's outlet_events accessor
 * (the same on every target: `outlet_events[alias].add(asset)`) records an event for the asset the URI template
 * renders to in the task's own context; Airflow turns it into an event of that asset and of the alias.
 */
export function writeAliasHook(w: PyWriter, ir: PipelineIR, target: AirflowTarget, imports: Imports): void {
  if (!ir.steps.some((s) => s.producesAlias.length > 0)) return;
  const asset = assetClass(target, imports);
  // PEP 8: two blank lines around a top-level function (the caller writes one before and after).
  w.line('');
  w.block(`def ${ALIAS_HOOK}(*outlets):`, () => {
    w.line('"""A post_execute hook recording, for each [alias, URI template], an event of the asset the URI renders to."""');
    w.blank();
    w.block('def post_execute(context, result=None):', () => {
      w.block('for alias, uri in outlets:', () => {
        w.line(`context["outlet_events"][alias].add(${asset}(context["task"].render_template(uri, context)))`);
      });
    });
    w.blank();
    w.line('return post_execute');
  });
  w.line('').line('');
}

/**
 * `deadline=DeadlineAlert(reference=DeadlineReference.DAGRUN_QUEUED_AT, interval=timedelta(...),
 * callback=AsyncCallback(SnsNotifier, kwargs={...}))`: the triggerer awaits the notifier (SnsNotifier has an
 * async_notify), as the alerts of the pipeline's onFailure publish.
 */
export function deadlineArg(ir: PipelineIR, imports: Imports): PyExpr | undefined {
  const d = ir.deadline;
  if (!d) return undefined;
  const alert = imports.from('airflow.sdk', 'DeadlineAlert');
  const reference = imports.from('airflow.sdk', 'DeadlineReference');
  const callback = imports.from('airflow.sdk', 'AsyncCallback');
  const notifier = imports.from('airflow.providers.amazon.aws.notifications.sns', 'SnsNotifier');
  const when = d.reference === 'queuedAt' ? 'queued' : 'its logical date';
  const kwargs = snsNotifierKwargs(
    d.sns,
    `Airflow DAG run missed its deadline: ${ir.id}`,
    `A run of DAG ${ir.id} has not finished ${d.interval.text} after ${when}.`,
    ir.defaults.awsConnId,
  );
  return call(
    alert,
    [],
    [
      ['reference', name(`${reference}.${DEADLINE_REFERENCE_MEMBER[d.reference]}`)],
      ['interval', timedeltaExpr(d.interval)],
      ['callback', call(callback, [name(notifier)], [['kwargs', dict(kwargs)]])],
    ],
  );
}
