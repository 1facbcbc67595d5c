/**
 * `schedule: { assets: ..., orSchedule? }`: the shape of the condition (DS394), each URI as Airflow checks it
 * (DS332), and orSchedule as a time schedule (checked by the caller, as the whole schedule would be).
 */
import { assetAliasNameError, assetUriError } from '../base/asset-condition';
import type { Reporter } from '../diagnostics/reporter';
import type { JsonPath } from '../diagnostics/types';
import { isRecord } from '../util/is-record';

const COMBINATORS = ['allOf', 'anyOf'] as const;

/** DS332 at `path` when Airflow would refuse the asset URI. */
export function checkAssetUri(uri: string, path: JsonPath, r: Reporter): void {
  const err = assetUriError(uri);
  if (err) r.report('DS332', path, err.message, err.hint ? { hint: err.hint } : undefined);
}

export function checkAssetSchedule(s: Record<string, unknown>, r: Reporter, checkTime: (text: string, path: JsonPath) => void): void {
  if ('orSchedule' in s) {
    if (!('assets' in s)) {
      r.report('DS394', ['schedule', 'orSchedule'], "'orSchedule' adds a time schedule to an asset schedule: it needs 'assets'");
    } else if (typeof s.orSchedule === 'string') {
      if (s.orSchedule === '@once') {
        r.report(
          'DS394',
          ['schedule', 'orSchedule'],
          "orSchedule '@once' is not a recurring schedule; use a cron expression or a preset such as '@daily'",
        );
      } else checkTime(s.orSchedule, ['schedule', 'orSchedule']);
    }
  }
  if ('assets' in s) checkCondition(s.assets, ['schedule', 'assets'], r);
}

/** Each node: a URI, a non-empty list (all of), or an object with exactly one of allOf / anyOf (a non-empty list). */
function checkCondition(value: unknown, at: JsonPath, r: Reporter): void {
  const stack: [unknown, JsonPath][] = [[value, at]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      checkAssetUri(v, path, r);
    } else if (Array.isArray(v)) {
      if (v.length === 0) r.report('DS394', path, 'an asset list needs at least one asset (an empty condition never triggers a run)');
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (isRecord(v) && Object.hasOwn(v, 'alias')) {
      checkAliasNode(v, path, r);
    } else if (isRecord(v)) {
      const keys = Object.keys(v);
      const known = keys.filter((k) => (COMBINATORS as readonly string[]).includes(k));
      const other = keys.filter((k) => !(COMBINATORS as readonly string[]).includes(k));
      if (other.length > 0) {
        r.report(
          'DS394',
          [...path, other[0]!],
          `'${other[0]}' is not an asset combination: write { allOf: [...] } (every asset), { anyOf: [...] } (any one) or { alias: name }`,
        );
      } else if (known.length !== 1) {
        r.report('DS394', path, 'an asset combination has exactly one of allOf (every asset) or anyOf (any one)');
      } else {
        const key = known[0]!;
        const items = v[key];
        if (!Array.isArray(items)) r.report('DS394', [...path, key], `${key} takes a list of assets`);
        else stack.push([items, [...path, key]]);
      }
    } else {
      r.report(
        'DS394',
        path,
        `an asset is a URI string, a list, { allOf: [...] }, { anyOf: [...] } or { alias: name }; got ${v === null ? 'null' : typeof v}`,
      );
    }
  }
}

/** `{ alias: name }`: the only key, a name Airflow takes as an alias (DS175). Whether the target has it: DS397. */
function checkAliasNode(v: Record<string, unknown>, path: JsonPath, r: Reporter): void {
  const other = Object.keys(v).find((k) => k !== 'alias');
  if (other !== undefined) {
    r.report('DS394', [...path, other], `an asset alias is written { alias: name } alone; '${other}' has no place beside it`);
  } else if (typeof v.alias !== 'string') {
    r.report('DS394', [...path, 'alias'], 'an asset alias name is a string');
  } else {
    checkAliasName(v.alias, [...path, 'alias'], r);
  }
}

/** DS175 at `path` when Airflow would refuse the alias name. */
export function checkAliasName(name: string, path: JsonPath, r: Reporter): void {
  const err = assetAliasNameError(name);
  if (err) r.report('DS175', path, err);
}
