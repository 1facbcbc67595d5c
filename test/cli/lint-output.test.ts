import { expect } from 'chai';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownText } from '../../src/diagnostics/inert';
import { stepSummaryMarkdown } from '../../src/diagnostics/step-summary';
import type { Diagnostic } from '../../src/diagnostics/types';
import { removeTemp, runCli } from '../helpers/cli';
import { parseJsonAs, type SarifLog } from '../helpers/json';
import { CLEAN, project } from '../lint/helpers';

const SCHEMA = parseJsonAs<object>(readFileSync(join(__dirname, '..', 'lint', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));

/** A pipeline with `n` Glue steps that each lack a security configuration (n DS402 warnings). */
function manyWarnings(n: number): string {
  const base = CLEAN.replace(/steps:\n[\s\S]*$/, 'steps:\n');
  let steps = '';
  for (let i = 0; i < n; i++) steps += `  - id: job_${i}\n    kind: glue.job\n    job: job-${i}\n`;
  return base + steps;
}

describe('dagsmith lint output (issue 17)', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeTemp));

  it('--format github: past 10 annotations of a kind, says how many were left out and writes all to the job summary', async () => {
    const dir = make({ 'pipelines/many.yaml': manyWarnings(12) });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['lint', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).to.equal(0);
    expect(r.err).to.equal('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning '))).to.have.length(12);
    expect(lines).to.include(
      '::notice title=dagsmith lint::2 of 12 findings are not shown as annotations (GitHub shows 10 of each kind per step); the job summary lists them all',
    );
    const md = readFileSync(summary, 'utf8');
    expect(md).to.include('| severity | code | where | message |');
    expect(md.split('\n').filter((l) => l.startsWith('| warning | DS402 |'))).to.have.length(12);
    expect(md).to.include('2 findings are only in this table');
  });

  it('--format github: 10 or fewer of each kind writes no summary', async () => {
    const dir = make({ 'pipelines/few.yaml': manyWarnings(3) });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = await runCli(['lint', '--format', 'github'], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(r.out).to.not.include('::notice title=dagsmith lint');
    expect(readFileSync(summary, 'utf8')).to.equal('');
  });

  it('the summary table escapes untrusted text: no Markdown, HTML, mentions or table breaks get through', () => {
    expect(markdownText('a|b <img src=x> **bold** [l](http://x) @team #1 `c`\nnext')).to.equal(
      'a\\|b &lt;img src\\=x&gt; \\*\\*bold\\*\\* \\[l\\]\\(http\\:\\/\\/x\\) \\@team \\#1 \\`c\\`\\\\u000anext',
    );
    const hostile: Diagnostic = { code: 'DS403', severity: 'error', message: '| x | <script>', file: 'p|q.yaml', line: 1, col: 1, path: [] };
    const md = stepSummaryMarkdown([hostile], { leftOut: 0, tool: 'dagsmith' });
    const row = md.split('\n').find((l) => l.startsWith('| error'))!;
    expect(row.split(/(?<!\\)\|/).length, 'four cells, no extra separators').to.equal(6);
    expect(row).to.not.include('<script>');
  });

  it('SARIF: security tags and severity, suppressed results with their reason, the YAML field as related location of a SQL file finding', async () => {
    const yaml = `${CLEAN}  # dagsmith-disable-next-line DS454 -- the lookup table is public by design
  - id: grants
    kind: redshift.sql
    sql: "GRANT SELECT ON lookup TO PUBLIC"
    cluster: c1
    database: dev
    dependsOn: [clean_events]
  - id: merge
    kind: redshift.sql
    sqlFile: merge.sql
    cluster: c1
    database: dev
    dependsOn: [clean_events]
`;
    const dir = make({ 'pipelines/p.yaml': yaml, 'pipelines/merge.sql': '-- merge\nGRANT SELECT ON facts TO PUBLIC;\n' });
    const r = await runCli(['lint', '--format', 'sarif'], dir);
    const sarif = parseJsonAs<SarifLog>(r.out);
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    expect(ajv.validate(SCHEMA, sarif), JSON.stringify(ajv.errors)).to.equal(true);
    const results = sarif.runs[0]!.results as unknown as {
      ruleId: string;
      suppressions?: unknown[];
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[];
    }[];
    const inFile = results.find((x) => x.ruleId === 'DS454' && !x.suppressions)!;
    expect(inFile.locations[0]!.physicalLocation.artifactLocation.uri).to.equal('pipelines/merge.sql');
    expect(inFile.locations[0]!.physicalLocation.region.startLine).to.equal(2);
    expect(inFile.relatedLocations![0]!.physicalLocation.artifactLocation.uri).to.equal('pipelines/p.yaml');
    expect(inFile.relatedLocations![0]!.physicalLocation.region.startLine, 'the sqlFile field').to.equal(30);
    expect(inFile.relatedLocations![0]!.message.text).to.equal("step 'merge' runs this SQL file");
    const silenced = results.find((x) => x.ruleId === 'DS454' && x.suppressions)!;
    expect(silenced.suppressions).to.deep.equal([{ kind: 'inSource', status: 'accepted', justification: 'the lookup table is public by design' }]);
    const rule = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'DS454')!;
    expect(rule.properties?.tags).to.deep.equal(['security', 'lint']);
    expect(rule.properties?.['security-severity']).to.equal('6.0');
    expect(rule.helpUri).to.equal(undefined);
    expect(rule.help.markdown).to.match(/^# DS454 sql-grant-public/);
    expect(sarif.runs[0]!.tool.driver.informationUri, 'no guessed address').to.equal(undefined);
  });

  it('SARIF: helpUri and informationUri from lint.docsUrl', async () => {
    const dir = make({
      'pipelines/p.yaml': CLEAN.replace('    securityConfiguration: kms-everything\n', ''),
      'dagsmith.config.yaml': 'lint:\n  docsUrl: https://docs.example.org/dagsmith/rules/\n',
    });
    const sarif = parseJsonAs<SarifLog>((await runCli(['lint', '--format', 'sarif'], dir)).out);
    expect(sarif.runs[0]!.tool.driver.rules[0]!.helpUri).to.equal('https://docs.example.org/dagsmith/rules/DS402.md');
    expect(sarif.runs[0]!.tool.driver.informationUri).to.equal('https://docs.example.org/dagsmith/rules/');
  });
});
