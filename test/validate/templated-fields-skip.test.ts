import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { templateTable } from '../../src/base/airflow-templates';
import type { PyExpr } from '../../src/base/python-expr';
import { checkSpec, siblingReader } from '../../src/compile/unit';
import { Reporter } from '../../src/diagnostics/reporter';
import type { JsonPath } from '../../src/diagnostics/types';
import type { PipelineIR } from '../../src/ir/types';
import { normalize } from '../../src/ir/normalize';
import { loadSpecFiles } from '../../src/load/index';
import { kindOf } from '../../src/steps/index';
import { airflowClassOn, type EmitContext } from '../../src/steps/types';
import { resolveTarget, TARGET_VERSIONS, type AirflowTarget } from '../../src/targets';
import { isRecord } from '../../src/util/is-record';
import { checkTemplatedFields } from '../../src/validate/templated-fields';
import { forEachTemplateString, looksLikeTemplate } from '../../src/validate/templates';
import { makeRng as random } from '../load/yaml-generator';

const FIXTURES = join(__dirname, '..', 'fixtures');

/**
 * DS345 as it was before a step whose unrendered arguments hold no template was passed over at once: every value
 * looked for in every argument. The check must report exactly what this reports.
 */
function referenceCheck(ir: PipelineIR, data: unknown, target: AirflowTarget, reporter: Reporter): void {
  const steps = isRecord(data) && Array.isArray(data.steps) ? data.steps : [];
  const table = templateTable(target.version);
  const ctx: EmitContext = { target, taskIdOf: (id) => new Map(ir.steps.map((s) => [s.id, s.taskId])).get(id) ?? id };
  ir.steps.forEach((step, index) => {
    if (step.kind === 'airflow.operator') return;
    const kind = kindOf(step.kind);
    const cls = airflowClassOn(kind, step.fields as never, target);
    const key = `${cls.module}.${cls.name}`;
    const fields = (Object.hasOwn(table.templatedArgs, key) ? table.templatedArgs[key] : undefined) ?? undefined;
    if (!fields) return;
    const fileFields: readonly string[] = kind.fileFields ?? [];
    const values: string[] = [];
    const paths: JsonPath[] = [];
    forEachTemplateString(steps[index], ['steps', index], (text, path) => {
      if (!fileFields.includes(String(path[2]))) {
        values.push(text);
        paths.push([...path]);
      }
    });
    if (values.length === 0) return;
    const perItem = step.forEach?.args ?? [];
    const prefixes = perItem.filter((a) => looksLikeTemplate(a.prefix));
    const emitted = kind.emit(step.fields, step, ctx);
    values.forEach((text, k) => {
      const inPrefix = prefixes.filter((a) => text.includes(a.prefix)).map((a) => a.arg);
      if (inPrefix.length > 0) {
        reporter.report(
          'DS345',
          paths[k]!,
          `the fanned-out ${cls.name} gets ${inPrefix.map((a) => `'${a}'`).join(', ')} per item, which Airflow does not render: this Jinja reaches AWS as written`,
          { hint: 'list the objects under a prefix without Jinja, or name the copies after their source key alone' },
        );
        return;
      }
      let args: string[] | undefined;
      for (const [arg, expr] of emitted) {
        if (perItem.some((a) => a.arg === arg)) continue;
        if (fields.includes(arg)) {
          if (holdsText(expr, text)) return;
        } else if (!args?.includes(arg) && holdsText(expr, text)) (args ??= []).push(arg);
      }
      if (!args) return;
      reporter.report(
        'DS345',
        paths[k]!,
        `${cls.name} does not render templates in ${args.map((a) => `'${a}'`).join(', ')} (Airflow ${target.version}): this Jinja reaches AWS as written`,
        { hint: `${cls.name} renders ${fields.join(', ')}` },
      );
    });
  });
}

function holdsText(expr: PyExpr, text: string): boolean {
  switch (expr.t) {
    case 'lit':
      return valueHolds(expr.value, text, 0);
    case 'call':
      return expr.args.some((a) => holdsText(a, text)) || expr.kwargs.some((kw) => holdsText(kw[1], text));
    case 'list':
      return expr.items.some((x) => holdsText(x, text));
    case 'dict':
      return expr.entries.some((e) => holdsText(e[1], text));
    default:
      return false;
  }
}

function valueHolds(v: unknown, text: string, depth: number): boolean {
  if (depth > 200) return false;
  if (typeof v === 'string') return v.includes(text);
  if (Array.isArray(v)) return v.some((x) => valueHolds(x, text, depth + 1));
  if (isRecord(v)) return Object.values(v).some((x) => valueHolds(x, text, depth + 1));
  return false;
}

const JINJA = ['{{ ds }}', '{{ params.x }}', '{% if true %}y{% endif %}', '{# note #}', '{{ ds_nodash }}-{{ ts }}'];

/** A copy of the data with Jinja put into some of its strings (those at `steps/*` below the step's own keys too). */
function withTemplates(data: unknown, rand: () => number): unknown {
  const go = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      if (depth < 2 || rand() > 0.35) return v;
      const j = JINJA[Math.floor(rand() * JINJA.length)]!;
      return rand() < 0.5 ? `${v}${j}` : j;
    }
    if (Array.isArray(v)) return v.map((x) => go(x, depth + 1));
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'id' || k === 'kind' ? x : go(x, depth + 1)]));
    return v;
  };
  return go(data, 0);
}

describe('checkTemplatedFields passing over steps with no template outside the rendered arguments', () => {
  it('reports what looking for every value in every argument reports: fixtures, and fixtures with Jinja put into random values', () => {
    const projects = readdirSync(FIXTURES)
      .map((name) => join(FIXTURES, name))
      .filter((dir) => existsSync(join(dir, 'pipelines')));
    const rand = random(345);
    let compared = 0;
    let findings = 0;
    for (const dir of projects) {
      const files = readdirSync(join(dir, 'pipelines'))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `pipelines/${f}`);
      const read = siblingReader(dir);
      for (const loaded of loadSpecFiles(dir, files)) {
        if (!loaded.spec) continue;
        const spec = loaded.spec;
        for (const version of TARGET_VERSIONS) {
          const target = resolveTarget(version);
          const checked = checkSpec(spec, new Map(), target, read);
          if (!checked.data) continue;
          for (let round = 0; round < 4; round++) {
            const data = round === 0 ? checked.data : withTemplates(checked.data, rand);
            let ir: PipelineIR;
            try {
              ir = normalize({
                file: spec.file,
                sha256: spec.sha256,
                format: spec.format,
                spec: data as never,
                readSibling: (p) => read(spec.absPath, p)!,
              });
            } catch {
              continue; // Jinja in a value normalize parses (a duration, a date): not a pipeline the check sees
            }
            const fast = new Reporter(spec.file, spec.locator);
            const reference = new Reporter(spec.file, spec.locator);
            try {
              checkTemplatedFields(ir, data, target, fast);
            } catch (err) {
              // An emitter that refuses the mutated value refuses it in the reference too.
              expect(() => referenceCheck(ir, data, target, reference)).to.throw((err as Error).constructor);
              continue;
            }
            referenceCheck(ir, data, target, reference);
            expect(fast.diagnostics, `${dir} ${spec.file} on ${version}, round ${round}`).to.deep.equal(reference.diagnostics);
            compared++;
            findings += reference.diagnostics.length;
          }
        }
      }
    }
    expect(compared).to.be.greaterThan(100);
    expect(findings).to.be.greaterThan(20);
  });
});
