import type { JsonPath, Severity } from '../diagnostics/types';
import type { JsonSchema } from '../base/json-schema';
import type { PipelineIR, StepIR } from '../ir/types';
import type { AirflowTarget as Target } from '../targets';
import type { LintCode } from '../diagnostics/codes';
import type { LocatedSql, TextIndex } from './sql-sources';
import type { SqlStatement } from './sql';

/** What a rule is about: SARIF tags (`security` is what GitHub code scanning gates on), docs grouping. */
export type RuleCategory = 'security' | 'cost' | 'reliability' | 'fit';

/** SARIF's `precision`: how often a finding of the rule is a real problem. */
export type RulePrecision = 'very-high' | 'high' | 'medium' | 'low';

/** What a rule declares about itself; `docs` is derived from the code (docs/rules/<code>.md). */
export interface RuleMeta {
  readonly code: LintCode;
  /** kebab-case, unique: how people say it in reviews. */
  readonly name: string;
  readonly defaultSeverity: Severity;
  /** One line: what the rule reports. */
  readonly description: string;
  /** JSON Schema of the rule's options (`[severity, options]` in dagsmith.config.yaml). */
  readonly options?: JsonSchema;
  /** Default: from the code (DS400-DS409 security, DS410-DS419 cost, DS420-DS429 reliability, else fit). */
  readonly category?: RuleCategory;
  /** Default: 'high'. */
  readonly precision?: RulePrecision;
  /** For security rules: GitHub's `security-severity` (0.1-10; 9+ critical, 7+ high, 4+ medium, else low). */
  readonly securitySeverity?: number;
}

/** Where a finding lands: a pipeline file and a JSON path into it. */
export interface FindingTarget {
  readonly pipeline: PipelineIR;
  readonly path: JsonPath;
  /** Point at the property name rather than its value (for "this setting should not be here"). */
  readonly at?: 'key' | 'value';
}

export interface ReportOptions {
  readonly at?: 'key' | 'value';
  readonly hint?: string;
  /** The finding's severity when the project does not set the rule's (a rule whose findings grow worse, DS423). */
  readonly severity?: Severity;
}

/** A file lint reads for a pipeline: the pipeline file itself, or a SQL file one of its steps names. */
export interface SourceText {
  /** Project-relative. */
  readonly file: string;
  readonly index: TextIndex;
  readonly kind: 'pipeline' | 'sql';
  /** For a SQL file: the step that reads it. */
  readonly step?: StepIR;
}

interface BaseContext<Options> {
  /** The rule's options, defaults applied. */
  readonly options: Options;
  readonly target: Target;
  /** "Now" for rules that count runs; injected so results are reproducible. */
  readonly now: Date;
  /** Whether the pipeline's source spells out this path (`defaults.retries` written, not defaulted). */
  readonly has: (pipeline: PipelineIR, path: JsonPath) => boolean;
  /** The value at this path as the source wrote it: before `${name}` references were resolved; undefined when absent. */
  readonly written: (pipeline: PipelineIR, path: JsonPath) => unknown;
}

export interface PipelineRuleContext<Options> extends BaseContext<Options> {
  readonly pipeline: PipelineIR;
  /** Reports at a path of this pipeline. */
  report(path: JsonPath, message: string, opts?: ReportOptions): void;
  /** Reports at a step's field (`step.origin.path` + `field`). */
  reportStep(step: StepIR, field: JsonPath, message: string, opts?: ReportOptions): void;
  /** The SQL of a redshift.sql or athena.query step, parsed into statements, with where it is written. */
  sql(step: StepIR): LocatedSql | undefined;
  /** Reports at a part of a SQL statement (offsets into its text): in the SQL file, or inside the inline SQL. */
  reportSql(sql: LocatedSql, st: SqlStatement, start: number, end: number, message: string, opts?: ReportOptions): void;
  /** The pipeline file's text and the SQL files its steps name. */
  texts(): readonly SourceText[];
  /** Reports at offsets of one of `texts()`, attributed to the step whose source holds them. */
  reportText(src: SourceText, start: number, end: number, message: string, opts?: ReportOptions): void;
}

export interface ProjectRuleContext<Options> extends BaseContext<Options> {
  report(where: FindingTarget, message: string, opts?: ReportOptions): void;
}

/** A rule over one pipeline at a time. */
export interface PipelineRule<Options = Record<string, never>> {
  readonly scope: 'pipeline';
  readonly meta: RuleMeta;
  readonly defaultOptions: Options;
  check(ctx: PipelineRuleContext<Options>): void;
}

/** A rule over every pipeline of the project at once (two pipelines writing one S3 prefix, ...). */
export interface ProjectRule<Options = Record<string, never>> {
  readonly scope: 'project';
  readonly meta: RuleMeta;
  readonly defaultOptions: Options;
  check(pipelines: readonly PipelineIR[], ctx: ProjectRuleContext<Options>): void;
}

// eslint-style registries hold rules of every option type (`check` is a method, so a rule's own options type fits).
export type Rule = PipelineRule<object> | ProjectRule<object>;

export function pipelineRule<O extends object = Record<string, never>>(r: Omit<PipelineRule<O>, 'scope'>): PipelineRule<O> {
  return { scope: 'pipeline', ...r };
}

export function projectRule<O extends object = Record<string, never>>(r: Omit<ProjectRule<O>, 'scope'>): ProjectRule<O> {
  return { scope: 'project', ...r };
}

/** A rule option that is a duration ('5m', '1h30m'), as the pipeline format writes them. */
export function intervalOption(description: string): { type: 'string'; pattern: string; minLength: number; description: string } {
  return { type: 'string', pattern: '^(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?$', minLength: 2, description };
}
