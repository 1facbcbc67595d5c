import { Node, ts, type SourceFile } from 'ts-morph';
import type { JsonPath, SourceRange } from '../diagnostics/types';
import { STEP_KIND_NAMES } from '../spec/types.generated';
import type { Locator } from '../diagnostics/reporter';
import { valueAt } from '../util/json-path';

/** Where an SDK object was made, in TypeScript coordinates: the innermost call in the pipeline file, `direct` when
 * that call is the SDK call itself (then the properties of its argument can be followed). */
export interface Anchor {
  readonly line: number;
  readonly col: number;
  readonly direct: boolean;
}

/** `definePipeline` and the step builders (`glue.job`, ...): calls whose first argument the locator looks into. */
const SDK_CALLS = new Set(['definePipeline', ...STEP_KIND_NAMES]);

/**
 * JSON path -> TypeScript node. A step starts at the SDK call that made it (recorded by the SDK at run time, so
 * steps made in loops, `.map` callbacks or spread from other arrays are found too); the rest of the path is
 * followed through object and array literals (and `const` names, `as`/`satisfies`, spreads) as far as the source
 * spells it out. Where it stops — a value computed at run time, a helper call — that node is the answer.
 */
export class TsLocator implements Locator {
  constructor(
    private readonly sf: SourceFile,
    private readonly root: Anchor | undefined,
    private readonly steps: readonly (Anchor | undefined)[],
    /** The evaluated pipeline: its array lengths place elements that follow a spread. */
    private readonly data: unknown,
  ) {}

  locate(path: JsonPath, at: 'key' | 'value' = 'value'): SourceRange {
    const { node, rest } = this.start(path);
    const found = descend(node, rest, valueAt(this.data, path.slice(0, path.length - rest.length)));
    const target = at === 'key' && found.reached && found.key ? found.key : found.node;
    return nodeRange(this.sf, target.getStart(), target.getEnd());
  }

  private start(path: JsonPath): { node: Node; rest: JsonPath } {
    const index = path[0] === 'steps' ? path[1] : undefined;
    const step = typeof index === 'number' ? this.steps[index] : undefined;
    const stepCall = step && this.callAt(step);
    if (step && stepCall) {
      return step.direct ? { node: stepCall.getArguments()[0] ?? stepCall, rest: path.slice(2) } : { node: stepCall, rest: [] };
    }
    const rootCall = this.root && this.callAt(this.root);
    if (this.root && rootCall) {
      return this.root.direct ? { node: rootCall.getArguments()[0] ?? rootCall, rest: path } : { node: rootCall, rest: [] };
    }
    // No call site (not run on V8?): start from what the file default-exports.
    const exported = this.sf.getExportAssignments()[0]?.getExpression();
    return exported ? { node: exported, rest: path } : { node: this.sf, rest: [] };
  }

  /** The call whose callee is at a V8 call position (V8 points at the callee's last name: `job` in `glue.job(`). */
  private callAt(a: Anchor): (Node & { getArguments(): Node[] }) | undefined {
    const pos = this.sf.compilerNode.getPositionOfLineAndCharacter(a.line - 1, a.col - 1);
    for (let n: Node | undefined = this.sf.getDescendantAtPos(pos); n; n = n.getParent()) {
      if (Node.isCallExpression(n) || Node.isNewExpression(n)) {
        const callee = n.getExpression();
        if (callee.getStart() <= pos && pos <= callee.getEnd()) return n;
      }
    }
    return undefined;
  }
}

interface Found {
  readonly node: Node;
  readonly key?: Node;
  readonly reached: boolean;
}

function descend(start: Node, path: JsonPath, startValue: unknown): Found {
  let found: Found = { node: start, reached: true };
  let value = startValue;
  for (const segment of path) {
    const container = resolveValue(found.node);
    const child = container && childOf(container, segment, value);
    if (!child) return { node: found.node, reached: false };
    if (!child.reached) return child;
    found = child;
    value = valueAt(value, [segment]);
  }
  return found;
}

function childOf(container: Node, segment: string | number, value: unknown): Found | undefined {
  if (Node.isObjectLiteralExpression(container) && typeof segment === 'string') {
    const props = container.getProperties();
    for (let i = props.length - 1; i >= 0; i--) {
      const p = props[i]!;
      if (Node.isSpreadAssignment(p)) {
        // The property may come from this spread: look into it when the source spells it out.
        const inner = resolveValue(p.getExpression());
        const found = inner && childOf(inner, segment, value);
        if (found) return found;
        return { node: p, reached: false };
      }
      if (Node.isPropertyAssignment(p) && propertyName(p.getNameNode()) === segment) {
        return { node: p.getInitializerOrThrow(), key: p.getNameNode(), reached: true };
      }
      if (Node.isShorthandPropertyAssignment(p) && p.getName() === segment) {
        return { node: p.getNameNode(), key: p.getNameNode(), reached: true };
      }
      if ((Node.isMethodDeclaration(p) || Node.isGetAccessorDeclaration(p)) && propertyName(p.getNameNode()) === segment) {
        return { node: p, key: p.getNameNode(), reached: true };
      }
    }
    return undefined;
  }
  if (Node.isArrayLiteralExpression(container) && typeof segment === 'number') {
    const elements = container.getElements();
    const spreads = elements.flatMap((e, i) => (Node.isSpreadElement(e) ? [i] : []));
    let e: Node | undefined;
    if (spreads.length === 0 || segment < spreads[0]!) e = elements[segment];
    else if (Array.isArray(value)) {
      // After the last spread, count from the end: `[...loads, publish]` puts `publish` last however many loads.
      const fromEnd = value.length - 1 - segment;
      if (fromEnd >= 0 && fromEnd < elements.length - 1 - spreads[spreads.length - 1]!) e = elements[elements.length - 1 - fromEnd];
    }
    if (e) return { node: e, key: e, reached: true };
    const spread = spreads.length === 1 ? elements[spreads[0]!] : undefined;
    return spread ? { node: spread, reached: false } : undefined;
  }
  return undefined;
}

/** The expression that gives `node` its value, through parentheses, `as`, `satisfies`, `!`, `const` names and SDK calls. */
function resolveValue(node: Node): Node | undefined {
  let n: Node = node;
  for (let i = 0; i < 20; i++) {
    if (
      Node.isParenthesizedExpression(n) ||
      Node.isAsExpression(n) ||
      Node.isSatisfiesExpression(n) ||
      Node.isNonNullExpression(n) ||
      Node.isTypeAssertion(n)
    ) {
      n = n.getExpression();
    } else if (Node.isIdentifier(n)) {
      const next = constInitializer(n);
      if (!next) return n;
      n = next;
    } else if (Node.isCallExpression(n) && SDK_CALLS.has(n.getExpression().getText().replace(/\s+/g, '')) && n.getArguments()[0]) {
      n = n.getArguments()[0]!;
    } else {
      return n;
    }
  }
  return n;
}

function constInitializer(id: Node): Node | undefined {
  const parent = id.getParent();
  const symbol = parent && Node.isShorthandPropertyAssignment(parent) ? parent.getValueSymbol() : id.getSymbol();
  const decl = symbol?.getValueDeclaration() ?? symbol?.getDeclarations()[0];
  if (!decl || !Node.isVariableDeclaration(decl) || decl.getSourceFile() !== id.getSourceFile()) return undefined;
  if (!(ts.getCombinedNodeFlags(decl.compilerNode) & ts.NodeFlags.Const)) return undefined;
  return decl.getInitializer();
}

function propertyName(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralText();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const e = name.getExpression();
    if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralText();
  }
  return undefined;
}

export function nodeRange(sf: SourceFile, start: number, end: number): SourceRange {
  const a = sf.getLineAndColumnAtPos(start);
  const b = sf.getLineAndColumnAtPos(end);
  return { line: a.line, col: a.column, endLine: b.line, endCol: b.column };
}
