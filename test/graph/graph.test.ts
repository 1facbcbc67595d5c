import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTemp, runCli } from '../helpers/cli';
import { project } from '../lint/helpers';

const FANIN = `version: 1
id: fanin
steps:
  - id: wait_a
    kind: s3.wait
    bucket: acme-raw
    key: a
    group: inputs
  - id: wait_b
    kind: s3.wait
    bucket: acme-raw
    key: b
    group: inputs
  - id: join
    kind: athena.query
    queryFile: sql/join.sql
    database: d
    outputLocation: "s3://acme-results/a/"
    dependsOn: [wait_a, wait_b]
    triggerRule: none_failed_min_one_success
  - id: notify
    kind: glue.job
    job: notify
    dependsOn: [join]
`;
const OTHER = `version: 1
id: other
steps:
  - id: only
    kind: glue.job
    job: j
`;

describe('dagsmith graph', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeTemp));
  const files = () => ({ 'pipelines/fanin.yaml': FANIN, 'pipelines/other.yaml': OTHER, 'pipelines/sql/join.sql': 'SELECT 1' });

  it('draws Mermaid: task groups as subgraphs, id and kind per step, dotted edges into non-default trigger rules', async () => {
    const r = await runCli(['graph', 'fanin'], make(files()));
    expect(r.code).to.equal(0);
    expect(r.out).to.equal(
      [
        'flowchart LR',
        '  subgraph g0["inputs"]',
        '    s0["<b>wait_a</b><br/>s3.wait"]',
        '    s1["<b>wait_b</b><br/>s3.wait"]',
        '  end',
        '  s2["<b>join</b><br/>athena.query<br/><i>none_failed_min_one_success</i>"]',
        '  s3["<b>notify</b><br/>glue.job"]',
        '  s0 -.-> s2',
        '  s1 -.-> s2',
        '  s2 --> s3',
        '',
      ].join('\n'),
    );
  });

  it('draws DOT with clusters, and SVG laid out by Graphviz', async () => {
    const dir = make(files());
    const dot = await runCli(['graph', 'fanin', '--format', 'dot'], dir);
    expect(dot.out).to.include('subgraph cluster_0 {\n    label="inputs";');
    expect(dot.out).to.include('"join" [label="join\\nathena.query\\n(none_failed_min_one_success)"];');
    expect(dot.out).to.include('"wait_a" -> "join" [style=dashed];\n');
    expect(dot.out).to.include('"join" -> "notify";\n');
    const svg = await runCli(['graph', 'fanin', '--format', 'svg'], dir);
    expect(svg.code).to.equal(0);
    expect(svg.out).to.match(/^<\?xml[^]*<svg [^]*<\/svg>\n$/);
    for (const id of ['wait_a', 'wait_b', 'join', 'notify', 'inputs']) expect(svg.out, id).to.include(`>${id}</text>`);
    expect((svg.out.match(/class="edge"/g) ?? []).length).to.equal(3);
  });

  it('refuses an unknown pipeline with a suggestion, and svg of several pipelines (exit 2)', async () => {
    const dir = make(files());
    const r = await runCli(['graph', 'fanim'], dir);
    expect(r.code).to.equal(2);
    expect(r.err).to.equal("error: no pipeline 'fanim' (did you mean 'fanin'?)\n");
    expect((await runCli(['graph'], dir)).code).to.equal(2);
    expect((await runCli(['graph', 'fanin', 'other', '--format', 'svg'], dir)).code).to.equal(2);
  });

  describe('--changed REF', () => {
    const git = (dir: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });

    it('draws the pipelines whose file or SQL changed since the ref, as Markdown for a PR comment', async () => {
      const dir = make({ ...files(), 'pipelines/third.yaml': OTHER.replace('id: other', 'id: third') });
      git(dir, 'init', '-q');
      git(dir, 'add', '.');
      git(dir, 'commit', '-qm', 'base');
      expect((await runCli(['graph', '--changed', 'HEAD'], dir)).out).to.equal('No pipeline changed since HEAD.\n');
      writeFileSync(join(dir, 'pipelines/sql/join.sql'), 'SELECT 2');
      writeFileSync(join(dir, 'pipelines/new.yaml'), OTHER.replace('id: other', 'id: brand_new'));
      const r = await runCli(['graph', '--changed', 'HEAD'], dir);
      expect(r.code).to.equal(0);
      expect(r.out).to.match(/^### `fanin` \(`pipelines\/fanin\.yaml`\)\n\n```mermaid\nflowchart LR\n/);
      expect(r.out).to.include('### `brand_new` (`pipelines/new.yaml`)');
      expect(r.out).to.not.include('`other`');
      expect(r.out).to.not.include('`third`');
    });

    it('refuses a ref git does not know (exit 2)', async () => {
      const dir = make(files());
      git(dir, 'init', '-q');
      const r = await runCli(['graph', '--changed', 'no-such-ref'], dir);
      expect(r.code).to.equal(2);
      expect(r.err).to.match(/^error: git diff -z --name-only .* failed: /);
    });
  });
});
