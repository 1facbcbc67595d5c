/**
 * Templates checked at compile time (src/validate/templates.ts): positions inside values and SQL files (after
 * `${name}` substitution, where the resolved text is longer or shorter than the written one), what counts as a known
 * name, and that the checks follow the target.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProject } from '../../src/compile/project';
import { makeTemp, removeTemp } from '../helpers/cli';

describe('validate/templates', () => {
  let dir = '';
  beforeEach(() => {
    dir = makeTemp('templates');
    mkdirSync(join(dir, 'pipelines', 'sql'), { recursive: true });
    writeFileSync(join(dir, 'dagsmith.config.yaml'), 'vars: { bucket: a-rather-long-bucket-name, db: x }\n');
  });
  afterEach(() => removeTemp(dir));

  const check = (yaml: string, sql?: string, airflow = '2.10.3') => {
    writeFileSync(join(dir, 'pipelines', 'p.yaml'), yaml);
    if (sql !== undefined) writeFileSync(join(dir, 'pipelines', 'sql', 'q.sql'), sql);
    return buildProject({ cwd: dir, airflow }).diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`);
  };
  const athena = (query: string) =>
    `version: 1\nid: p\nsteps:\n  - id: q\n    kind: athena.query\n    database: db\n    outputLocation: "s3://results-bucket/"\n    ${query}\n`;

  it('points into a SQL file at the offending tag, counting columns in the file as written (before ${name} is resolved)', () => {
    const got = check(athena('queryFile: sql/q.sql'), "SELECT 1\nFROM ${db}.t WHERE b = '${bucket}' AND dt = '{{ dss }}'\n");
    expect(got).to.deep.equal(["pipelines/sql/q.sql:2:46 DS341 'dss' is not in the template context on Airflow 2.10.3"]);
  });

  it('points inside a YAML value after a ${name} it resolves', () => {
    const got = check(athena(`query: "SELECT '\${bucket}', '{{ ds }' AS x"`));
    expect(got).to.deep.equal(["pipelines/p.yaml:8:34 DS340 Jinja syntax error: unexpected '}'"]);
  });

  it('knows names the template itself sets, loops, macros with their arguments, and Jinja globals', () => {
    const sql = [
      '{% set day = macros.ds_add(ds, -1) %}{% set a, b = 1, 2 %}',
      '{% macro part(d, n=1) %}{{ d }}/{{ n }}/{{ varargs }}{% endmacro %}',
      '{% for i in range(a + b) %}{{ loop.index }} {{ part(day, i) }}{% endfor %}',
      "{% with w = dict(x=1) %}{{ w.x | string }}{% endwith %}{{ namespace(c=0).c }}{{ cycler('a', 'b').next() }}",
      "{% if maybe is defined %}{{ maybe }}{% endif %}{{ optional | default('') }}",
      'SELECT 1',
    ].join('\n');
    expect(check(athena('queryFile: sql/q.sql'), sql)).to.deep.equal([]);
  });

  it("follows the target: Airflow 3's context lost triggering_dataset_events, Airflow 2's has no triggering_asset_events", () => {
    const yaml = athena('query: "SELECT \'{{ triggering_asset_events }}\'"');
    expect(check(yaml, undefined, '3.0.6')).to.deep.equal([]);
    expect(check(yaml, undefined, '2.10.3')).to.deep.equal([
      "pipelines/p.yaml:8:21 DS341 'triggering_asset_events' is not in the template context on Airflow 2.10.3",
    ]);
  });

  it('reports each unknown name once per template, and nothing for a template-free string', () => {
    const got = check(athena(`query: "SELECT '{{ nope }}', '{{ nope }}', 'a { b } c'"`));
    expect(got).to.deep.equal(["pipelines/p.yaml:8:21 DS341 'nope' is not in the template context on Airflow 2.10.3"]);
  });
});
