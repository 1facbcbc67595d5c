/**
 * Defaults are written once, in the schema (what editors, the docs and the SDK show), and `normalize` must apply
 * exactly those. For every property with a schema default (pipeline fields, step settings, each kind's fields) and
 * every step of the good golden fixtures and the examples: the IR of the spec without the property equals the IR
 * of the spec with the property set to its schema default.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { JsonPath } from '../../src/diagnostics/types';
import { normalize } from '../../src/ir/normalize';
import type { PipelineIR } from '../../src/ir/types';
import { loadConfig } from '../../src/config/project-config';
import { discoverPipelineFiles } from '../../src/load/discover';
import { loadSpecFiles } from '../../src/load/index';
import { checkSpec, siblingReader } from '../../src/compile/unit';
import { buildPipelineSchema, stepDefinitionName } from '../../src/schema/pipeline-schema';
import type { PipelineSpec } from '../../src/spec/types.generated';
import { SETTING_NAMES } from '../../src/base/settings';
import { STEP_KINDS } from '../../src/steps/index';
import { resolveTarget } from '../../src/targets';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');

interface Sample {
  readonly project: string;
  readonly file: string;
  readonly absPath: string;
  readonly spec: PipelineSpec;
}

/** Every valid YAML pipeline of the good fixtures and the examples, with variables resolved. */
function samples(): Sample[] {
  const projects = [
    ROOT,
    ...readdirSync(FIXTURES)
      .filter((n) => n.startsWith('good-'))
      .map((n) => join(FIXTURES, n)),
  ];
  const out: Sample[] = [];
  for (const cwd of projects) {
    const { config } = loadConfig(cwd);
    if (!config) continue;
    const vars = new Map([...config.vars, ...[...config.environments.values()].flatMap((e) => [...e.vars])]);
    const { files } = discoverPipelineFiles(cwd, config.pipelines, ['.yaml', '.yml']);
    const read = siblingReader(cwd);
    for (const loaded of loadSpecFiles(cwd, files)) {
      if (!loaded.spec) continue;
      const { data } = checkSpec(loaded.spec, vars, resolveTarget(config.airflow), read);
      if (data) out.push({ project: relative(ROOT, cwd) || '.', file: loaded.spec.file, absPath: loaded.spec.absPath, spec: data });
    }
  }
  return out;
}

function irOf(sample: Sample, spec: PipelineSpec): PipelineIR {
  const read = siblingReader(join(ROOT));
  return normalize({
    file: sample.file,
    sha256: '0',
    format: 'yaml',
    spec,
    readSibling: (p) => read(sample.absPath, p) ?? '',
  });
}

/** A deep copy of `spec` with the property at `path` set to `value`, or removed when `value` is undefined. */
function withProperty(spec: PipelineSpec, path: JsonPath, value: unknown): PipelineSpec {
  const copy: unknown = structuredClone(spec);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    const desc = Object.getOwnPropertyDescriptor(node, key);
    if (desc === undefined || typeof desc.value !== 'object') return spec;
    node = desc.value;
  }
  const last = String(path[path.length - 1]);
  if (typeof node !== 'object' || node === null) return spec;
  if (value === undefined) Reflect.deleteProperty(node, last);
  else Reflect.set(node, last, value);
  return copy as PipelineSpec;
}

function defaultsOf(properties: Record<string, { default?: unknown }> | undefined): [string, unknown][] {
  return Object.entries(properties ?? {})
    .filter(([, s]) => s.default !== undefined)
    .map(([k, s]) => [k, s.default]);
}

describe('schema defaults and normalize agree', () => {
  const schema = buildPipelineSchema();
  const all = samples();

  it('has a sample step of every registered kind (each kind has a good golden fixture)', () => {
    const kinds = new Set(all.flatMap((s) => s.spec.steps.map((step) => step.kind)));
    const missing = STEP_KINDS.map((k) => k.kind).filter((k) => !kinds.has(k));
    expect(missing, 'kinds without a step in test/fixtures/good-*/ or pipelines/').to.deep.equal([]);
  });

  it('pipeline fields and `defaults` settings', () => {
    const cases: [JsonPath, unknown][] = [
      ...defaultsOf(schema.properties).map(([k, d]): [JsonPath, unknown] => [[k], d]),
      ...defaultsOf(schema.properties?.defaults?.properties).map(([k, d]): [JsonPath, unknown] => [['defaults', k], d]),
    ];
    expect(cases.length).to.be.greaterThan(3);
    const mismatches: string[] = [];
    let compared = 0;
    for (const sample of all) {
      for (const [path, def] of cases) {
        const label = `${sample.project}/${sample.file} ${path.join('.')}`;
        const withDefaults = sample.spec.defaults === undefined && path[0] === 'defaults' ? withProperty(sample.spec, ['defaults'], {}) : sample.spec;
        if (!isDeepStrictEqual(irOf(sample, withProperty(withDefaults, path, undefined)), irOf(sample, withProperty(withDefaults, path, def)))) {
          mismatches.push(label);
        }
        compared++;
      }
    }
    expect(mismatches, 'the IR differs between leaving the property out and writing its schema default').to.deep.equal([]);
    expect(compared).to.be.greaterThan(0);
  });

  it("each step's common fields, settings and kind fields", () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const sample of all) {
      sample.spec.steps.forEach((step, i) => {
        const props = schema.definitions?.[stepDefinitionName(step.kind)]?.properties;
        // A step's settings default to the pipeline's `defaults` (checked above), not to the schema's value.
        for (const [key, def] of defaultsOf(props).filter(([k]) => !(SETTING_NAMES as readonly string[]).includes(k))) {
          const path: JsonPath = ['steps', i, key];
          const label = `${sample.project}/${sample.file} steps[${i}] (${step.kind}) ${key}`;
          const without = irOf(sample, withProperty(sample.spec, path, undefined));
          const withDefault = irOf(sample, withProperty(sample.spec, path, def));
          if (!isDeepStrictEqual(without, withDefault)) mismatches.push(label);
          compared++;
        }
      });
    }
    expect(mismatches, 'the IR differs between leaving the property out and writing its schema default').to.deep.equal([]);
    expect(compared).to.be.greaterThan(20);
  });
});
