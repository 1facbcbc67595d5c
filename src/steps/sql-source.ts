import { S, type JsonSchema } from '../base/json-schema';
import { stringOrList, asList, checkOneOf } from './kind-helpers';
import { jinjaBlocksBalanced, splitSqlStatements, type SqlDialect } from './sql-text';
import type { NormalizeContext, StepCheckContext } from './types';

/** SQL given inline (`sql`, `query`) or as a file next to the pipeline (`sqlFile`, `queryFile`), inlined at compile time. */
export interface SqlSource {
  readonly inline: string | readonly string[] | undefined;
  readonly file: string | undefined;
}

export interface SqlSourceNames {
  readonly inline: string;
  readonly file: string;
}

/** Schema of the two fields; `allowList` lets the inline field also take a list of statements. */
export function sqlSourceProperties(names: SqlSourceNames, opts: { readonly allowList: boolean; readonly what: string }): Record<string, JsonSchema> {
  const inline = `The ${opts.what}, with Airflow Jinja allowed; exactly one of '${names.inline}' and '${names.file}'.`;
  return {
    [names.inline]: opts.allowList
      ? stringOrList(`${inline} Several statements (separated by ';' or given as a list) run as one transaction.`)
      : S.nonEmptyString(inline),
    [names.file]: S.nonEmptyString(`Path of a file holding the ${opts.what}, relative to the pipeline file; its text is inlined into the DAG.`),
  };
}

/**
 * Checks that exactly one field is set, that the file exists, and that there is a statement to run.
 * Returns the statements, or undefined when something was reported.
 */
export function checkSqlSource(src: SqlSource, names: SqlSourceNames, dialect: SqlDialect, ctx: StepCheckContext): readonly string[] | undefined {
  if (!checkOneOf(names.inline, src.inline !== undefined, names.file, src.file !== undefined, ctx, { required: true })) {
    return undefined;
  }
  let texts: readonly string[];
  let field: string;
  if (src.file !== undefined) {
    field = names.file;
    const text = ctx.readSibling(src.file);
    if (text === undefined) {
      ctx.report(
        'DS313',
        [field],
        `file '${src.file}' not found in the project (the path is relative to the pipeline file and must stay inside the project)`,
      );
      return undefined;
    }
    texts = [text];
  } else {
    field = names.inline;
    texts = asList(src.inline!);
  }
  const statements: string[] = [];
  for (const text of texts) {
    const parts = statementsOf(text, dialect);
    if (parts.length > 1 && !parts.every(jinjaBlocksBalanced)) {
      ctx.report(
        'DS359',
        [field],
        `a Jinja block ({% if %}, {% for %}, ...) spans several SQL statements; dagsmith splits SQL at ';' when it compiles, so keep each block inside one statement`,
      );
      return undefined;
    }
    statements.push(...parts);
  }
  if (statements.length === 0) {
    ctx.report('DS360', [field], `'${field}' holds no SQL statement (only whitespace or comments)`);
    return undefined;
  }
  return statements;
}

/** The statements of a source that passed `checkSqlSource`. */
export function sqlStatements(src: SqlSource, dialect: SqlDialect, ctx: NormalizeContext): string[] {
  // One text (a file, or an inline string) is the usual source: a copy of its statements, no list of texts to flatten.
  if (src.file !== undefined) return statementsOf(ctx.readSibling(src.file), dialect).slice();
  const inline = src.inline ?? [];
  if (typeof inline === 'string') return statementsOf(inline, dialect).slice();
  return inline.flatMap((t) => statementsOf(t, dialect));
}

/**
 * The statements of one SQL text, split once per run: the check and normalize both ask, and pipelines repeat their
 * SQL. Bounded: emptied when it holds this many. The arrays are shared: read only.
 */
const STATEMENTS_MAX = 20_000;
const statementsByDialect = new Map<SqlDialect, Map<string, readonly string[]>>();

function statementsOf(text: string, dialect: SqlDialect): readonly string[] {
  let memo = statementsByDialect.get(dialect);
  if (!memo) statementsByDialect.set(dialect, (memo = new Map<string, readonly string[]>()));
  let parts = memo.get(text);
  if (!parts) {
    if (memo.size >= STATEMENTS_MAX) memo.clear();
    memo.set(text, (parts = splitSqlStatements(text, dialect)));
  }
  return parts;
}
