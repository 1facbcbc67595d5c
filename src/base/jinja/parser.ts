/**
 * Jinja2's parser (jinja2/parser.py of Jinja2 3.1), ported to TypeScript with the `do` extension Airflow's template
 * environment loads (jinja2.ext.do). Same grammar, same order of checks, same messages and line numbers as
 * `Environment.parse`: test/base/jinja.test.ts runs a corpus and generated templates through both.
 */
import { canAssign, nodeTypeName, setCtx, type CallArgs, type Expr, type Stmt } from './nodes';
import {
  describeToken,
  describeTokenExpr,
  lexerSource,
  pyRepr,
  TemplateSyntaxError,
  test,
  testAny,
  tokenize,
  TokenStream,
  type Token,
} from './lexer';

const STATEMENT_KEYWORDS = new Set(['for', 'if', 'block', 'extends', 'print', 'macro', 'include', 'from', 'import', 'set', 'with', 'autoescape']);
const COMPARE_OPERATORS = new Set(['eq', 'ne', 'lt', 'lteq', 'gt', 'gteq']);
const MATH_NODES: Readonly<Record<string, string>> = { add: 'Add', sub: 'Sub', mul: 'Mul', div: 'Div', floordiv: 'FloorDiv', mod: 'Mod' };
/** Tags of the extensions Airflow's environment has: jinja2.ext.do. */
const EXTENSION_TAGS = new Set(['do']);

export interface ParseOptions {
  /**
   * The jinja2 version whose grammar to follow: 3.1.4 (Airflow 2.10.3) reads `{% set ns.attr = ... %}` in
   * parse_assign_target by looking one token ahead; 3.1.5 and later read it in parse_primary. Default: the later.
   */
  readonly jinja2?: string;
}

export interface ParsedTemplate {
  readonly body: readonly Stmt[];
  /** The text as the lexer saw it, and where each of its offsets is in the text given. */
  readonly source: ReturnType<typeof lexerSource>;
}

/** Parses a template as Airflow's Jinja environment would; throws TemplateSyntaxError (offsets in the text given). */
export function parseTemplate(text: string, opts: ParseOptions = {}): ParsedTemplate {
  const source = lexerSource(text);
  try {
    return { body: new Parser(source.text, namespaceInAssignTarget(opts.jinja2)).subparse(null), source };
  } catch (err) {
    if (err instanceof TemplateSyntaxError)
      throw new TemplateSyntaxError(err.message, err.lineno, source.original[err.offset] ?? text.length, err.kind);
    throw err;
  }
}

const namespaceInAssignTargetOf = new Map<string, boolean>();

/** Whether jinja2 `version` reads namespace targets in parse_assign_target (3.1.4 and before). */
function namespaceInAssignTarget(version: string | undefined): boolean {
  if (version === undefined) return false;
  // Asked once per template, of a handful of versions.
  let answer = namespaceInAssignTargetOf.get(version);
  if (answer === undefined) {
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    answer = major < 3 || (major === 3 && (minor < 1 || (minor === 1 && patch <= 4)));
    if (namespaceInAssignTargetOf.size < 64) namespaceInAssignTargetOf.set(version, answer);
  }
  return answer;
}

class Parser {
  private readonly stream: TokenStream;
  private readonly tagStack: string[] = [];
  /** The tag offset of each entry of tagStack: an unclosed block is reported at its `{%`. */
  private readonly tagOffsets: number[] = [];
  private readonly endTokenStack: (readonly string[])[] = [];

  constructor(
    source: string,
    private readonly legacyNamespace: boolean,
  ) {
    this.stream = new TokenStream(tokenize(source));
  }

  /** The current token's type (a call, so that TypeScript does not narrow it across the calls that move the stream). */
  private type(): string {
    return this.stream.current.type;
  }

  private fail(msg: string, lineno?: number, at?: Token | number, kind?: 'TemplateAssertionError'): never {
    const tag = typeof at === 'number' ? at : (at ?? this.stream.current).tag;
    throw new TemplateSyntaxError(msg, lineno ?? this.stream.current.lineno, tag, kind);
  }

  private failUtEof(name: string | null, endTokenStack: readonly (readonly string[])[], lineno: number | undefined, tag: number): never {
    const expected = new Set<string>();
    for (const exprs of endTokenStack) for (const e of exprs) expected.add(describeTokenExpr(e));
    const currentlyLooking =
      endTokenStack.length > 0 ? endTokenStack[endTokenStack.length - 1]!.map((e) => pyRepr(describeTokenExpr(e))).join(' or ') : null;
    const message = [name === null ? 'Unexpected end of template.' : `Encountered unknown tag ${pyRepr(name)}.`];
    if (currentlyLooking) {
      if (name !== null && expected.has(name)) {
        message.push(`You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for ${currentlyLooking}.`);
      } else {
        message.push(`Jinja was looking for the following tags: ${currentlyLooking}.`);
      }
    }
    if (this.tagStack.length > 0) message.push(`The innermost block that needs to be closed is ${pyRepr(this.tagStack[this.tagStack.length - 1]!)}.`);
    this.fail(message.join(' '), lineno, tag);
  }

  private failUnknownTag(name: string, token: Token): never {
    this.failUtEof(name, this.endTokenStack, token.lineno, token.tag);
  }

  private failEof(endTokens: readonly string[] | null): never {
    const stack = [...this.endTokenStack];
    if (endTokens !== null) stack.push(endTokens);
    const tag = this.tagOffsets.length > 0 ? this.tagOffsets[this.tagOffsets.length - 1]! : this.stream.current.tag;
    this.failUtEof(null, stack, undefined, tag);
  }

  private isTupleEnd(extraEndRules: readonly string[] | null): boolean {
    const type = this.type();
    if (type === 'variable_end' || type === 'block_end' || type === 'rparen') return true;
    // parser.py passes the rules to test_any() as ONE argument (a tuple), which no token matches: the extra end
    // rules never end a tuple there. Kept, so that `{% for in x %}` fails with Jinja's own message.
    void extraEndRules;
    return false;
  }

  private parseStatement(): Stmt | Stmt[] {
    const token = this.stream.current;
    if (token.type !== 'name') this.fail('tag name expected', token.lineno, token);
    this.tagStack.push(token.value);
    this.tagOffsets.push(token.tag);
    let popTag = true;
    try {
      if (STATEMENT_KEYWORDS.has(token.value)) {
        switch (token.value) {
          case 'for':
            return this.parseFor();
          case 'if':
            return this.parseIf();
          case 'block':
            return this.parseBlock();
          case 'extends':
            return this.parseExtends();
          case 'print':
            return this.parsePrint();
          case 'macro':
            return this.parseMacro();
          case 'include':
            return this.parseInclude();
          case 'from':
            return this.parseFrom();
          case 'import':
            return this.parseImport();
          case 'set':
            return this.parseSet();
          case 'with':
            return this.parseWith();
          default:
            return this.parseAutoescape();
        }
      }
      if (token.value === 'call') return this.parseCallBlock();
      if (token.value === 'filter') return this.parseFilterBlock();
      if (EXTENSION_TAGS.has(token.value)) {
        // jinja2.ext.do: ExprStmt(lineno=next(stream).lineno); node = parse_tuple()
        const t = this.stream.next();
        return { t: 'ExprStmt', lineno: t.lineno, tag: t.tag, node: this.parseTuple() };
      }
      this.tagStack.pop();
      this.tagOffsets.pop();
      popTag = false;
      return this.failUnknownTag(token.value, token);
    } finally {
      if (popTag) {
        this.tagStack.pop();
        this.tagOffsets.pop();
      }
    }
  }

  private parseStatements(endTokens: readonly string[], dropNeedle = false): Stmt[] {
    this.stream.skipIf('colon');
    this.stream.expect('block_end');
    const result = this.subparse(endTokens);
    if (this.type() === 'eof') this.failEof(endTokens);
    if (dropNeedle) this.stream.next();
    return result;
  }

  private parseSet(): Stmt {
    const first = this.stream.next();
    const target = this.parseAssignTarget({ withNamespace: true });
    if (this.stream.skipIf('assign')) {
      const node = this.parseTuple();
      return { t: 'Assign', lineno: first.lineno, tag: first.tag, target, node };
    }
    const filter = this.parseFilter(null);
    const body = this.parseStatements(['name:endset'], true);
    return { t: 'AssignBlock', lineno: first.lineno, tag: first.tag, target, filter, body };
  }

  private parseFor(): Stmt {
    const first = this.stream.expect('name:for');
    const target = this.parseAssignTarget({ extraEndRules: ['name:in'] });
    this.stream.expect('name:in');
    const iter = this.parseTuple({ withCondexpr: false, extraEndRules: ['name:recursive'] });
    let testExpr: Expr | null = null;
    if (this.stream.skipIf('name:if')) testExpr = this.parseExpression();
    const recursive = this.stream.skipIf('name:recursive');
    const body = this.parseStatements(['name:endfor', 'name:else']);
    const else_ = this.stream.next().value === 'endfor' ? [] : this.parseStatements(['name:endfor'], true);
    return { t: 'For', lineno: first.lineno, tag: first.tag, target, iter, body, else_, test: testExpr, recursive };
  }

  private parseIf(): Stmt {
    const first = this.stream.expect('name:if');
    const elif: Stmt[] = [];
    let result: { test: Expr; body: Stmt[]; else_: Stmt[]; lineno: number; tag: number } | undefined;
    let node = { lineno: first.lineno, tag: first.tag } as { test: Expr; body: Stmt[]; else_: Stmt[]; lineno: number; tag: number };
    for (;;) {
      node.test = this.parseTuple({ withCondexpr: false });
      node.body = this.parseStatements(['name:elif', 'name:else', 'name:endif']);
      node.else_ = [];
      if (result === undefined) result = node;
      else elif.push({ t: 'If', lineno: node.lineno, tag: node.tag, test: node.test, body: node.body, elif: [], else_: [] });
      const token = this.stream.next();
      if (test(token, 'name:elif')) {
        node = { lineno: this.stream.current.lineno, tag: this.stream.current.tag } as typeof node;
        continue;
      } else if (test(token, 'name:else')) {
        result.else_ = this.parseStatements(['name:endif'], true);
      }
      break;
    }
    return { t: 'If', lineno: result.lineno, tag: result.tag, test: result.test, body: result.body, elif, else_: result.else_ };
  }

  private parseWith(): Stmt {
    const first = this.stream.next();
    const targets: Expr[] = [];
    const values: Expr[] = [];
    while (this.type() !== 'block_end') {
      if (targets.length > 0) this.stream.expect('comma');
      const target = this.parseAssignTarget();
      setCtx(target, 'param');
      targets.push(target);
      this.stream.expect('assign');
      values.push(this.parseExpression());
    }
    const body = this.parseStatements(['name:endwith'], true);
    return { t: 'With', lineno: first.lineno, tag: first.tag, targets, values, body };
  }

  private parseAutoescape(): Stmt {
    const first = this.stream.next();
    const options = [this.parseExpression()];
    const body = this.parseStatements(['name:endautoescape'], true);
    return { t: 'Scope', lineno: first.lineno, tag: first.tag, options, body };
  }

  private parseBlock(): Stmt {
    const first = this.stream.next();
    const name = this.stream.expect('name').value;
    this.stream.skipIf('name:scoped');
    const required = this.stream.skipIf('name:required');
    if (this.type() === 'sub') {
      this.fail('Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an underscore instead.');
    }
    const body = this.parseStatements(['name:endblock'], true);
    if (required) {
      for (const b of body) {
        if (b.t !== 'Output' || b.nodes.some((n) => n.t !== 'TemplateData' || !isSpace(n.data))) {
          this.fail('Required blocks can only contain comments or whitespace');
        }
      }
    }
    this.stream.skipIf(`name:${name}`);
    return { t: 'Block', lineno: first.lineno, tag: first.tag, name, body };
  }

  private parseExtends(): Stmt {
    const first = this.stream.next();
    return { t: 'Extends', lineno: first.lineno, tag: first.tag, template: this.parseExpression() };
  }

  private parseImportContext(): void {
    if (testAny(this.stream.current, 'name:with', 'name:without') && test(this.stream.look(), 'name:context')) {
      this.stream.next();
      this.stream.skip();
    }
  }

  private parseInclude(): Stmt {
    const first = this.stream.next();
    const template = this.parseExpression();
    if (test(this.stream.current, 'name:ignore') && test(this.stream.look(), 'name:missing')) this.stream.skip(2);
    this.parseImportContext();
    return { t: 'Include', lineno: first.lineno, tag: first.tag, template };
  }

  private parseImport(): Stmt {
    const first = this.stream.next();
    const template = this.parseExpression();
    this.stream.expect('name:as');
    const target = (this.parseAssignTarget({ nameOnly: true }) as { name: string }).name;
    this.parseImportContext();
    return { t: 'Import', lineno: first.lineno, tag: first.tag, template, target };
  }

  private parseFrom(): Stmt {
    const first = this.stream.next();
    const template = this.parseExpression();
    this.stream.expect('name:import');
    const names: (string | readonly [string, string])[] = [];
    const parseContext = (): boolean => {
      if ((this.stream.current.value === 'with' || this.stream.current.value === 'without') && test(this.stream.look(), 'name:context')) {
        this.stream.next();
        this.stream.skip();
        return true;
      }
      return false;
    };
    for (;;) {
      if (names.length > 0) this.stream.expect('comma');
      if (this.type() === 'name') {
        if (parseContext()) break;
        const target = this.parseAssignTarget({ nameOnly: true }) as Expr & { name: string };
        if (target.name.startsWith('_')) {
          this.fail('names starting with an underline can not be imported', target.lineno, target.tag, 'TemplateAssertionError');
        }
        if (this.stream.skipIf('name:as')) {
          const alias = this.parseAssignTarget({ nameOnly: true }) as Expr & { name: string };
          names.push([target.name, alias.name]);
        } else {
          names.push(target.name);
        }
        if (parseContext() || this.type() !== 'comma') break;
      } else {
        this.stream.expect('name');
      }
    }
    return { t: 'FromImport', lineno: first.lineno, tag: first.tag, template, names };
  }

  private parseSignature(): { args: Expr[]; defaults: Expr[] } {
    const args: Expr[] = [];
    const defaults: Expr[] = [];
    this.stream.expect('lparen');
    while (this.type() !== 'rparen') {
      if (args.length > 0) this.stream.expect('comma');
      const arg = this.parseAssignTarget({ nameOnly: true });
      setCtx(arg, 'param');
      if (this.stream.skipIf('assign')) defaults.push(this.parseExpression());
      else if (defaults.length > 0) this.fail('non-default argument follows default argument');
      args.push(arg);
    }
    this.stream.expect('rparen');
    return { args, defaults };
  }

  private parseCallBlock(): Stmt {
    const first = this.stream.next();
    const sig = this.type() === 'lparen' ? this.parseSignature() : { args: [], defaults: [] };
    const call = this.parseExpression();
    if (call.t !== 'Call') this.fail('expected call', first.lineno, first);
    const body = this.parseStatements(['name:endcall'], true);
    return { t: 'CallBlock', lineno: first.lineno, tag: first.tag, call, ...sig, body };
  }

  private parseFilterBlock(): Stmt {
    const first = this.stream.next();
    const filter = this.parseFilter(null, true)!;
    const body = this.parseStatements(['name:endfilter'], true);
    return { t: 'FilterBlock', lineno: first.lineno, tag: first.tag, filter, body };
  }

  private parseMacro(): Stmt {
    const first = this.stream.next();
    const name = (this.parseAssignTarget({ nameOnly: true }) as { name: string }).name;
    const sig = this.parseSignature();
    const body = this.parseStatements(['name:endmacro'], true);
    return { t: 'Macro', lineno: first.lineno, tag: first.tag, name, ...sig, body };
  }

  private parsePrint(): Stmt {
    const first = this.stream.next();
    const nodes: Expr[] = [];
    while (this.type() !== 'block_end') {
      if (nodes.length > 0) this.stream.expect('comma');
      nodes.push(this.parseExpression());
    }
    return { t: 'Output', lineno: first.lineno, tag: first.tag, nodes };
  }

  private parseAssignTarget(
    opts: { withTuple?: boolean; nameOnly?: boolean; extraEndRules?: readonly string[]; withNamespace?: boolean } = {},
  ): Expr {
    let target: Expr;
    if (this.legacyNamespace && opts.withNamespace && this.stream.look().type === 'dot') {
      const token = this.stream.expect('name');
      this.stream.next();
      const attr = this.stream.expect('name');
      target = { t: 'NSRef', lineno: token.lineno, tag: token.tag, name: token.value, attr: attr.value };
    } else if (opts.nameOnly) {
      const token = this.stream.expect('name');
      target = { t: 'Name', lineno: token.lineno, tag: token.tag, name: token.value, ctx: 'store' };
    } else {
      const withNamespace = !this.legacyNamespace && (opts.withNamespace ?? false);
      target =
        opts.withTuple === false
          ? this.parsePrimary(withNamespace)
          : this.parseTuple({ simplified: true, extraEndRules: opts.extraEndRules ?? null, withNamespace });
      setCtx(target, 'store');
    }
    if (!canAssign(target)) this.fail(`can't assign to ${pyRepr(nodeTypeName(target).toLowerCase())}`, target.lineno, target.tag);
    return target;
  }

  parseExpression(withCondexpr = true): Expr {
    return withCondexpr ? this.parseCondexpr() : this.parseOr();
  }

  private parseCondexpr(): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    let expr1 = this.parseOr();
    while (this.stream.skipIf('name:if')) {
      const expr2 = this.parseOr();
      const expr3 = this.stream.skipIf('name:else') ? this.parseCondexpr() : null;
      expr1 = { t: 'CondExpr', lineno, tag, test: expr2, expr1, expr2: expr3 };
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    return expr1;
  }

  private parseOr(): Expr {
    return this.parseBinary('name:or', 'Or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.parseBinary('name:and', 'And', () => this.parseNot());
  }

  private parseBinary(expr: string, op: string, next: () => Expr): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    let left = next();
    while (this.stream.skipIf(expr)) {
      const right = next();
      left = { t: 'BinExpr', lineno, tag, op, left, right };
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    return left;
  }

  private parseNot(): Expr {
    if (test(this.stream.current, 'name:not')) {
      const t = this.stream.next();
      return { t: 'UnaryExpr', lineno: t.lineno, tag: t.tag, op: 'Not', node: this.parseNot() };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    const expr = this.parseMath1();
    const ops: { op: string; expr: Expr }[] = [];
    for (;;) {
      const type = this.type();
      if (COMPARE_OPERATORS.has(type)) {
        this.stream.next();
        ops.push({ op: type, expr: this.parseMath1() });
      } else if (this.stream.skipIf('name:in')) {
        ops.push({ op: 'in', expr: this.parseMath1() });
      } else if (test(this.stream.current, 'name:not') && test(this.stream.look(), 'name:in')) {
        this.stream.skip(2);
        ops.push({ op: 'notin', expr: this.parseMath1() });
      } else {
        break;
      }
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    if (ops.length === 0) return expr;
    return { t: 'Compare', lineno, tag, expr, ops };
  }

  private parseMath1(): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    let left = this.parseConcat();
    while (this.type() === 'add' || this.type() === 'sub') {
      const op = MATH_NODES[this.type()]!;
      this.stream.next();
      const right = this.parseConcat();
      left = { t: 'BinExpr', lineno, tag, op, left, right };
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    return left;
  }

  private parseConcat(): Expr {
    const lineno = this.stream.current.lineno;
    const tag = this.stream.current.tag;
    const args = [this.parseMath2()];
    while (this.type() === 'tilde') {
      this.stream.next();
      args.push(this.parseMath2());
    }
    return args.length === 1 ? args[0]! : { t: 'Concat', lineno, tag, nodes: args };
  }

  private parseMath2(): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    let left = this.parsePow();
    while (['mul', 'div', 'floordiv', 'mod'].includes(this.type())) {
      const op = MATH_NODES[this.type()]!;
      this.stream.next();
      const right = this.parsePow();
      left = { t: 'BinExpr', lineno, tag, op, left, right };
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    return left;
  }

  private parsePow(): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    let left = this.parseUnary();
    while (this.type() === 'pow') {
      this.stream.next();
      const right = this.parseUnary();
      left = { t: 'BinExpr', lineno, tag, op: 'Pow', left, right };
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    return left;
  }

  private parseUnary(withFilter = true): Expr {
    const type = this.type();
    const lineno = this.stream.current.lineno;
    const tag = this.stream.current.tag;
    let node: Expr;
    if (type === 'sub') {
      this.stream.next();
      node = { t: 'UnaryExpr', lineno, tag, op: 'Neg', node: this.parseUnary(false) };
    } else if (type === 'add') {
      this.stream.next();
      node = { t: 'UnaryExpr', lineno, tag, op: 'Pos', node: this.parseUnary(false) };
    } else {
      node = this.parsePrimary();
    }
    node = this.parsePostfix(node);
    if (withFilter) node = this.parseFilterExpr(node);
    return node;
  }

  private parsePrimary(withNamespace = false): Expr {
    const token = this.stream.current;
    const at = { lineno: token.lineno, tag: token.tag };
    if (token.type === 'name') {
      this.stream.next();
      if (['true', 'false', 'True', 'False'].includes(token.value))
        return { t: 'Const', ...at, value: token.value === 'true' || token.value === 'True' };
      if (token.value === 'none' || token.value === 'None') return { t: 'Const', ...at, value: null };
      if (withNamespace && this.type() === 'dot') {
        this.stream.next();
        const attr = this.stream.expect('name');
        return { t: 'NSRef', ...at, name: token.value, attr: attr.value };
      }
      return { t: 'Name', ...at, name: token.value, ctx: 'load' };
    }
    if (token.type === 'string') {
      this.stream.next();
      let value = token.value;
      while (this.type() === 'string') value += this.stream.next().value;
      return { t: 'Const', ...at, value };
    }
    if (token.type === 'integer' || token.type === 'float') {
      this.stream.next();
      return { t: 'Const', ...at, value: token.value };
    }
    if (token.type === 'lparen') {
      this.stream.next();
      const node = this.parseTuple({ explicitParentheses: true });
      this.stream.expect('rparen');
      return node;
    }
    if (token.type === 'lbracket') return this.parseList();
    if (token.type === 'lbrace') return this.parseDict();
    this.fail(`unexpected ${pyRepr(describeToken(token))}`, token.lineno, token);
  }

  parseTuple(
    opts: {
      simplified?: boolean;
      withCondexpr?: boolean;
      extraEndRules?: readonly string[] | null;
      explicitParentheses?: boolean;
      withNamespace?: boolean;
    } = {},
  ): Expr {
    let lineno = this.stream.current.lineno;
    let tag = this.stream.current.tag;
    const parse = opts.simplified ? () => this.parsePrimary(opts.withNamespace ?? false) : () => this.parseExpression(opts.withCondexpr ?? true);
    const args: Expr[] = [];
    let isTuple = false;
    for (;;) {
      if (args.length > 0) this.stream.expect('comma');
      if (this.isTupleEnd(opts.extraEndRules ?? null)) break;
      args.push(parse());
      if (this.type() === 'comma') isTuple = true;
      else break;
      lineno = this.stream.current.lineno;
      tag = this.stream.current.tag;
    }
    if (!isTuple) {
      if (args.length > 0) return args[0]!;
      if (!opts.explicitParentheses) this.fail(`Expected an expression, got ${pyRepr(describeToken(this.stream.current))}`);
    }
    return { t: 'Tuple', lineno, tag, items: args, ctx: 'load' };
  }

  private parseList(): Expr {
    const token = this.stream.expect('lbracket');
    const items: Expr[] = [];
    while (this.type() !== 'rbracket') {
      if (items.length > 0) this.stream.expect('comma');
      if (this.type() === 'rbracket') break;
      items.push(this.parseExpression());
    }
    this.stream.expect('rbracket');
    return { t: 'List', lineno: token.lineno, tag: token.tag, items };
  }

  private parseDict(): Expr {
    const token = this.stream.expect('lbrace');
    const items: { key: Expr; value: Expr }[] = [];
    while (this.type() !== 'rbrace') {
      if (items.length > 0) this.stream.expect('comma');
      if (this.type() === 'rbrace') break;
      const key = this.parseExpression();
      this.stream.expect('colon');
      items.push({ key, value: this.parseExpression() });
    }
    this.stream.expect('rbrace');
    return { t: 'Dict', lineno: token.lineno, tag: token.tag, items };
  }

  private parsePostfix(node: Expr): Expr {
    for (;;) {
      const type = this.type();
      if (type === 'dot' || type === 'lbracket') node = this.parseSubscript(node);
      else if (type === 'lparen') node = this.parseCall(node);
      else break;
    }
    return node;
  }

  private parseFilterExpr(node: Expr): Expr {
    for (;;) {
      const type = this.type();
      if (type === 'pipe') node = this.parseFilter(node)!;
      else if (type === 'name' && this.stream.current.value === 'is') node = this.parseTest(node);
      else if (type === 'lparen') node = this.parseCall(node);
      else break;
    }
    return node;
  }

  private parseSubscript(node: Expr): Expr {
    const token = this.stream.next();
    if (token.type === 'dot') {
      const attr = this.stream.current;
      this.stream.next();
      if (attr.type === 'name') return { t: 'Getattr', lineno: token.lineno, tag: token.tag, node, attr: attr.value };
      if (attr.type !== 'integer') this.fail('expected name or number', attr.lineno, attr);
      return { t: 'Getitem', lineno: token.lineno, tag: token.tag, node, arg: { t: 'Const', lineno: attr.lineno, tag: attr.tag, value: attr.value } };
    }
    if (token.type === 'lbracket') {
      const args: Expr[] = [];
      while (this.type() !== 'rbracket') {
        if (args.length > 0) this.stream.expect('comma');
        args.push(this.parseSubscribed());
      }
      this.stream.expect('rbracket');
      const arg: Expr = args.length === 1 ? args[0]! : { t: 'Tuple', lineno: token.lineno, tag: token.tag, items: args, ctx: 'load' };
      return { t: 'Getitem', lineno: token.lineno, tag: token.tag, node, arg };
    }
    this.fail('expected subscript expression', token.lineno, token);
  }

  private parseSubscribed(): Expr {
    const lineno = this.stream.current.lineno;
    const tag = this.stream.current.tag;
    const args: (Expr | null)[] = [];
    if (this.type() === 'colon') {
      this.stream.next();
      args.push(null);
    } else {
      const node = this.parseExpression();
      if (this.type() !== 'colon') return node;
      this.stream.next();
      args.push(node);
    }
    if (this.type() === 'colon') args.push(null);
    else if (this.type() !== 'rbracket' && this.type() !== 'comma') args.push(this.parseExpression());
    else args.push(null);
    if (this.type() === 'colon') {
      this.stream.next();
      if (this.type() !== 'rbracket' && this.type() !== 'comma') args.push(this.parseExpression());
      else args.push(null);
    } else {
      args.push(null);
    }
    return { t: 'Slice', lineno, tag, start: args[0]!, stop: args[1]!, step: args[2]! };
  }

  private parseCallArgs(): CallArgs {
    const token = this.stream.expect('lparen');
    const args: Expr[] = [];
    const kwargs: { key: string; value: Expr }[] = [];
    let dynArgs: Expr | null = null;
    let dynKwargs: Expr | null = null;
    let requireComma = false;
    const ensure = (ok: boolean) => {
      if (!ok) this.fail('invalid syntax for function call expression', token.lineno, token);
    };
    while (this.type() !== 'rparen') {
      if (requireComma) {
        this.stream.expect('comma');
        if (this.type() === 'rparen') break;
      }
      if (this.type() === 'mul') {
        ensure(dynArgs === null && dynKwargs === null);
        this.stream.next();
        dynArgs = this.parseExpression();
      } else if (this.type() === 'pow') {
        ensure(dynKwargs === null);
        this.stream.next();
        dynKwargs = this.parseExpression();
      } else if (this.type() === 'name' && this.stream.look().type === 'assign') {
        ensure(dynKwargs === null);
        const key = this.stream.current.value;
        this.stream.skip(2);
        kwargs.push({ key, value: this.parseExpression() });
      } else {
        ensure(dynArgs === null && dynKwargs === null && kwargs.length === 0);
        args.push(this.parseExpression());
      }
      requireComma = true;
    }
    this.stream.expect('rparen');
    return { args, kwargs, dynArgs, dynKwargs };
  }

  private parseCall(node: Expr): Expr {
    const token = this.stream.current;
    return { t: 'Call', lineno: token.lineno, tag: token.tag, node, ...this.parseCallArgs() };
  }

  private parseFilter(node: Expr | null, startInline = false): Expr | null {
    while (this.type() === 'pipe' || startInline) {
      if (!startInline) this.stream.next();
      const token = this.stream.expect('name');
      let name = token.value;
      while (this.type() === 'dot') {
        this.stream.next();
        name += `.${this.stream.expect('name').value}`;
      }
      const call: CallArgs = this.type() === 'lparen' ? this.parseCallArgs() : { args: [], kwargs: [], dynArgs: null, dynKwargs: null };
      node = { t: 'Filter', lineno: token.lineno, tag: token.tag, node, name, ...call };
      startInline = false;
    }
    return node;
  }

  private parseTest(node: Expr): Expr {
    const token = this.stream.next();
    let negated = false;
    if (test(this.stream.current, 'name:not')) {
      this.stream.next();
      negated = true;
    }
    let name = this.stream.expect('name').value;
    while (this.type() === 'dot') {
      this.stream.next();
      name += `.${this.stream.expect('name').value}`;
    }
    let call: CallArgs = { args: [], kwargs: [], dynArgs: null, dynKwargs: null };
    if (this.type() === 'lparen') {
      call = this.parseCallArgs();
    } else if (
      ['name', 'string', 'integer', 'float', 'lparen', 'lbracket', 'lbrace'].includes(this.type()) &&
      !testAny(this.stream.current, 'name:else', 'name:or', 'name:and')
    ) {
      if (test(this.stream.current, 'name:is')) this.fail('You cannot chain multiple tests with is');
      const arg = this.parsePostfix(this.parsePrimary());
      call = { ...call, args: [arg] };
    }
    const result: Expr = { t: 'Test', lineno: token.lineno, tag: token.tag, node, name, ...call };
    return negated ? { t: 'UnaryExpr', lineno: token.lineno, tag: token.tag, op: 'Not', node: result } : result;
  }

  subparse(endTokens: readonly string[] | null): Stmt[] {
    const body: Stmt[] = [];
    let data: (Expr | { t: 'TemplateData'; data: string })[] = [];
    let dataAt: { lineno: number; tag: number } | undefined;
    if (endTokens !== null) this.endTokenStack.push(endTokens);
    const flush = () => {
      if (data.length > 0) body.push({ t: 'Output', lineno: dataAt!.lineno, tag: dataAt!.tag, nodes: data });
      data = [];
      dataAt = undefined;
    };
    try {
      while (this.stream.more) {
        const token = this.stream.current;
        if (token.type === 'data') {
          if (token.value) {
            dataAt ??= { lineno: token.lineno, tag: token.tag };
            data.push({ t: 'TemplateData', data: token.value });
          }
          this.stream.next();
        } else if (token.type === 'variable_begin') {
          this.stream.next();
          dataAt ??= { lineno: token.lineno, tag: token.tag };
          data.push(this.parseTuple({ withCondexpr: true }));
          this.stream.expect('variable_end');
        } else if (token.type === 'block_begin') {
          flush();
          this.stream.next();
          if (endTokens !== null && testAny(this.stream.current, ...endTokens)) return body;
          const rv = this.parseStatement();
          if (Array.isArray(rv)) body.push(...rv);
          else body.push(rv);
          this.stream.expect('block_end');
        } else {
          throw new Error('internal error: Jinja parsing error');
        }
      }
      flush();
    } finally {
      if (endTokens !== null) this.endTokenStack.pop();
    }
    return body;
  }
}

/** str.isspace() of Python: non-empty and only whitespace. */
function isSpace(text: string): boolean {
  return text.length > 0 && /^\s+$/u.test(text);
}
