/**
 * The template checks parse a template's skeleton (its `{{ }}` expressions alone, src/validate/template-skeleton.ts)
 * instead of its whole text when the text around the expressions cannot matter, and move the findings back to the
 * text's offsets. Differential: for every template here, what the checks see through the skeleton is exactly what
 * parsing the whole text gives (names, filters, tests, macros and params used, in order, at the same offsets; names
 * stored and guarded; or the same syntax error).
 */
import { expect } from 'chai';
import { templateSkeleton } from '../../src/validate/template-skeleton';
import { analysedTemplate, analysedText } from '../../src/validate/templates';
import { JINJA_CORPUS, mutants, randomTemplates } from '../base/jinja-corpus';
import { makeRng as random } from '../load/yaml-generator';

type Analysis = ReturnType<typeof analysedText>;

function plain(a: Analysis): unknown {
  if ('error' in a) return { error: a.error.message, lineno: a.error.lineno, offset: a.error.offset, kind: a.error.kind };
  return { uses: a.uses.map((u) => ({ ...u, tag: undefined })), stored: [...a.stored], guarded: [...a.guarded], offsets: a.offsets };
}

/** Text that may sit around expressions: plain paths and SQL, and the characters that end or open things elsewhere. */
const DATA = ['', 's3://bucket/raw/', "SELECT * FROM t WHERE dt = '", "'", '"', '}', '}}', ')', ']', '%}', '#}', '\n', '\n\n', ' ', 'é', '-', '$'];
/** Expressions as pipelines write them, and broken ones. */
const EXPRESSIONS = [
  '{{ ds }}',
  '{{ds}}',
  '{{- ds -}}',
  '{{+ ds }}',
  '{{ ds_nodash }}',
  '{{ dss }}',
  '{{ macros.ds_add(ds, -1) }}',
  "{{ macros.ds_format(ds, '%Y-%m-%d', '%Y%m%d') }}",
  "{{ params.mode | default('full') }}",
  '{{ params["mode"] }}',
  '{{ x is defined and x }}',
  '{{ x | nofilter }}',
  '{{ x is notatest }}',
  '{{ macros.nomacro(ds) }}',
  "{{ '}}' ~ ds }}",
  '{{ "a\\"}}" }}',
  '{{ {"a": ds}["a"] }}',
  '{{ [ds, ts][0] }}',
  '{{ (ds) }}',
  '{{ f(x }} y) }}',
  '{{ ds }',
  '{{ ds',
  '{{ (ds }}',
  '{{ ds) }}',
  "{{ 'open }}",
  '{{ $ }}',
  '{{ a.b.c | upper | lower }}',
  '{{ ti.xcom_pull(task_ids="a")[0] }}',
];

function composed(n: number, seed: number): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = pick(DATA);
    const k = 1 + Math.floor(rnd() * 4);
    for (let j = 0; j < k; j++) t += pick(EXPRESSIONS) + pick(DATA) + (rnd() < 0.3 ? pick(DATA) : '');
    out.push(t);
  }
  return out;
}

describe('validate/template-skeleton: templates checked through their skeleton', () => {
  it('finds the expressions as Jinja does, and declines text around them that could matter', () => {
    expect(templateSkeleton('raw/{{ ds }}/x/{{ ts }}')).to.deep.equal({ text: '{{ ds }}{{ ts }}', starts: [4, 0, 15, 8] });
    expect(templateSkeleton("{{ '}}' ~ ds }}!")).to.deep.equal({ text: "{{ '}}' ~ ds }}", starts: [0, 0] });
    expect(templateSkeleton('{{ f(x) ~ [1][0] }}!')).to.deep.equal({ text: '{{ f(x) ~ [1][0] }}', starts: [0, 0] });
    expect(templateSkeleton('no template')).to.deep.equal({ text: '', starts: [] });
    for (const declined of [
      'a {% if x %}{% endif %}',
      '{# c #}',
      'a { b {{ ds }}',
      'a\r\n{{ ds }}',
      '{{ ds }',
      "{{ 'x }}",
      '{{ ds) }}',
      '{{ f(x }} y) }}',
    ]) {
      expect(templateSkeleton(declined), declined).to.equal(undefined);
    }
  });

  it('gives exactly what parsing the whole text gives, on every Jinja version Airflow ships', () => {
    const texts = [...JINJA_CORPUS, ...mutants(JINJA_CORPUS, 20), ...randomTemplates(3000), ...composed(6000, 11)];
    let throughSkeleton = 0;
    for (const jinja2 of ['3.1.4', '3.1.6']) {
      for (const text of texts) {
        const whole = analysedText(text, jinja2);
        expect(plain(analysedTemplate(text, jinja2)), JSON.stringify(text)).to.deep.equal(plain(whole));
        const skeleton = templateSkeleton(text);
        if (skeleton && skeleton.text !== text && !('error' in analysedText(skeleton.text, jinja2))) throughSkeleton++;
      }
    }
    // The fast path is taken often enough for the comparison to mean something.
    expect(throughSkeleton).to.be.greaterThan(4000);
  });
});
