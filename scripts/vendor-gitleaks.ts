/**
 * Vendors gitleaks' secret patterns (config/gitleaks.toml, MIT) into src/lint/secrets/gitleaks-rules.ts, the table
 * DS403 scans pipeline and SQL files with. Run it with the file of a gitleaks checkout to update the table:
 *
 *   npx tsx scripts/vendor-gitleaks.ts path/to/gitleaks/config/gitleaks.toml COMMIT VERSION
 *
 * Kept: rules whose regular expression means the same in JavaScript (Go's RE2 syntax is mostly JavaScript's; a
 * leading `(?i)` becomes the `i` flag; rules with inline flag groups, `(?P<name>`, `\z` or POSIX classes are left
 * out and listed in the header), their entropy threshold, keywords, secret group and `regexes` allowlists.
 * Left out on purpose: `generic-api-key`, gitleaks' keyword=value heuristic (dagsmith's DS447 is that heuristic,
 * at warning, aware of pipeline context). test/lint/secrets.test.ts checks the table against the TOML file
 * committed next to it (test/lint/secrets/gitleaks.toml), so an update is one command and a reviewed diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface VendoredRule {
  readonly id: string;
  readonly description: string;
  readonly source: string;
  readonly flags: string;
  readonly secretGroup?: number;
  readonly entropy?: number;
  readonly keywords: readonly string[];
  readonly allow: readonly { readonly source: string; readonly flags: string }[];
}

const EXCLUDED = new Set(['generic-api-key']);

/** Go RE2 -> JavaScript, or a reason it cannot be carried over. */
export function convertRegex(re: string): { source: string; flags: string } | { skip: string } {
  let flags = '';
  let source = re;
  if (source.startsWith('(?i)')) {
    flags = 'i';
    source = source.slice(4);
  }
  for (const [needle, why] of [
    ['(?i', 'inline flag group'],
    ['(?-i', 'inline flag group'],
    ['(?s', 'inline flag group'],
    ['(?m', 'inline flag group'],
    ['(?P<', 'named group (?P<...>)'],
    ['\\z', '\\z'],
    ['[[:', 'POSIX class'],
    ['\\Q', '\\Q'],
  ] as const) {
    if (source.includes(needle)) return { skip: why };
  }
  try {
    new RegExp(source, flags);
  } catch (err) {
    return { skip: `not a JavaScript regular expression (${(err as Error).message})` };
  }
  return { source, flags };
}

/** The parts of gitleaks.toml the table uses: [[rules]] and their [[rules.allowlists]]. */
export function parseGitleaksToml(text: string): { rules: VendoredRule[]; skipped: { id: string; why: string }[] } {
  const rules: VendoredRule[] = [];
  const skipped: { id: string; why: string }[] = [];
  const blocks = text.split(/^\[\[rules\]\]\s*$/m).slice(1);
  for (const block of blocks) {
    const [main, ...allowBlocks] = block.split(/^\[\[rules\.allowlists\]\]\s*$/m);
    const id = /^id = "([^"]+)"/m.exec(main!)?.[1];
    if (!id) continue;
    const description = /^description = "((?:[^"\\]|\\.)*)"/m.exec(main!)?.[1] ?? id;
    const regex = /^regex = '''([\s\S]*?)'''/m.exec(main!)?.[1];
    if (EXCLUDED.has(id)) {
      skipped.push({ id, why: 'a keyword=value heuristic (DS447 covers it)' });
      continue;
    }
    if (regex === undefined) {
      skipped.push({ id, why: 'matches file paths only' });
      continue;
    }
    if (/^path = /m.test(main!)) {
      skipped.push({ id, why: 'limited to file paths dagsmith does not read' });
      continue;
    }
    const conv = convertRegex(regex);
    if ('skip' in conv) {
      skipped.push({ id, why: conv.skip });
      continue;
    }
    const entropy = /^entropy = ([\d.]+)/m.exec(main!)?.[1];
    const group = /^secretGroup = (\d+)/m.exec(main!)?.[1];
    const kwMatch = /^keywords = \[([\s\S]*?)\]/m.exec(main!);
    const keywords = kwMatch ? [...kwMatch[1]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.toLowerCase()) : [];
    const allow: { source: string; flags: string }[] = [];
    for (const a of allowBlocks) {
      // Only allowlists of the secret itself (no regexTarget, no condition), as regexes.
      if (/^(regexTarget|condition|paths|stopwords) = /m.test(a) && !/^regexes = /m.test(a)) continue;
      if (/^(regexTarget|condition) = /m.test(a)) continue;
      const list = /^regexes = \[([\s\S]*?)^\]/m.exec(a)?.[1] ?? '';
      for (const m of list.matchAll(/'''([\s\S]*?)'''/g)) {
        const c = convertRegex(m[1]!);
        if (!('skip' in c)) allow.push(c);
      }
    }
    rules.push({
      id,
      description: description.replace(/\\"/g, '"'),
      ...conv,
      ...(group !== undefined ? { secretGroup: Number(group) } : {}),
      ...(entropy !== undefined ? { entropy: Number(entropy) } : {}),
      keywords,
      allow,
    });
  }
  return { rules, skipped };
}

export function renderTable(
  rules: readonly VendoredRule[],
  skipped: readonly { id: string; why: string }[],
  commit: string,
  version: string,
): string {
  const lines = [
    '/**',
    ' * Secret patterns vendored from gitleaks (https://github.com/gitleaks/gitleaks), config/gitleaks.toml',
    ` * at ${version} (commit ${commit}), by scripts/vendor-gitleaks.ts. Do not edit: run the script again.`,
    ' *',
    ' * gitleaks is MIT licensed:',
    ' *',
    ' *   MIT License',
    ' *',
    ' *   Copyright (c) 2019 Zachary Rice',
    ' *',
    ' *   Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated',
    ' *   documentation files (the "Software"), to deal in the Software without restriction, including without limitation',
    ' *   the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and',
    ' *   to permit persons to whom the Software is furnished to do so, subject to the following conditions:',
    ' *',
    ' *   The above copyright notice and this permission notice shall be included in all copies or substantial portions',
    ' *   of the Software.',
    ' *',
    ' *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO',
    ' *   THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE',
    ' *   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF',
    ' *   CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER',
    ' *   DEALINGS IN THE SOFTWARE.',
    ' *',
    ` * ${rules.length} rules kept; ${skipped.length} left out:`,
    ...skipped.map((s) => ` *   ${s.id}: ${s.why}`),
    ' */',
    "import type { VendoredSecretRule } from './types';",
    '',
    `export const GITLEAKS_VERSION = ${JSON.stringify(version)};`,
    `export const GITLEAKS_COMMIT = ${JSON.stringify(commit)};`,
    '',
    'export const GITLEAKS_RULES: readonly VendoredSecretRule[] = [',
    ...rules.map((r) => `  ${JSON.stringify(r)},`),
    '];',
    '',
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const [toml, commit, version] = process.argv.slice(2);
  if (!toml || !commit || !version) {
    process.stderr.write('usage: npx tsx scripts/vendor-gitleaks.ts path/to/gitleaks.toml COMMIT VERSION\n');
    process.exit(2);
  }
  const text = readFileSync(toml, 'utf8');
  const { rules, skipped } = parseGitleaksToml(text);
  const root = join(__dirname, '..');
  writeFileSync(join(root, 'src', 'lint', 'secrets', 'gitleaks-rules.ts'), renderTable(rules, skipped, commit, version));
  writeFileSync(join(root, 'test', 'lint', 'secrets', 'gitleaks.toml'), text);
  process.stdout.write(`${rules.length} rules kept, ${skipped.length} left out\n`);
}
