import { Project, type OptionalKind, type PropertySignatureStructure } from 'ts-morph';
import { STEP_KINDS } from '../steps/index';
import { buildPipelineSchema, stepDefinitionName } from './pipeline-schema';
import type { JsonSchema } from './json-schema';

export const GENERATED_TYPES_PATH = 'src/spec/types.generated.ts';

const SCALARS = ['JsonValue', 'Duration', 'S3Uri', 'IamRoleArn', 'SnsTopicArn', 'SecretArn', 'AwsRegion', 'StepRef', 'Schedule'];

/** The SDK's spec types, generated from the pipeline JSON Schema: the schema is the one source of truth. */
export function generateSpecTypes(): string {
  const schema = buildPipelineSchema();
  const defs = schema.definitions ?? {};
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('types.generated.ts', '', { overwrite: true });
  file.addStatements([
    '// Generated from the step registry\'s JSON Schema by `npm run gen` (src/schema/typegen.ts). Do not edit.',
  ]);
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
  for (const k of STEP_KINDS) {
    const def = defs[stepDefinitionName(k.kind)]!;
    file.addInterface({
      name: typeName(k.kind),
      isExported: true,
      docs: [`\`${k.kind}\`: ${k.description}`],
      properties: props(def, (_n, s) => tsTypeOf(s)),
    });
  }
  file.addTypeAlias({ name: 'Step', isExported: true, type: stepTypeNames.join(' | ') || 'never' });
  file.addTypeAlias({
    name: 'StepKindName',
    isExported: true,
    type: STEP_KINDS.map((k) => `'${k.kind}'`).join(' | ') || 'never',
  });
  file.formatText({ indentSize: 2 });
  return file.getFullText();
}

/** `glue.job` -> `GlueJobStep`. */
export function typeName(kind: string): string {
  return kind.split(/[.\-_]/).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('') + 'Step';
}

function props(
  schema: JsonSchema,
  typeFor: (name: string, s: JsonSchema) => string,
): OptionalKind<PropertySignatureStructure>[] {
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
  if (s.enum) return s.enum.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(' | ');
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
          if (s.properties) return `{ ${Object.entries(s.properties).map(([k, v]) => `${k}${(s.required ?? []).includes(k) ? '' : '?'}: ${tsTypeOf(v)}`).join('; ')} }`;
          if (typeof s.additionalProperties === 'object') return `Record<string, ${tsTypeOf(s.additionalProperties)}>`;
          return 'Record<string, JsonValue>';
      }
    })
    .join(' | ');
}

function wrap(t: string): string {
  return /[|&]/.test(t) ? `(${t})` : t;
}
