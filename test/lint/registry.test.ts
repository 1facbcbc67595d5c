import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../src/diagnostics/codes';
import { RULE_DOCS_DIR } from '../../src/lint/docs';
import { ALL_RULE_METAS, RULES } from '../../src/lint/rules/index';
import { TESTED } from './rule-tester';

// Load every rule's table so TESTED is complete even when this file runs alone.
const RULE_TESTS = join(__dirname, 'rules');
for (const f of readdirSync(RULE_TESTS).filter((n) => n.endsWith('.test.ts'))) require(join(RULE_TESTS, f));

const SECTIONS = ['## What it does', '## Why', '## Where it reports', '## Failing example', '## Passing example', '## Configure or suppress'];

describe('lint rule registry', () => {
  it('has at least 20 rules, codes DS400-DS499 in order, unique codes and names', () => {
    expect(RULES.length).to.be.at.least(20);
    const codes = ALL_RULE_METAS.map((m) => m.code);
    expect(new Set(codes).size).to.equal(codes.length);
    expect(new Set(ALL_RULE_METAS.map((m) => m.name)).size).to.equal(codes.length);
    for (const c of codes) expect(c).to.match(/^DS4\d\d$/);
    expect([...codes].sort()).to.deep.equal(codes);
    for (const m of ALL_RULE_METAS) expect(m.name, m.code).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('matches the code catalog: every DS4xx code is a rule, with the same default severity', () => {
    const catalog = Object.keys(CODES).filter((c) => c.startsWith('DS4'));
    expect(catalog).to.deep.equal(ALL_RULE_METAS.map((m) => m.code));
    for (const m of ALL_RULE_METAS) expect(CODES[m.code].severity, m.code).to.equal(m.defaultSeverity);
  });

  for (const meta of ALL_RULE_METAS) {
    it(`${meta.code} ${meta.name} has a doc page with every section`, () => {
      const page = join(RULE_DOCS_DIR, `${meta.code}.md`);
      expect(existsSync(page), `docs/rules/${meta.code}.md`).to.equal(true);
      const text = readFileSync(page, 'utf8');
      expect(text.startsWith(`# ${meta.code} ${meta.name}\n`), 'title line').to.equal(true);
      for (const s of SECTIONS) expect(text, `${meta.code}: section '${s}'`).to.include(`\n${s}\n`);
      expect(text, 'default severity').to.include(`Default severity: **${meta.defaultSeverity}**`);
    });
  }

  for (const rule of RULES) {
    it(`${rule.meta.code} ${rule.meta.name} has valid and invalid cases`, () => {
      const t = TESTED.get(rule.meta.code);
      expect(t, `test/lint/rules/ has a ruleTester table for ${rule.meta.code}`).to.not.equal(undefined);
      expect(t!.valid, 'valid cases').to.be.at.least(1);
      expect(t!.invalid, 'invalid cases').to.be.at.least(1);
    });
  }

  it('has no doc page without a rule', () => {
    const pages = readdirSync(RULE_DOCS_DIR)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(pages.sort()).to.deep.equal(ALL_RULE_METAS.map((m) => m.code));
  });
});
