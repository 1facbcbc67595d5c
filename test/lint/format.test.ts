import { expect } from 'chai';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatReport } from '../../src/diagnostics/format';
import { escapeData, escapeProperty, formatGithub } from '../../src/diagnostics/github';
import type { Diagnostic } from '../../src/diagnostics/types';
import { ruleInfo, ruleInfoFor } from '../../src/lint/docs';
import { parseJsonAs, readJsonAs, type SarifLog, type SarifResult } from '../helpers/json';

const SCHEMA = readJsonAs<Record<string, unknown>>(join(__dirname, 'sarif', 'sarif-schema-2.1.0.json'));

const diags: Diagnostic[] = [
  {
    code: 'DS402',
    severity: 'warning',
    message: "Glue job 'x' runs without a securityConfiguration",
    file: 'pipelines/a b.yaml',
    line: 6,
    col: 10,
    endLine: 6,
    endCol: 22,
    path: ['steps', 0, 'job'],
    hint: 'set it',
  },
  {
    code: 'DS403',
    severity: 'error',
    message: 'holds a secret',
    file: 'pipelines/a b.yaml',
    line: 9,
    col: 15,
    endLine: 10,
    endCol: 3,
    path: ['steps', 0, 'arguments', '--k'],
  },
  {
    code: 'DS201',
    severity: 'error',
    message: "missing required property 'job'",
    file: 'pipelines/c.ts',
    line: 3,
    col: 5,
    endLine: 3,
    endCol: 9,
    path: ['steps', 0],
  },
  { code: 'DS432', severity: 'info', message: 'no description', file: 'pipelines/c.ts', line: 1, col: 1, path: [] },
];

const opts = (repoPrefix = '') => ({ toolVersion: '0.1.0', repoPrefix, ruleInfo });

describe('lint output formats', () => {
  it('stylish: file:line:col: severity CODE: message, sorted', () => {
    expect(formatReport(diags, 'stylish', opts()).split('\n')).to.deep.equal([
      "pipelines/a b.yaml:6:10: warning DS402: Glue job 'x' runs without a securityConfiguration (set it)",
      'pipelines/a b.yaml:9:15: error DS403: holds a secret',
      'pipelines/c.ts:1:1: info DS432: no description',
      "pipelines/c.ts:3:5: error DS201: missing required property 'job'",
    ]);
  });

  it('json: the diagnostic shape', () => {
    const parsed = parseJsonAs<Diagnostic[]>(formatReport(diags, 'json', opts()));
    expect(parsed[0]).to.deep.equal({
      code: 'DS402',
      severity: 'warning',
      message: "Glue job 'x' runs without a securityConfiguration",
      file: 'pipelines/a b.yaml',
      line: 6,
      col: 10,
      endLine: 6,
      endCol: 22,
      path: ['steps', 0, 'job'],
      hint: 'set it',
    });
  });

  describe('SARIF', () => {
    const sarif = parseJsonAs<SarifLog>(formatReport(diags, 'sarif', opts('data/')));
    const run = sarif.runs[0]!;

    it('validates against the SARIF 2.1.0 JSON Schema', () => {
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(SCHEMA);
      expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).to.equal(true);
      expect(sarif.version).to.equal('2.1.0');
    });

    it('describes every rule as GitHub code scanning reads it', () => {
      expect(run.tool.driver.rules.map((r) => r.id)).to.deep.equal(['DS201', 'DS402', 'DS403', 'DS432']);
      const ds402 = run.tool.driver.rules[1]!;
      expect(ds402.shortDescription.text).to.equal('Glue job without a security configuration');
      expect(ds402.fullDescription.text).to.match(/securityConfiguration/);
      // No published docs address configured: no helpUri (a guessed one would not resolve); the page goes inline.
      expect(ds402.helpUri).to.equal(undefined);
      expect(ds402.properties?.tags).to.deep.equal(['security', 'lint']);
      expect(ds402.properties?.['security-severity']).to.match(/^\d+\.\d$/);
      expect(ds402.properties?.precision).to.equal('high');
      const withDocs = parseJsonAs<SarifLog>(
        formatReport(diags, 'sarif', { ...opts(), ruleInfo: ruleInfoFor('https://docs.example.org/dagsmith/rules/') }),
      );
      expect(withDocs.runs[0]!.tool.driver.rules[1]!.helpUri).to.equal('https://docs.example.org/dagsmith/rules/DS402.md');
      expect(ds402.help.markdown).to.match(/^# DS402 glue-security-configuration/);
      expect(ds402.defaultConfiguration.level).to.equal('warning');
      expect(run.tool.driver.rules[2]!.defaultConfiguration.level).to.equal('error');
    });

    it('gives repo-relative URIs with a base id, regions, levels and fingerprints', () => {
      const [first, second, third] = run.results as [SarifResult, SarifResult, SarifResult];
      expect(first.ruleId).to.equal('DS402');
      expect(first.ruleIndex).to.equal(1);
      expect(first.level).to.equal('warning');
      expect(first.message.text).to.equal("Glue job 'x' runs without a securityConfiguration (set it)");
      expect(first.locations[0]!.physicalLocation).to.deep.equal({
        artifactLocation: { uri: 'data/pipelines/a%20b.yaml', uriBaseId: '%SRCROOT%' },
        region: { startLine: 6, startColumn: 10, endLine: 6, endColumn: 22 },
      });
      expect(second.level).to.equal('error');
      expect(third.level).to.equal('note');
      const fps = run.results.map((r) => r.partialFingerprints['dagsmithFinding/v1']);
      expect(new Set(fps).size).to.equal(fps.length);
    });

    it("keeps a finding's fingerprint when lines move", () => {
      const moved = diags.map((d) => ({ ...d, line: d.line + 5, endLine: (d.endLine ?? d.line) + 5 }));
      const fp = (s: string) => parseJsonAs<SarifLog>(s).runs[0]!.results.map((r) => r.partialFingerprints);
      expect(fp(formatReport(moved, 'sarif', opts()))).to.deep.equal(fp(formatReport(diags, 'sarif', opts())));
    });

    it('is valid with no findings at all', () => {
      const empty = parseJsonAs<SarifLog>(formatReport([], 'sarif', opts()));
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      expect(ajv.validate(SCHEMA, empty)).to.equal(true);
      expect(empty.runs[0]!.results).to.deep.equal([]);
    });
  });

  describe('GitHub workflow commands', () => {
    it('escapes %, CR and LF in messages, and also : and , in properties', () => {
      expect(escapeData('100% done\r\nnext')).to.equal('100%25 done%0D%0Anext');
      expect(escapeProperty('a:b,c%\n')).to.equal('a%3Ab%2Cc%25%0A');
    });

    it('writes one annotation per finding, errors first, with repo-relative files', () => {
      const out = formatReport(diags, 'github', opts('data/')).split('\n');
      expect(out[0]).to.equal(
        '::error file=data/pipelines/a b.yaml,line=9,col=15,endLine=10,title=DS403 secret written in a pipeline::DS403: holds a secret',
      );
      expect(out[1]).to.match(/^::error file=data\/pipelines\/c\.ts,line=3,col=5,.*DS201/);
      expect(out[2]).to.equal(
        "::warning file=data/pipelines/a b.yaml,line=6,col=10,endColumn=22,title=DS402 Glue job without a security configuration::DS402: Glue job 'x' runs without a securityConfiguration (set it)",
      );
      expect(out[3]).to.match(/^::notice file=data\/pipelines\/c\.ts,line=1,col=1,title=DS432 /);
    });

    it('escapes hostile file names and messages (a line break is shown, not kept: output carries no control characters)', () => {
      const hostile: Diagnostic = { code: 'DS403', severity: 'error', message: 'a\nb::c %', file: 'p,q:r.yaml', line: 1, col: 2, path: [] };
      expect(formatGithub([hostile], () => 'x, y: z')).to.equal(
        '::error file=p%2Cq%3Ar.yaml,line=1,col=2,title=DS403 x%2C y%3A z::DS403: a\\u000ab::c %25',
      );
    });
  });
});
