import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES, type Code } from '../diagnostics/codes';
import type { SarifRuleInfo } from '../diagnostics/sarif';
import type { RuleCategory, RuleMeta } from './types';
import { ALL_RULE_METAS } from './rules/index';

/** docs/rules/ of this dagsmith (the package ships it): two levels up from src/lint and from dist/lint alike. */
export const RULE_DOCS_DIR = join(__dirname, '..', '..', 'docs', 'rules');

const metaByCode = new Map(ALL_RULE_METAS.map((m) => [m.code as string, m]));

/** A rule's category: its own, else by code (DS400-DS409 security, DS410-DS419 cost, DS420-DS429 reliability). */
export function categoryOf(meta: RuleMeta): RuleCategory {
  if (meta.category) return meta.category;
  const n = Number(meta.code.slice(2));
  return n < 410 ? 'security' : n < 420 ? 'cost' : n < 430 ? 'reliability' : 'fit';
}

/**
 * SARIF's view of a code. helpUri only where it resolves: `<docsUrl><code>.md` when the project says where the rule
 * pages are published (lint.docsUrl); otherwise no address, and the rule page (or the catalog's why and fix) goes
 * inline as the help text, which GitHub code scanning shows with the alert.
 */
export function ruleInfoFor(docsUrl?: string): (code: string) => SarifRuleInfo {
  return (code) => {
    const meta = metaByCode.get(code);
    if (meta) {
      const page = join(RULE_DOCS_DIR, `${code}.md`);
      const category = categoryOf(meta);
      return {
        code,
        name: meta.name,
        shortDescription: CODES[code as Code]?.title ?? meta.name,
        fullDescription: meta.description,
        defaultSeverity: meta.defaultSeverity,
        ...(docsUrl ? { helpUri: `${docsUrl}${code}.md` } : {}),
        ...(existsSync(page) ? { helpMarkdown: readFileSync(page, 'utf8') } : {}),
        tags: [category],
        precision: meta.precision ?? 'high',
        ...(category === 'security' ? { securitySeverity: meta.securitySeverity ?? (meta.defaultSeverity === 'error' ? 8 : 5) } : {}),
      };
    }
    const entry = Object.prototype.hasOwnProperty.call(CODES, code)
      ? (CODES[code as Code] as { title: string; severity: 'error' | 'warning' | 'info'; why?: string; fix?: string })
      : undefined;
    const title = entry?.title ?? code;
    const help = [entry?.why, entry?.fix ? `Fix: ${entry.fix}` : undefined].filter((x): x is string => x !== undefined).join('\n\n');
    return {
      code,
      name: title
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase(),
      shortDescription: title,
      fullDescription: help !== '' ? help : `${title} (${code}).`,
      defaultSeverity: entry?.severity ?? 'error',
      precision: 'very-high',
    };
  };
}

/** Without a published docs address: every rule's help inline. */
export const ruleInfo = ruleInfoFor();
