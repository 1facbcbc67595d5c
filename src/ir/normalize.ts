import { stepKind } from '../steps/index';
import type { PipelineSpec, Step, StepDefaults } from '../spec/types.generated';
import type { NormalizeContext } from '../steps/types';
import { parseDuration, parseLocalDateTime, type SCHEDULE_PRESETS } from '../validate/values';
import {
  BUILTIN_DEFAULTS,
  type Duration,
  type ParamIR,
  type PipelineIR,
  type Schedule,
  type SettingName,
  type Settings,
  type StepIR,
} from './types';

export interface NormalizeInput {
  readonly file: string;
  readonly sha256: string;
  readonly format: 'yaml' | 'ts';
  /** A spec that passed schema and semantic validation, with variables resolved. */
  readonly spec: PipelineSpec;
  readSibling(relPath: string): string;
}

const SETTING_NAMES: readonly SettingName[] = [
  'retries',
  'retryDelay',
  'retryExponentialBackoff',
  'executionTimeout',
  'awsConnId',
  'region',
  'deferrable',
  'pool',
];

/** Spec -> IR: every default resolved, every node tagged with where it came from. Pure. */
export function normalize(input: NormalizeInput): PipelineIR {
  const { spec, file } = input;
  const defaults = applySettings(BUILTIN_DEFAULTS, spec.defaults ?? {});
  const ctx: NormalizeContext = { readSibling: (p) => input.readSibling(p) };
  const groups: string[] = [];
  const steps: StepIR[] = spec.steps.map((step, index) => {
    const kind = stepKind(step.kind);
    if (!kind) throw new Error(`internal error: step kind '${step.kind}' passed validation but is not registered`);
    const overrides = SETTING_NAMES.filter((n) => (step as StepDefaults)[n] !== undefined);
    const group = step.group ?? null;
    if (group !== null && !groups.includes(group)) groups.push(group);
    return {
      id: step.id,
      taskId: group ? `${group}.${step.id}` : step.id,
      kind: step.kind,
      group,
      dependsOn: (step.dependsOn ?? []).map((d) => (typeof d === 'string' ? d : d.id)).filter(unique),
      triggerRule: step.triggerRule ?? 'all_success',
      produces: step.produces ?? [],
      settings: applySettings(defaults, step as StepDefaults),
      overrides,
      fields: kind.normalize(step as Step, ctx),
      origin: { file, path: ['steps', index] },
    };
  });
  return {
    version: 1,
    id: spec.id,
    description: spec.description ?? null,
    owner: spec.owner ?? 'airflow',
    tags: spec.tags ?? [],
    schedule: normalizeSchedule(spec.schedule),
    startDate: spec.startDate === undefined ? null : (parseLocalDateTime(spec.startDate) as Exclude<ReturnType<typeof parseLocalDateTime>, string>),
    timezone: spec.timezone ?? 'UTC',
    catchup: spec.catchup ?? false,
    maxActiveRuns: spec.maxActiveRuns ?? null,
    dagrunTimeout: spec.dagrunTimeout === undefined ? null : duration(spec.dagrunTimeout),
    params: Object.entries(spec.params ?? {}).map(([name, p]): ParamIR => {
      const { default: def, ...schema } = p;
      return { name, default: def ?? null, hasDefault: 'default' in p, schema, origin: { file, path: ['params', name] } };
    }),
    defaults,
    notifications: { onFailure: { sns: spec.notifications?.onFailure?.sns ?? null } },
    groups,
    steps,
    source: { file, sha256: input.sha256, format: input.format },
    origin: { file, path: [] },
  };
}

function applySettings(base: Settings, s: StepDefaults): Settings {
  return {
    retries: s.retries ?? base.retries,
    retryDelay: s.retryDelay !== undefined ? duration(s.retryDelay) : base.retryDelay,
    retryExponentialBackoff: s.retryExponentialBackoff ?? base.retryExponentialBackoff,
    executionTimeout: s.executionTimeout !== undefined ? duration(s.executionTimeout) : base.executionTimeout,
    awsConnId: s.awsConnId ?? base.awsConnId,
    region: s.region ?? base.region,
    deferrable: s.deferrable ?? base.deferrable,
    pool: s.pool ?? base.pool,
  };
}

function normalizeSchedule(s: PipelineSpec['schedule']): Schedule {
  if (s === undefined || s === null) return { type: 'none' };
  if (typeof s === 'string') {
    return s.startsWith('@')
      ? { type: 'preset', preset: s as (typeof SCHEDULE_PRESETS)[number] }
      : { type: 'cron', expression: s.trim().split(/\s+/).join(' ') };
  }
  if ('every' in s) return { type: 'interval', every: duration(s.every) };
  return { type: 'assets', uris: s.assets };
}

function duration(text: string): Duration {
  const d = parseDuration(text);
  if (!d) throw new Error(`internal error: duration '${text}' passed validation but does not parse`);
  return d;
}

function unique<T>(v: T, i: number, all: readonly T[]): boolean {
  return all.indexOf(v) === i;
}
