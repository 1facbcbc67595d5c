import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GITLEAKS_COMMIT, GITLEAKS_RULES } from '../../../src/lint/secrets/gitleaks-rules';
import { knownSecrets } from '../../../src/lint/secrets/detect';
import { convertRegex, parseGitleaksToml } from '../../../scripts/vendor-gitleaks';

// Provenance: the table in src/lint/secrets/gitleaks-rules.ts is generated from test/lint/secrets/gitleaks.toml (the
// upstream file, committed as it was) by scripts/vendor-gitleaks.ts; these tests keep the three in step.
describe('vendored gitleaks patterns', () => {
  const toml = readFileSync(join(__dirname, 'gitleaks.toml'), 'utf8');

  it('are exactly what the vendoring script makes of the committed gitleaks.toml', () => {
    const { rules } = parseGitleaksToml(toml);
    expect(JSON.parse(JSON.stringify(GITLEAKS_RULES))).to.deep.equal(JSON.parse(JSON.stringify(rules)));
    expect(GITLEAKS_COMMIT).to.match(/^[0-9a-f]{40}$/);
    expect(GITLEAKS_RULES.length).to.be.at.least(150);
  });

  it('carry over what JavaScript can express and leave out the rest', () => {
    expect(convertRegex('(?i)abc')).to.deep.equal({ source: 'abc', flags: 'i' });
    expect(convertRegex('a(?i:b)c')).to.deep.equal({ skip: 'inline flag group' });
    expect(convertRegex('(?P<x>a)')).to.deep.equal({ skip: 'named group (?P<...>)' });
  });

  it("find the formats issue 17 lists, and allow AWS's documentation example key", () => {
    const found = (text: string) => knownSecrets(text).map((h) => h.what);
    expect(found('key = AKIA4TPIHTKGWRKL4TUG')).to.deep.equal(['an AWS access key id (gitleaks: aws-access-token)']);
    expect(found('key = AKIAIOSFODNN7EXAMPLE')).to.deep.equal([]);
    expect(found('t: xoxb-651298668416-0897324032380-9BzQeDLCDtY5q9MvFv405LJF')[0]).to.match(/Slack bot token/);
    expect(found('token: glpat-x7Rb2kPq9LmN4vTz1Wc8')[0]).to.match(/GitLab/);
    expect(found('stripe: sk_live_4eC39HqLyjWDarjtT1zdp7dc')[0]).to.match(/Stripe/);
    expect(found('no secret here: {{ var.value.token }}')).to.deep.equal([]);
  });
});
