import { expect } from 'chai';
import { removeTemp, runCli } from '../helpers/cli';
import { parseJsonAs, type SarifLog } from '../helpers/json';
import { CLEAN, project } from '../lint/helpers';

describe('dagsmith lint (CLI)', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeTemp));
  const warnOnly = () => make({ 'pipelines/clean.yaml': CLEAN.replace('    securityConfiguration: kms-everything\n', '') });

  it('exits 0 and says so when there is nothing to report', async () => {
    const r = await runCli(['lint'], make({ 'pipelines/clean.yaml': CLEAN }));
    expect(r).to.deep.equal({ code: 0, out: '1 pipeline file: no lint findings\n', err: '' });
  });

  it('exits 0 on warnings, prints them and a summary', async () => {
    const r = await runCli(['lint'], warnOnly());
    expect(r.code).to.equal(0);
    expect(r.err, 'stderr is for failures of dagsmith itself').to.equal('');
    expect(r.out).to.equal(
      "pipelines/clean.yaml:19:10: warning DS402: Glue job 'clean-events' runs without a securityConfiguration: its S3 output, CloudWatch logs and job bookmarks are not encrypted with KMS by Glue (set 'securityConfiguration' to a Glue security configuration with SSE-KMS)\n0 errors, 1 warning\n",
    );
  });

  it('--max-warnings: exits 1 past the limit, as ESLint does', async () => {
    const dir = warnOnly();
    expect((await runCli(['lint', '--max-warnings', '1'], dir)).code).to.equal(0);
    const r = await runCli(['lint', '--max-warnings', '0'], dir);
    expect(r.code).to.equal(1);
    expect(r.out).to.match(/dagsmith lint: 1 warning, more than --max-warnings 0\n$/);
    expect((await runCli(['lint', '--max-warnings', 'x'], dir)).code).to.equal(2);
  });

  it('exits 1 on an error-level finding', async () => {
    const r = await runCli(
      ['lint'],
      make({ 'pipelines/clean.yaml': CLEAN.replace('job: clean-events', 'job: clean-events\n    arguments: { "--k": "AKIA4TPIHTKGWRKL4TUG" }') }),
    );
    expect(r.code).to.equal(1);
    expect(r.out).to.include('error DS403');
  });

  it('prints json, sarif and github to stdout', async () => {
    const dir = warnOnly();
    const json = await runCli(['lint', '--format', 'json'], dir);
    expect(parseJsonAs<{ code: string }[]>(json.out).map((d) => d.code)).to.deep.equal(['DS402']);
    const sarif = await runCli(['lint', '--format', 'sarif'], dir);
    expect(parseJsonAs<SarifLog>(sarif.out).runs[0]!.results[0]!.ruleId).to.equal('DS402');
    const gh = await runCli(['lint', '--format', 'github'], dir);
    expect(gh.out).to.match(
      /^::warning file=pipelines\/clean\.yaml,line=19,col=10,endColumn=22,title=DS402 Glue job without a security configuration::DS402: /,
    );
    expect([json.err, sarif.err, gh.err]).to.deep.equal(['', '', '']);
  });

  it('refuses an unknown format (exit 2)', async () => {
    expect((await runCli(['lint', '--format', 'xml'], warnOnly())).code).to.equal(2);
  });
});
