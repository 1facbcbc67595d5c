import { providerAtLeast, type AirflowTarget } from '../targets';
import type { OnKill } from './types';

/** On every target. */
export const ALWAYS = (): boolean => true;
/** On no target. */
export const NEVER = (): boolean => false;
/** From an amazon provider version on. */
export const fromProvider = (version: string) => {
  // Asked for every step (lint rules, the emitter) of the run's one or two targets: each answered once.
  const answers = new WeakMap<AirflowTarget, boolean>();
  return (target: AirflowTarget): boolean => {
    let answer = answers.get(target);
    if (answer === undefined) answers.set(target, (answer = providerAtLeast(target, version)));
    return answer;
  };
};

/** A kind's OnKill: see StepKindDef.onKill. */
export function onKill(doc: string, onWorker: (t: AirflowTarget) => boolean, whenDeferred: (t: AirflowTarget) => boolean): OnKill {
  return { doc, onWorker, whenDeferred };
}

/** Whether a killed task of this kind would leave its AWS work running on `target`, deferred or not. */
export function keepsRunningWhenKilled(kill: OnKill | undefined, target: AirflowTarget, deferred: boolean): boolean {
  if (!kill) return false;
  return deferred ? !kill.whenDeferred(target) : !kill.onWorker(target);
}
