/**
 * The nodes of a parsed Jinja template (the part of jinja2/nodes.py the parser builds), with what a check needs:
 * names loaded and stored, attribute and item access, filters, tests and calls. `tag` is the offset (in the lexer's
 * source) of the `{{` / `{%` the node was written in.
 */

interface Base {
  readonly lineno: number;
  readonly tag: number;
}

export type Expr =
  | (Base & { readonly t: 'Name'; readonly name: string; ctx: 'load' | 'store' | 'param' })
  | (Base & { readonly t: 'NSRef'; readonly name: string; readonly attr: string })
  | (Base & { readonly t: 'Const'; readonly value: unknown })
  | (Base & { readonly t: 'Tuple'; readonly items: Expr[]; ctx: 'load' | 'store' | 'param' })
  | (Base & { readonly t: 'List'; readonly items: readonly Expr[] })
  | (Base & { readonly t: 'Dict'; readonly items: readonly { readonly key: Expr; readonly value: Expr }[] })
  | (Base & { readonly t: 'CondExpr'; readonly test: Expr; readonly expr1: Expr; readonly expr2: Expr | null })
  | (Base & { readonly t: 'BinExpr'; readonly op: string; readonly left: Expr; readonly right: Expr })
  | (Base & { readonly t: 'UnaryExpr'; readonly op: string; readonly node: Expr })
  | (Base & { readonly t: 'Compare'; readonly expr: Expr; readonly ops: readonly { readonly op: string; readonly expr: Expr }[] })
  | (Base & { readonly t: 'Concat'; readonly nodes: readonly Expr[] })
  | (Base & { readonly t: 'Getattr'; readonly node: Expr; readonly attr: string })
  | (Base & { readonly t: 'Getitem'; readonly node: Expr; readonly arg: Expr })
  | (Base & { readonly t: 'Slice'; readonly start: Expr | null; readonly stop: Expr | null; readonly step: Expr | null })
  | (Base & { readonly t: 'Call' } & CallArgs & { readonly node: Expr })
  | (Base & { readonly t: 'Filter' } & CallArgs & { readonly node: Expr | null; readonly name: string })
  | (Base & { readonly t: 'Test' } & CallArgs & { readonly node: Expr; readonly name: string });

export interface CallArgs {
  readonly args: readonly Expr[];
  readonly kwargs: readonly { readonly key: string; readonly value: Expr }[];
  readonly dynArgs: Expr | null;
  readonly dynKwargs: Expr | null;
}

export type Stmt =
  | (Base & { readonly t: 'Output'; readonly nodes: readonly (Expr | { readonly t: 'TemplateData'; readonly data: string })[] })
  | (Base & {
      readonly t: 'For';
      readonly target: Expr;
      readonly iter: Expr;
      readonly body: readonly Stmt[];
      readonly else_: readonly Stmt[];
      readonly test: Expr | null;
      readonly recursive: boolean;
    })
  | (Base & {
      readonly t: 'If';
      readonly test: Expr;
      readonly body: readonly Stmt[];
      readonly elif: readonly Stmt[];
      readonly else_: readonly Stmt[];
    })
  | (Base & { readonly t: 'With'; readonly targets: readonly Expr[]; readonly values: readonly Expr[]; readonly body: readonly Stmt[] })
  | (Base & { readonly t: 'Scope'; readonly options: readonly Expr[]; readonly body: readonly Stmt[] })
  | (Base & { readonly t: 'Block'; readonly name: string; readonly body: readonly Stmt[] })
  | (Base & { readonly t: 'Extends' | 'Include'; readonly template: Expr })
  | (Base & { readonly t: 'Import'; readonly template: Expr; readonly target: string })
  | (Base & { readonly t: 'FromImport'; readonly template: Expr; readonly names: readonly (string | readonly [string, string])[] })
  | (Base & {
      readonly t: 'Macro';
      readonly name: string;
      readonly args: readonly Expr[];
      readonly defaults: readonly Expr[];
      readonly body: readonly Stmt[];
    })
  | (Base & {
      readonly t: 'CallBlock';
      readonly call: Expr;
      readonly args: readonly Expr[];
      readonly defaults: readonly Expr[];
      readonly body: readonly Stmt[];
    })
  | (Base & { readonly t: 'FilterBlock'; readonly filter: Expr; readonly body: readonly Stmt[] })
  | (Base & { readonly t: 'Assign'; readonly target: Expr; readonly node: Expr })
  | (Base & { readonly t: 'AssignBlock'; readonly target: Expr; readonly filter: Expr | null; readonly body: readonly Stmt[] })
  | (Base & { readonly t: 'ExprStmt'; readonly node: Expr });

/** nodes.py can_assign(): names (but not the constants' names), tuples of them, namespace references. */
export function canAssign(node: Expr): boolean {
  if (node.t === 'Name') return !['true', 'false', 'none', 'True', 'False', 'None'].includes(node.name);
  if (node.t === 'Tuple') return node.items.every(canAssign);
  return node.t === 'NSRef';
}

/** The class name Jinja would print for a node in "can't assign to ...". */
export function nodeTypeName(node: Expr): string {
  if (node.t === 'BinExpr') return node.op;
  if (node.t === 'UnaryExpr') return node.op;
  return node.t;
}

/** node.set_ctx(ctx): names and tuples of them (the only nodes that carry a context here). */
export function setCtx(node: Expr, ctx: 'load' | 'store' | 'param'): void {
  if (node.t === 'Name') node.ctx = ctx;
  else if (node.t === 'Tuple') {
    node.ctx = ctx;
    for (const item of node.items) setCtx(item, ctx);
  }
}
