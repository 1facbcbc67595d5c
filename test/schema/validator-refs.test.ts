/**
 * The pipeline validator is generated with `inlineRefs: false` (src/gen/validators.ts): each step kind's schema is
 * its own function, which V8 optimizes, instead of one function of every kind inlined. This checks the generated
 * validator against ajv compiling the same schema the default way (references inlined): the same verdict and the
 * same errors, in the same order, field for field (but `schemaPath`, which is then relative to the definition and
 * which nothing reads), on every YAML fixture of the tests and on seeded random corruptions of each.
 */
import { expect } from 'chai';
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlTextFull } from '../../src/load/yaml';
import { publicSchema } from '../../src/schema/validate';
import { STANDALONE_VALIDATORS } from '../../src/gen/validators';
import { dagsmithYaml, describePipeline } from '../../scripts/bench/generate';

const ROOT = join(__dirname, '..', '..');

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

/** A deterministic pseudo-random sequence (the corruptions are the same in every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

const JUNK: readonly unknown[] = [
  null,
  1,
  -3,
  2.5,
  '',
  'x',
  true,
  [],
  [1],
  {},
  { a: 1 },
  's3://b/k',
  '10m',
  'G.1X',
  { kind: 's3.wait' },
  '0 0 * * *',
];

/** A copy of `data` with one to three values replaced by junk, deleted, or given an unknown key. */
function corrupt(data: unknown, rnd: () => number): unknown {
  const copy = structuredClone(data);
  const changes = 1 + Math.floor(rnd() * 3);
  for (let c = 0; c < changes; c++) {
    let cur: unknown = copy;
    let parent: Record<string | number, unknown> | undefined;
    let key: string | number = '';
    for (let depth = 0; cur !== null && typeof cur === 'object' && depth < 6 && rnd() < 0.8; depth++) {
      const keys = Object.keys(cur);
      if (keys.length === 0) break;
      parent = cur as Record<string | number, unknown>;
      key = Array.isArray(cur) ? Math.floor(rnd() * cur.length) : keys[Math.floor(rnd() * keys.length)]!;
      cur = parent[key];
    }
    if (!parent) continue;
    const r = rnd();
    if (r < 0.5) parent[key] = structuredClone(JUNK[Math.floor(rnd() * JUNK.length)]);
    else if (r < 0.75) {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (!Array.isArray(parent)) parent[`extra${Math.floor(rnd() * 3)}`] = 1;
  }
  return copy;
}

/**
 * A schema object by its content, as a number (`verbose` errors hold schema objects, the whole schema at the root;
 * the two validators hold equal copies): the JSON text once per object, a number per distinct text.
 */
const schemaIds = new WeakMap<object, number>();
const textIds = new Map<string, number>();
function schemaId(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  let id = schemaIds.get(schema);
  if (id === undefined) {
    const text = JSON.stringify(schema);
    id = textIds.get(text) ?? textIds.size;
    textIds.set(text, id);
    schemaIds.set(schema, id);
  }
  return `schema ${id}`;
}

/** A value of the input by identity (both validators get the same objects): a number per object, scalars as they are. */
const identities = new WeakMap<object, number>();
let nextIdentity = 0;
function identity(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return `#${id}`;
}

function errorsOf(v: Validate, data: unknown): string {
  const valid = v(data);
  const errors = (v.errors ?? []).map((e) => {
    const {
      schemaPath: _,
      schema,
      parentSchema,
      data: at,
      ...rest
    } = e as { schemaPath: string; schema: unknown; parentSchema: unknown; data: unknown };
    return { ...rest, schema: schemaId(schema), parentSchema: schemaId(parentSchema), data: identity(at) };
  });
  return JSON.stringify({ valid, errors });
}

describe('the generated pipeline validator (references not inlined)', () => {
  it('gives the verdicts and errors of the schema compiled with references inlined', function () {
    this.timeout(120_000);
    const generated = require('../../schemas/pipeline.validator.js') as Validate;
    const options = STANDALONE_VALIDATORS.find((v) => v.path === 'schemas/pipeline.validator.js')!.options;
    expect(options.inlineRefs).to.equal(false);
    const inlined = new Ajv({ ...options, inlineRefs: true }).compile(publicSchema()) as Validate;
    const docs: unknown[] = [];
    for (const file of yamlFiles(join(ROOT, 'test'))) {
      const data = loadYamlTextFull('p.yaml', file, readFileSync(file, 'utf8')).spec?.data;
      // The large ones (thousands of steps, to test limits) would only take time: the same shapes are in the others.
      if (data !== undefined && JSON.stringify(data).length < 20_000) docs.push(data);
    }
    // The bench's pipelines: every step kind it generates, valid.
    for (let i = 0; i < 5; i++) {
      const data = loadYamlTextFull('p.yaml', '/p.yaml', dagsmithYaml(describePipeline(i))).spec?.data;
      if (data !== undefined) docs.push(data);
    }
    expect(docs.length).to.be.greaterThan(100);
    const rnd = random(17);
    let invalid = 0;
    let checked = 0;
    for (const doc of docs) {
      for (let k = 0; k < 12; k++) {
        const data = k === 0 ? doc : corrupt(doc, rnd);
        const expected = errorsOf(inlined, data);
        expect(errorsOf(generated, data), expected.slice(0, 300)).to.equal(expected);
        if (!inlined(data)) invalid++;
        checked++;
      }
    }
    // Both kinds of document were compared in numbers.
    expect(invalid).to.be.greaterThan(checked / 2);
    expect(checked - invalid).to.be.greaterThan(20);
  });
});
