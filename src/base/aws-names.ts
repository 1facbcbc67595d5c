import { inertText } from '../diagnostics/inert';
import { AWS_NAME_RULES } from './aws-names.generated';

/** What an AWS API accepts for one name it takes, from the service's own model (src/gen/aws-names.ts). */
export interface AwsNameRule {
  /** e.g. "a Redshift Serverless workgroup name". */
  readonly what: string;
  /** The API member and model shape the rule comes from. */
  readonly api: string;
  readonly min?: number;
  readonly max?: number;
  /** The whole value must match it. */
  readonly pattern?: RegExp;
  /** The rule in words, for messages. */
  readonly rule: string;
}

export type AwsNameKind = keyof typeof AWS_NAME_RULES;

export { AWS_NAME_RULES };

/**
 * Why AWS would refuse `value` as this kind of name, or undefined when it would take it. Callers leave out values
 * with Jinja (rendered at run time); `${variables}` are resolved before checks run.
 */
export function awsNameError(kind: AwsNameKind, value: string): string | undefined {
  const r: AwsNameRule = AWS_NAME_RULES[kind];
  // Lengths in characters as AWS counts them (code points), not UTF-16 units.
  const length = codePointLength(value);
  if ((r.min !== undefined && length < r.min) || (r.max !== undefined && length > r.max)) {
    return `'${inertText(value)}' is not ${r.what}: ${r.rule} (it has ${length})`;
  }
  // The value is printed with control characters escaped: it is the user's text, and a line break is a likely offender.
  if (r.pattern && !r.pattern.test(value)) return `'${inertText(value)}' is not ${r.what}: ${r.rule}`;
  return undefined;
}

/**
 * The number of code points of `text`, as `[...text].length` counts them (a surrogate pair is one, a lone surrogate
 * one), without making the array: asked for every name of every step.
 */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
