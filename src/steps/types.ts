import type { JsonPath } from '../diagnostics/types';
import type { Code } from '../diagnostics/codes';
import type { ReportOptions } from '../load/source';
import type { JsonSchema } from '../schema/json-schema';
import type { PipelineIR, StepIR } from '../ir/types';
import type { PyExpr, PyKwarg } from '../emit/python/expr';

/** The Airflow line a DAG file is compiled for. */
export interface AirflowTarget {
  /** e.g. "2.10.3" */
  readonly version: string;
  readonly major: 2 | 3;
  /** The apache-airflow-providers-amazon version MWAA ships with that Airflow, e.g. "9.0.0". */
  readonly provider: string;
}

/** What a step kind's checks may use. Paths are relative to the step. */
export interface StepCheckContext {
  /** The Airflow version (and its amazon provider) the pipeline is checked for. */
  readonly target: AirflowTarget;
  report(code: Code, path: JsonPath, message: string, opts?: ReportOptions): void;
  /** Reads a file named relative to the pipeline file; undefined when it does not exist. */
  readSibling(relPath: string): string | undefined;
}

export interface NormalizeContext {
  /** Reads a file named relative to the pipeline file (checked to exist by then). */
  readSibling(relPath: string): string;
}

export interface EmitContext {
  readonly target: AirflowTarget;
  readonly pipeline: PipelineIR;
}

/** One operator instantiation: `name(task_id=..., **kwargs)`, imported from `module`. */
export interface OperatorCall {
  readonly module: string;
  readonly name: string;
  readonly kwargs: readonly PyKwarg[];
}

/** Everything dagsmith knows about one step kind. One file per kind under src/steps/. */
export interface StepKind<Spec = any, Fields extends object = any> {
  /** e.g. 'glue.job' */
  readonly kind: string;
  /** One line, shown in the schema and docs. */
  readonly description: string;
  /** JSON Schema of the kind's own fields (the common step fields are added by the schema assembler). */
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required: readonly string[];
  /** Whether the operator takes `deferrable` (then `deferrable` from defaults/overrides applies to it). */
  readonly supportsDeferrable: boolean;
  /**
   * Whether the operator takes `region_name` on this target (default: yes). Some operators of older provider
   * versions do not; a region set for them is then reported instead of being silently dropped.
   */
  takesRegion?(target: AirflowTarget): boolean;
  /** Kind-specific checks of a step that passed the schema, with variables resolved. */
  check?(step: Spec, ctx: StepCheckContext): void;
  /** The kind's fields for the IR, every default resolved. */
  normalize(step: Spec, ctx: NormalizeContext): Fields;
  /** The operator call for the IR step (task_id, settings and dependencies are added by the DAG emitter). */
  emit(fields: Fields, step: StepIR, ctx: EmitContext): OperatorCall;
}

export type { PyExpr };
