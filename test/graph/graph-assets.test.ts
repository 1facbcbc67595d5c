import { expect } from 'chai';
import { removeTemp, runCli } from '../helpers/cli';
import { project } from '../lint/helpers';

const LANDING = `version: 1
id: landing
schedule: "@hourly"
startDate: 2026-01-01
steps:
  - id: land
    kind: glue.job
    job: land
    produces: ["s3://\${bucket}/events/"]
`;
const FEATURES = `version: 1
id: features
schedule:
  assets: { anyOf: ["s3://\${bucket}/events", "s3://acme-partner/drops/"] }
startDate: 2026-01-01
steps:
  - id: build
    kind: glue.job
    job: build
`;
const ALONE = `version: 1
id: alone
steps:
  - id: only
    kind: glue.job
    job: j
`;
const CONFIG = `vars: { bucket: acme-raw }
externalAssets: ["s3://acme-partner/drops/"]
`;

describe('dagsmith graph --assets', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  const make = (files: Record<string, string>) => {
    const d = project(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach(removeTemp));
  const files = () => ({
    'dagsmith.config.yaml': CONFIG,
    'pipelines/landing.yaml': LANDING,
    'pipelines/features.yaml': FEATURES,
    'pipelines/alone.yaml': ALONE,
  });

  it('draws the pipelines linked by assets in Mermaid: one node per asset as Airflow normalizes it, external ones marked', async () => {
    const r = await runCli(['graph', '--assets'], make(files()));
    expect(r.err).to.equal('');
    expect(r.code).to.equal(0);
    expect(r.out).to.equal(
      [
        'flowchart LR',
        '  p0["<b>features</b>"]',
        '  p1["<b>landing</b>"]',
        '  a0(["s3://acme-raw/events/"])',
        '  a1(["s3://acme-partner/drops/<br/><i>external</i>"])',
        '  p1 --> a0',
        '  a0 --> p0',
        '  a1 --> p0',
        '',
      ].join('\n'),
    );
  });

  it('draws DOT and SVG (Graphviz), marks an asset nothing produces, and reports it as an error (exit 1)', async () => {
    const dir = make({ ...files(), 'dagsmith.config.yaml': 'vars: { bucket: acme-raw }\n' });
    const dot = await runCli(['graph', '--assets', '--format', 'dot'], dir);
    expect(dot.code).to.equal(1);
    expect(dot.err).to.include('DS395');
    expect(dot.out).to.include(
      '"a:s3://acme-partner/drops" [label="s3://acme-partner/drops/\\n(not produced in the project)", shape=box, style="rounded,dashed"',
    );
    expect(dot.out).to.include('"p:landing" -> "a:s3://acme-raw/events";\n');
    expect(dot.out).to.include('"a:s3://acme-raw/events" -> "p:features";\n');
    const svg = await runCli(['graph', '--assets', '--format', 'svg'], dir);
    expect(svg.out).to.match(/^<\?xml[^]*<svg [^]*<\/svg>\n$/);
    // Graphviz writes '-' as &#45;.
    for (const text of ['landing', 'features', 's3://acme&#45;raw/events/']) expect(svg.out, text).to.include(`>${text}</text>`);
    expect((svg.out.match(/class="edge"/g) ?? []).length).to.equal(3);
  });

  it('draws the whole project only: an id or --changed with --assets is a usage error (exit 2)', async () => {
    const dir = make(files());
    const r = await runCli(['graph', 'landing', '--assets'], dir);
    expect(r.code).to.equal(2);
    expect(r.err).to.include('--assets draws the whole project');
  });

  it('says so when no pipeline produces or consumes an asset', async () => {
    const r = await runCli(['graph', '--assets'], make({ 'pipelines/alone.yaml': ALONE }));
    expect(r.code).to.equal(0);
    expect(r.out).to.equal('No pipeline produces or is scheduled on an asset.\n');
  });
});
