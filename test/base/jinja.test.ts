/**
 * src/base/jinja/ (the TypeScript port of Jinja's lexer and parser) against the real jinja2 in each Airflow
 * virtualenv: a corpus (test/base/jinja-corpus.ts) and generated mutants of it, template by template: accepted or
 * not, and for an error, the same message and line number.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateSyntaxError } from '../../src/base/jinja/lexer';
import { parseTemplate } from '../../src/base/jinja/parser';
import { templateTable } from '../../src/base/airflow-templates';
import { AIRFLOW_VERSIONS, airflowPython, HARNESS, parseHarnessJson, runProcess } from '../airflow/harness';
import { JINJA_CORPUS, mutants, randomTemplates } from './jinja-corpus';

type Outcome = { ok: true } | { error: string; message: string; lineno: number };

function ours(text: string, jinja2?: string): Outcome {
  try {
    parseTemplate(text, jinja2 ? { jinja2 } : {});
    return { ok: true };
  } catch (err) {
    if (!(err instanceof TemplateSyntaxError)) throw err;
    return { error: err.kind, message: err.message, lineno: err.lineno };
  }
}

describe('src/base/jinja: the port of Jinja2 lexer and parser', () => {
  it('accepts what pipelines hold and refuses broken tags, at the offending tag', () => {
    expect(ours('events/{{ ds }}/_SUCCESS')).to.deep.equal({ ok: true });
    expect(ours('raw/dt={{ ds }/_SUCCESS')).to.deep.equal({ error: 'TemplateSyntaxError', message: "unexpected '}'", lineno: 1 });
    const at = (text: string) => {
      try {
        parseTemplate(text);
        return -1;
      } catch (err) {
        return (err as TemplateSyntaxError).offset;
      }
    };
    expect(at('raw/dt={{ ds }/_SUCCESS')).to.equal('raw/dt='.length);
    expect(at('a {{ x }} b {% if y %} c')).to.equal('a {{ x }} b '.length);
    expect(at('x\r\ny {% foo %}')).to.equal('x\r\ny '.length);
    expect(at('{{ a }}{{ b | }}')).to.equal('{{ a }}'.length);
  });

  it('generates the same mutants every run', () => {
    expect(mutants(['{{ ds }}'], 3)).to.deep.equal(mutants(['{{ ds }}'], 3));
  });
});

describe('src/base/jinja against jinja2 @airflow', function () {
  this.timeout(600_000);
  const templates = [...JINJA_CORPUS, ...mutants(JINJA_CORPUS, 25), ...randomTemplates(5000)];
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dagsmith-jinja-'));
    writeFileSync(join(dir, 'templates.json'), JSON.stringify(templates));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const version of AIRFLOW_VERSIONS) {
    it(`gives Airflow ${version}'s jinja2 outcome for ${JINJA_CORPUS.length} corpus templates, their mutants and random ones`, async () => {
      const res = await runProcess(airflowPython(version), [join(HARNESS, 'jinja_parse.py'), join(dir, 'templates.json')], { timeoutMs: 300_000 });
      const theirs = parseHarnessJson<Outcome[]>(`jinja_parse.py (Airflow ${version})`, res);
      expect(theirs.length).to.equal(templates.length);
      const differ = templates.flatMap((t, i) => {
        const mine = ours(t, templateTable(version).jinja2);
        return JSON.stringify(mine) === JSON.stringify(theirs[i]) ? [] : [{ template: t, jinja2: theirs[i], ours: mine }];
      });
      expect(differ.slice(0, 10), `${differ.length} of ${templates.length} templates differ`).to.deep.equal([]);
      const errors = theirs.filter((o) => 'error' in o).length;
      // The mutants reach the error paths: a good share fails, a good share parses.
      expect(errors).to.be.within(templates.length * 0.2, templates.length * 0.9);
    });
  }
});
