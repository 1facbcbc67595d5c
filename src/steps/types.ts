import type { JsonPath } from '../diagnostics/types';
import type { Code } from '../diagnostics/codes';
import type { ReportOptions } from '../diagnostics/reporter';
import type { JsonSchema } from '../base/json-schema';
import type { StepIRBase } from '../base/ir-base';
import type { PyKwarg } from '../base/python-expr';
import type { ItemArg, ListRead } from '../base/for-each';
import type { StepKindMap } from '../spec/types.generated';
import type { Resolved } from '../spec/scalars';
import type { AirflowTarget } from '../targets';

/** The kinds the generated spec types know (src/spec/types.generated.ts, from the registry by `npm run gen`). */
export type SpecKindName = keyof StepKindMap;

/** What a step kind's checks may use. Paths are relative to the step. */
export interface StepCheckContext {
  /** The Airflow version (and its amazon provider) the pipeline is checked for. */
  readonly target: AirflowTarget;
  report(code: Code, path: JsonPath, message: string, opts?: ReportOptions): void;
  /** Reads a file named relative to the pipeline file; undefined when it does not exist. */
  readSibling(relPath: string): string | undefined;
  /** The pipeline's steps as written (ids, kinds, direct dependencies), for checks that refer to other steps. */
  steps(): readonly StepSummary[];
}

/** A step of the pipeline being checked, as written. */
export interface StepSummary {
  readonly id: string;
  readonly kind: string;
  readonly dependsOn: readonly string[];
  readonly group: string | null;
  /** As written; null when unset (all_success). */
  readonly triggerRule: string | null;
}

export interface NormalizeContext {
  /** Reads a file named relative to the pipeline file (checked to exist by then). */
  readSibling(relPath: string): string;
}

export interface EmitContext {
  /** Kinds whose operator arguments differ between provider versions read it (their check vetted the step). */
  readonly target: AirflowTarget;
  /** The Airflow task id of a step of the pipeline (`group.id` in a task group), for XCom references to it. */
  taskIdOf(stepId: string): string;
}

/**
 * A task a kind adds to its step's own: a sensor right after it (`after`: the step's downstream steps then depend
 * on it), or a teardown (Airflow setup/teardown: it runs when every other task is done, failed or not, as long as
 * the step's task succeeded; its failure does not fail the DAG run). Its task id is the step's id + `suffix`; it
 * gets the step's settings (and, `after`, its outlets).
 */
export interface ExtraTask {
  readonly suffix: string;
  readonly placement: 'after' | 'teardown';
  readonly airflowClass: AirflowClass;
  readonly kwargs: readonly PyKwarg[];
}

/** The Airflow operator or sensor class a kind compiles to: `from module import name`. */
export interface AirflowClass {
  readonly module: string;
  readonly name: string;
}

/**
 * Everything dagsmith knows about one step kind: one file per kind under src/steps/, made with `defineStepKind`.
 * `Step` (the spec type, generated from `properties`) and `Fields` (the kind's IR) type every function end to end.
 */
export interface StepKindDef<K extends SpecKindName, Fields> {
  /** e.g. 'glue.job' */
  readonly kind: K;
  /** One line, shown in the schema, the SDK's hover text and the docs. */
  readonly description: string;
  /** The choices dagsmith makes where the spec is open; the kind's row in docs/step-kinds.md (Markdown). */
  readonly notes: string;
  /**
   * The class the kind emits: one class, or (when it depends on the target or the step) every class it may emit
   * and how it chooses.
   */
  readonly airflowClass: AirflowClass | AirflowClassChoice<Fields>;
  /** JSON Schema of the kind's own fields (the common step fields are added by the schema assembler). */
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required: readonly (keyof StepKindMap[K] & string)[];
  /** Fields that name a file next to the pipeline whose text is inlined into the DAG (so it is a template too). */
  readonly fileFields?: readonly (keyof StepKindMap[K] & string)[];
  /** Whether the operator takes `deferrable` (then `deferrable` from defaults/overrides applies to it). */
  readonly supportsDeferrable: boolean;
  /**
   * What becomes of the AWS work the step started when Airflow kills its task (executionTimeout, marked failed,
   * cleared). Absent: the task's call is the whole of the work, nothing keeps running. Shown in docs/step-kinds.md;
   * lint judges `deferrable` by it (DS425, DS443).
   */
  readonly onKill?: OnKill;
  /**
   * Whether the operator takes `region_name` on this target (default: yes). Some operators of older provider
   * versions do not; a region set on such a step is reported by validation instead of being dropped.
   */
  takesRegion?(target: AirflowTarget): boolean;
  /**
   * Kind-specific checks of a step that passed the schema, with variables resolved, for `ctx.target`: also what is
   * valid spec but not possible on that target (a provider version lacks a parameter: a diagnostic at the field).
   */
  check?(step: Resolved<StepKindMap[K]>, ctx: StepCheckContext): void;
  /** The kind's fields for the IR, every default resolved (test/steps/defaults.test.ts checks them against the schema). */
  normalize(step: Resolved<StepKindMap[K]>, ctx: NormalizeContext): Fields;
  /**
   * The operator's keyword arguments for the IR step. task_id, the settings the step overrides, trigger rule and
   * outlets are added by the DAG emitter. Never reports: what the target cannot do was refused by checkTarget.
   */
  emit(fields: Fields, step: StepIRBase, ctx: EmitContext): readonly PyKwarg[];
  /**
   * How the step's output (its task's XCom value) gives a list of strings a `forEach` can fan out over. Absent: it
   * gives none (a `forEach` over it is refused, DS224).
   */
  readonly listOutput?: ListOutput;
  /**
   * The fields a `forEach` may fill with the items of a list (Airflow dynamic task mapping), and the operator
   * arguments an item then gives each task. Absent: the kind cannot fan out (DS225), e.g. because it compiles to
   * more than one task.
   */
  readonly fanOut?: FanOut<Fields>;
  /** Tasks the kind adds around the step's own task (at most one of each placement). */
  extraTasks?(fields: Fields, step: StepIRBase, ctx: EmitContext): readonly ExtraTask[];
}

/** How a kind's output is a list for `forEach.items` (docs/step-kinds.md, "Runtime fan-out"). */
export interface ListOutput {
  /** How the list is read from the task's output (src/base/for-each.ts). */
  readonly read: Exclude<ListRead, 'param'>;
  /** What the items are, for docs and messages (Markdown), e.g. 'the keys it listed'. */
  readonly items: string;
  /** Why a step of the kind, as written, gives no list (DS230), e.g. a Lambda invoked without waiting for its result. */
  noList?(step: Readonly<Record<string, unknown>>): string | undefined;
}

/** A kind's mappable fields (`forEach.field` / `forEach.fields` name them). */
export interface FanOut<Fields> {
  /** Field name -> what an item filling it is (for docs and messages). */
  readonly fields: Readonly<Record<string, string>>;
  /**
   * The operator arguments each item gives its task, given the fields `forEach` fills (field -> the item's property,
   * null for the item itself). They replace the same-named arguments of the kind's emit.
   */
  itemArgs(fields: Fields, filled: ReadonlyMap<string, string | null>): readonly ItemArg[];
}

/** What stops a kind's AWS work when its task is killed, per target (read from the amazon provider's source). */
export interface OnKill {
  /** Whether the work is stopped when the task is killed while it runs on a worker (the operator's on_kill). */
  onWorker(target: AirflowTarget): boolean;
  /** Whether it is stopped when the task is killed while deferred (only the trigger can: on_kill does not run). */
  whenDeferred(target: AirflowTarget): boolean;
  /** For docs/step-kinds.md (Markdown): what stops it (the argument dagsmith sets), or that nothing does. */
  readonly doc: string;
}

/** Declares a step kind; `K` comes from `kind`, `Fields` from `normalize`'s return type. */
export function defineStepKind<K extends SpecKindName, Fields>(def: StepKindDef<K, Fields>): StepKindDef<K, Fields> {
  return def;
}

/** A class that depends on the target or the step. */
export interface AirflowClassChoice<Fields> {
  /** Every class the kind may emit (for the docs). */
  readonly all: readonly AirflowClass[];
  choose(fields: Fields, target: AirflowTarget): AirflowClass;
}

/** The class a kind emits for a step on a target. */
export function airflowClassOn<Fields>(
  kind: { readonly airflowClass: AirflowClass | AirflowClassChoice<Fields> },
  fields: Fields,
  target: AirflowTarget,
): AirflowClass {
  const c = kind.airflowClass;
  return 'choose' in c ? c.choose(fields, target) : c;
}

/** Every class a kind may emit. */
export function airflowClassesOf(kind: { readonly airflowClass: AirflowClass | AirflowClassChoice<never> }): readonly AirflowClass[] {
  const c = kind.airflowClass;
  return 'all' in c ? c.all : [c];
}
