/** The subset of JSON Schema (draft-07) that dagsmith's schemas use; the type generator understands exactly this. */
export interface JsonSchema {
  $ref?: string;
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  enum?: readonly (string | number | boolean | null)[];
  const?: string | number | boolean;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  discriminator?: { propertyName: string };
  definitions?: Record<string, JsonSchema>;
  /** dagsmith: TypeScript type to use in the SDK instead of the plain JSON type (e.g. a template-literal type). */
  tsType?: string;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** Schema helpers that keep the step files short. Every field gets a description: it is the editor hover text. */
export const S = {
  string(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'string', description, ...extra };
  },
  nonEmptyString(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'string', minLength: 1, description, ...extra };
  },
  integer(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'integer', description, ...extra };
  },
  boolean(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'boolean', description, ...extra };
  },
  enum(description: string, values: readonly string[], extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'string', enum: values, description, ...extra };
  },
  stringList(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'array', items: { type: 'string' }, description, ...extra };
  },
  stringMap(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'object', additionalProperties: { type: 'string' }, description, ...extra };
  },
  /** Any JSON value (an object, list, string, number, boolean or null). */
  anyMap(description: string, extra: Partial<JsonSchema> = {}): JsonSchema {
    return { type: 'object', description, tsType: 'Record<string, JsonValue>', ...extra };
  },
  ref(name: string, description?: string): JsonSchema {
    return description ? { $ref: `#/definitions/${name}`, description } : { $ref: `#/definitions/${name}` };
  },
};
