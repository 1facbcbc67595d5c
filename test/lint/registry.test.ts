import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../src/diagnostics/codes';
import { RULE_DOCS_DIR } from '../../src/lint/docs';
import { ALL_RULE_METAS, RULES } from '../../src/lint/rules/index';
import type { Rule } from '../../src/lint/types';

/**
 * The rules that test/lint/rules/*.test.ts hand to ruleTester, read from the files' text (`ruleTester(name, ...)` and
 * the import of `name`) without loading them: a test file loaded here would register its tests a second time (mocha
 * --parallel runs this file beside them). ruleTester itself checks that each table has valid and invalid cases.
 */
function testedRuleCodes(): Set<string> {
  const dir = join(__dirname, 'rules');
  const codes = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.test.ts'))) {
    const text = readFileSync(join(dir, f), 'utf8');
    const from = new Map<string, string>();
    for (const m of text.matchAll(/^import \{([^}]*)\} from '([^']+)';$/gm)) {
      for (const name of m[1]!.split(',').map((n) => n.trim())) if (name) from.set(name, m[2]!);
    }
    for (const m of text.matchAll(/\bruleTester\((\w+),/g)) {
      const module = from.get(m[1]!);
      expect(module, `${f}: where ${m[1]} comes from`).to.not.equal(undefined);
      const rule = (require(join(dir, module!)) as Record<string, Rule | undefined>)[m[1]!];
      expect(rule?.meta.code, `${f}: ${m[1]} is a rule`).to.be.a('string');
      codes.add(rule!.meta.code);
    }
  }
  return codes;
}

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

  it('every rule has a ruleTester table in test/lint/rules/', () => {
    const tested = testedRuleCodes();
    expect(RULES.map((r) => r.meta.code).filter((c) => !tested.has(c))).to.deep.equal([]);
  });

  it('has no doc page without a rule', () => {
    const pages = readdirSync(RULE_DOCS_DIR)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    expect(pages.sort()).to.deep.equal(ALL_RULE_METAS.map((m) => m.code));
  });
});
