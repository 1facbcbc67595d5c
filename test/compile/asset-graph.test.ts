/**
 * The project's asset graph is checked on every compile, from what each pipeline produces and is scheduled on,
 * whether the pipeline was compiled now or came from the incremental-compile cache; and only for the whole
 * project (a compile of some files cannot know what the others produce).
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { assetEdges, checkAssetGraph, type AssetNode } from '../../src/validate/asset-graph';
import { makeTemp, removeTemp } from '../helpers/cli';

const producer = (uri: string) => `version: 1
id: producer
schedule: "@daily"
startDate: 2026-01-01
steps:
  - id: land
    kind: glue.job
    job: land
    produces: ["${uri}"]
`;
const consumer = `version: 1
id: consumer
schedule: { assets: ["s3://acme-raw/events/"] }
startDate: 2026-01-01
steps:
  - id: use
    kind: glue.job
    job: use
`;

describe('asset graph across a project', () => {
  let dir = '';
  beforeEach(() => {
    dir = makeTemp('asset-graph');
    mkdirSync(join(dir, 'pipelines'));
    writeFileSync(join(dir, 'pipelines', 'consumer.yaml'), consumer);
  });
  afterEach(() => removeTemp(dir));
  const codes = (cache: boolean, files?: string[]) =>
    buildProject({ cwd: dir, cache, ...(files ? { files } : {}) }).diagnostics.map((d) => `${d.file} ${d.code}`);

  it('reports a consumed asset no pipeline produces, also when every pipeline comes from the cache', () => {
    writeFileSync(join(dir, 'pipelines', 'producer.yaml'), producer('s3://acme-raw/event/'));
    expect(codes(true)).to.deep.equal(['pipelines/consumer.yaml DS395']);
    const again = buildProject({ cwd: dir, cache: true });
    expect(again.recompiled, 'all from the cache').to.deep.equal([]);
    expect(again.diagnostics.map((d) => d.code)).to.deep.equal(['DS395']);
    expect(again.diagnostics[0]!.hint).to.equal("did you mean 's3://acme-raw/event/'?");
  });

  it('links a producer and a consumer, the URI matched as Airflow normalizes it; cached pipelines keep their assets', () => {
    writeFileSync(join(dir, 'pipelines', 'producer.yaml'), producer('s3://acme-raw/events'));
    expect(codes(true)).to.deep.equal([]);
    const cached = buildProject({ cwd: dir, cache: true });
    expect(cached.recompiled).to.deep.equal([]);
    expect(cached.diagnostics).to.deep.equal([]);
    expect(assetEdges(cached.assets)).to.deep.equal([{ from: 'producer', to: 'consumer', uri: 's3://acme-raw/events/' }]);
  });

  it('does not judge the graph when only some files are compiled', () => {
    expect(codes(false, ['pipelines/consumer.yaml'])).to.deep.equal([]);
    expect(codes(false)).to.deep.equal(['pipelines/consumer.yaml DS395']);
  });

  it('finds a cycle through a long chain without recursion, once, with its path', () => {
    const range = { line: 1, col: 1, endLine: 1, endCol: 2 };
    const n = 5000;
    const nodes: AssetNode[] = Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      file: `p${i}.yaml`,
      produces: [`s3://b/${i}/`],
      consumes: [{ uri: `s3://b/${(i + n - 1) % n}/`, range }],
    }));
    const found = checkAssetGraph(nodes, []);
    expect(found.map((d) => d.code)).to.deep.equal(['DS396']);
    expect(found[0]!.message).to.include('p0 -> (s3://b/0/) -> p1 -> (s3://b/1/) -> p2');
    expect(found[0]!.message).to.match(/p4999 -> \(s3:\/\/b\/4999\/\) -> p0$/);
  });
});
