import { Project, VariableDeclarationKind, type OptionalKind, type PropertySignatureStructure } from 'ts-morph';
import { STEP_KINDS } from '../steps/index';
import { COMMON_STEP_PROPERTIES, SETTINGS_PROPERTIES } from '../base/settings';
import { buildPipelineSchema, stepDefinitionName } from '../schema/pipeline-schema';
import type { JsonSchema } from '../base/json-schema';

export const GENERATED_TYPES_PATH = 'src/spec/types.generated.ts';

const HEADER = [
  "// Generated from the step registry's JSON Schema by `npx tsx scripts/gen.ts` (src/gen/spec-types.ts). Do not edit:",
  '// change src/steps/<kind>.ts (or src/schema/pipeline-schema.ts) and regenerate. test/sdk/drift.test.ts fails when stale.',
  '',
].join('\n');

const SCALARS = [
  'JsonValue',
  'VarRef',
  'Duration',
  'S3Uri',
  'IamRoleArn',
  'SnsTopicArn',
  'SecretArn',
  'AwsRegion',
  'StepRef',
  'ForEach',
  'Schedule',
  'EmrClusterId',
  'EmrServerlessApplicationId',
  'FlinkApplicationName',
];

/** The SDK's spec types, generated from the pipeline JSON Schema: the schema is the one source of truth. */
export function generateSpecTypes(): string {
  const schema = buildPipelineSchema();
  const defs = schema.definitions ?? {};
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('types.generated.ts', '', { overwrite: true });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: './scalars', namedImports: SCALARS });

  const stepTypeNames = STEP_KINDS.map((k) => typeName(k.kind));
  const top = { ...schema, properties: { ...schema.properties } };
  file.addInterface({
    name: 'PipelineSpec',
    isExported: true,
    docs: [schema.description ?? ''],
    properties: props(top, (name, s) => (name === 'steps' ? 'Step[]' : name === 'params' ? 'Record<string, Param>' : tsTypeOf(s))),
  });
  file.addInterface({
    name: 'StepDefaults',
    isExported: true,
    docs: ['Settings for every step; a step may override each of them.'],
    properties: props(schema.properties!.defaults!, (_n, s) => tsTypeOf(s)),
  });
  file.addInterface({
    name: 'Param',
    isExported: true,
    docs: [defs.param!.description ?? ''],
    properties: props(defs.param!, (name, s) => (name === 'type' ? 'ParamType | ParamType[]' : tsTypeOf(s))),
  });
  file.addTypeAlias({
    name: 'ParamType',
    isExported: true,
    type: "'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null'",
  });
  // The fields every step has, once; each kind's interface adds its own (and `id` first, for hover order).
  // The settings a step may override are StepDefaults' fields: inherited, not written again.
  const common = { properties: omitKeys(COMMON_STEP_PROPERTIES, ['id', ...Object.keys(SETTINGS_PROPERTIES)]) } as JsonSchema;
  file.addInterface({
    name: 'StepCommon',
    isExported: true,
    extends: ['StepDefaults'],
    docs: ['Fields every step has, whatever its kind; the settings of `defaults` may be overridden per step.'],
    properties: props(common, (_n, s) => tsTypeOf(s)),
  });
  const inherited = Object.keys(COMMON_STEP_PROPERTIES).filter((k) => k !== 'id');
  for (const k of STEP_KINDS) {
    const def = defs[stepDefinitionName(k.kind)]!;
    const own = { ...def, properties: omitKeys(def.properties ?? {}, inherited) };
    file.addInterface({
      name: typeName(k.kind),
      isExported: true,
      extends: ['StepCommon'],
      docs: [`\`${k.kind}\`: ${k.description}`],
      properties: [...props(own, (_n, s) => tsTypeOf(s)), forEachProperty(k)],
    });
  }
  file.addTypeAlias({ name: 'Step', isExported: true, type: stepTypeNames.join(' | ') || 'never' });
  file.addInterface({
    name: 'StepKindMap',
    isExported: true,
    docs: ['Every registered step kind and the type of its step: the SDK derives its step builders from this map.'],
    properties: STEP_KINDS.map((k) => ({
      name: `'${k.kind}'`,
      type: typeName(k.kind),
      docs: [`\`${k.kind}\`: ${k.description}`],
    })),
  });
  file.addTypeAlias({ name: 'StepKindName', isExported: true, type: 'keyof StepKindMap' });
  file.addTypeAlias({
    name: 'ListOutputKindName',
    isExported: true,
    docs: ['The step kinds whose output gives a list a `forEach.items` may name.'],
    type:
      STEP_KINDS.filter((k) => k.listOutput)
        .map((k) => `'${k.kind}'`)
        .join(' | ') || 'never',
  });
  const namespaces = new Map<string, (typeof STEP_KINDS)[number][]>();
  for (const k of STEP_KINDS) {
    const ns = k.kind.slice(0, k.kind.indexOf('.'));
    namespaces.set(ns, [...(namespaces.get(ns) ?? []), k]);
  }
  file.addInterface({
    name: 'StepNamespaces',
    isExported: true,
    docs: ["The step kinds by namespace (`glue.job` is `job` in `glue`): the shape of the SDK's step builders."],
    properties: [...namespaces].map(([ns, kinds]) => ({
      name: ns,
      type: `{\n${kinds.map((k) => `/** \`${k.kind}\`: ${k.description} */\n${propertyName(k.kind.slice(ns.length + 1))}: ${typeName(k.kind)};`).join('\n')}\n}`,
    })),
  });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: ['The registered step kinds, in registry order (the SDK builds its step builders from this list at run time).'],
    declarations: [
      {
        name: 'STEP_KIND_NAMES',
        type: 'readonly StepKindName[]',
        initializer: `[\n${STEP_KINDS.map((k) => `  '${k.kind}',\n`).join('')}]`,
      },
    ],
  });
  file.formatText({ indentSize: 2 });
  return HEADER + file.getFullText();
}

/** A kind's `forEach`, typed with the fields it can map; `never` for a kind that cannot fan out. */
function forEachProperty(kind: (typeof STEP_KINDS)[number]): OptionalKind<PropertySignatureStructure> {
  const fields = Object.keys(kind.fanOut?.fields ?? {});
  return {
    name: 'forEach',
    type: fields.length > 0 ? `ForEach<${fields.map((f) => `'${f}'`).join(' | ')}, ListOutputKindName>` : 'never',
    hasQuestionToken: true,
    docs: [
      fields.length > 0
        ? `Run this step once per item of an upstream step's output or a list param, each item filling one of: ${fields.join(', ')}.`
        : `${kind.kind} cannot fan out (no field a forEach may fill).`,
    ],
  };
}

/** `glue.job` -> `GlueJobStep`. */
export function typeName(kind: string): string {
  return (
    kind
      .split(/[.\-_]/)
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join('') + 'Step'
  );
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

function props(schema: JsonSchema, typeFor: (name: string, s: JsonSchema) => string): OptionalKind<PropertySignatureStructure>[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, s]) => ({
    name: /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name),
    type: typeFor(name, s),
    hasQuestionToken: !required.has(name),
    docs: docFor(s),
  }));
}

function docFor(s: JsonSchema): { description: string; tags?: { tagName: string; text: string }[] }[] {
  const tags = s.default !== undefined ? [{ tagName: 'default', text: JSON.stringify(s.default) }] : [];
  return [{ description: s.description ?? '', ...(tags.length ? { tags } : {}) }];
}

function tsTypeOf(s: JsonSchema): string {
  if (s.tsType) return s.tsType;
  if (s.const !== undefined) return JSON.stringify(s.const).replace(/"/g, "'");
  // YAML resolves `${name}` before the schema sees the value, so a string enum takes a reference too (VarRef).
  if (s.enum)
    return [
      ...s.enum.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))),
      ...(s.enum.some((v) => typeof v === 'string') ? ['VarRef'] : []),
    ].join(' | ');
  if (s.$ref) return s.$ref.replace('#/definitions/', '').replace(/^param$/, 'Param');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length === 0) return 'JsonValue';
  return types
    .map((t) => {
      switch (t) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          return `${wrap(s.items ? tsTypeOf(s.items) : 'JsonValue')}[]`;
        case 'object':
          if (s.properties)
            return `{ ${Object.entries(s.properties)
              .map(([k, v]) => `${k}${(s.required ?? []).includes(k) ? '' : '?'}: ${tsTypeOf(v)}`)
              .join('; ')} }`;
          if (typeof s.additionalProperties === 'object') return `Record<string, ${tsTypeOf(s.additionalProperties)}>`;
          return 'Record<string, JsonValue>';
      }
    })
    .join(' | ');
}

function wrap(t: string): string {
  return /[|&]/.test(t) ? `(${t})` : t;
}

function omitKeys(obj: Record<string, JsonSchema>, keys: readonly string[]): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => !keys.includes(k)));
}
