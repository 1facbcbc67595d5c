import type { PyExpr } from '../../base/python-expr';
import { ANY_INDENT, layoutLiteral, NO_INDENT, pyLiteral, writeLiteral, type LiteralLayout } from './literal';

const STEP = '    ';
/** Source width an expression written on one line may reach, indentation included. */
const WIDTH = 100;

/**
 * Renders an expression starting at `indent`: a call, list or dict stays on one line when it fits (and holds
 * nothing that spans lines), else it puts one item a line, each laid out again one level deeper.
 *
 * The expression is measured once, bottom-up, then written top-down: deciding a group's shape needs only its
 * parts' one-line widths, so no part is rendered twice (rendering each group inline first and again broken, as
 * a naive printer does, costs 2^depth).
 */
export function render(expr: PyExpr, indent = ''): string {
  return write(measure(expr), indent);
}

/**
 * An expression measured for layout: the width it takes on one line and the deepest indentation (in characters)
 * at which it is written on one line (ANY_INDENT: at any, NO_INDENT: never).
 */
type Measured = LiteralNode | NameNode | GroupNode;

interface LiteralNode {
  readonly t: 'lit';
  readonly layout: LiteralLayout;
  readonly width: number;
  readonly maxIndent: number;
}

interface NameNode {
  readonly t: 'name';
  readonly text: string;
  readonly width: number;
  readonly maxIndent: number;
}

/** A call, list or dict: `open`, its parts separated by ', ', `close`. */
interface GroupNode {
  readonly t: 'group';
  readonly open: string;
  readonly close: string;
  /** What is written before each part: `key=` for a keyword argument, `"key": ` for a dict entry. */
  readonly prefixes: readonly string[];
  readonly parts: readonly Measured[];
  readonly width: number;
  readonly maxIndent: number;
}

function measure(expr: PyExpr): Measured {
  switch (expr.t) {
    case 'lit': {
      const layout = layoutLiteral(expr.value);
      return { t: 'lit', layout, width: layout.text.length, maxIndent: layout.maxIndent };
    }
    case 'name':
      return { t: 'name', text: expr.name, width: expr.name.length, maxIndent: ANY_INDENT };
    case 'list':
      return group(
        '[',
        ']',
        expr.items.map(() => ''),
        expr.items.map(measure),
      );
    case 'dict':
      // A key is written as pyLiteral writes it at the start of a line, wherever the entry is.
      return group(
        '{',
        '}',
        expr.entries.map(([k]) => `${pyLiteral(k)}: `),
        expr.entries.map(([, v]) => measure(v)),
      );
    case 'call': {
      const prefixes: string[] = [];
      const parts: Measured[] = [];
      for (const a of expr.args) {
        prefixes.push('');
        parts.push(measure(a));
      }
      for (const [k, v] of expr.kwargs) {
        prefixes.push(`${k}=`);
        parts.push(measure(v));
      }
      return group(`${expr.callee}(`, ')', prefixes, parts);
    }
  }
}

/** On one line, a group's parts sit at the group's own indentation: each must fit there too. */
function group(open: string, close: string, prefixes: string[], parts: Measured[]): GroupNode {
  let width = open.length + close.length;
  let maxIndent = ANY_INDENT;
  for (let i = 0; i < parts.length; i++) {
    const prefix = prefixes[i]!;
    width += (i === 0 ? 0 : 2) + prefix.length + parts[i]!.width;
    // A prefix holding a line break (a dict key split into lines) keeps the group off one line.
    maxIndent = Math.min(maxIndent, parts[i]!.maxIndent, prefix.includes('\n') ? NO_INDENT : ANY_INDENT);
  }
  if (parts.length > 0) maxIndent = Math.min(maxIndent, WIDTH - width);
  return { t: 'group', open, close, prefixes, parts, width, maxIndent };
}

function write(node: Measured, indent: string): string {
  if (indent.length <= node.maxIndent) return oneLine(node);
  switch (node.t) {
    case 'lit':
      return writeLiteral(node.layout, indent);
    case 'name':
      return node.text;
    case 'group': {
      const inner = indent + STEP;
      let out = node.open;
      for (let i = 0; i < node.parts.length; i++) out += `\n${inner}${node.prefixes[i]}${write(node.parts[i]!, inner)},`;
      return `${out}\n${indent}${node.close}`;
    }
  }
}

function oneLine(node: Measured): string {
  switch (node.t) {
    case 'lit':
      return node.layout.text;
    case 'name':
      return node.text;
    case 'group': {
      let out = node.open;
      for (let i = 0; i < node.parts.length; i++) out += `${i === 0 ? '' : ', '}${node.prefixes[i]}${oneLine(node.parts[i]!)}`;
      return out + node.close;
    }
  }
}
