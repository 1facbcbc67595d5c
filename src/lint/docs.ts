import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, type Code } from '../diagnostics/codes';
import type { SarifRuleInfo } from '../diagnostics/sarif';
import { ALL_RULE_METAS } from './rules/index';

/** Where the rule pages are published: docs/rules/<code>.md of the dagsmith repository. */
export const RULE_DOCS_BASE = 'https://github.com/dagsmith/dagsmith/blob/main/docs/rules/';
/** The catalog of every diagnostic code (load, schema, semantics, emit, sync). */
export const DIAGNOSTICS_DOC = 'https://github.com/dagsmith/dagsmith/blob/main/docs/diagnostics.md';

/** docs/rules/ of this dagsmith (the package ships it): two levels up from src/lint and from dist/lint alike. */
export const RULE_DOCS_DIR = join(__dirname, '..', '..', 'docs', 'rules');

export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}${code}.md`;
}

const metaByCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));

/** SARIF's view of a code: lint rules with their doc page, other codes with the catalog's title. */
export function ruleInfo(code: string): SarifRuleInfo {
  const meta = metaByCode.get(code);
  if (meta) {
    const page = join(RULE_DOCS_DIR, `${code}.md`);
    return {
      code,
      name: meta.name,
      shortDescription: CODES[code as Code]?.title ?? meta.name,
      fullDescription: meta.description,
      defaultSeverity: meta.defaultSeverity,
      helpUri: ruleDocsUrl(code),
      ...(existsSync(page) ? { helpMarkdown: readFileSync(page, 'utf8') } : {}),
    };
  }
  const entry = Object.prototype.hasOwnProperty.call(CODES, code) ? CODES[code as Code] : undefined;
  const title = entry?.title ?? code;
  return {
    code,
    name: title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase(),
    shortDescription: title,
    fullDescription: `${title} (${code}).`,
    defaultSeverity: entry?.severity ?? 'error',
    helpUri: `${DIAGNOSTICS_DOC}#${code.toLowerCase()}`,
  };
}
