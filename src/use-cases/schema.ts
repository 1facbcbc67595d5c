/** Use case: the JSON Schema of a pipeline file, as published in schemas/pipeline.schema.json. */
export { publicSchemaText as pipelineSchemaText } from '../schema/validate';
