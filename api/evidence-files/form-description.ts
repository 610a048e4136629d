import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

interface ObjectSchema {
  properties?: Record<string, unknown>;
}

// The OpenAPI description of a route that takes JSON or a multipart form: the
// JSON body as its zod schema gives it; the form, the same fields plus the
// files, which only multipart can carry.
export const describeEvidenceForm: SwaggerTransform = (document) => {
  const transformed = jsonSchemaTransform(document);
  const json = transformed.schema.body as ObjectSchema;
  const form = {
    ...json,
    properties: {
      ...json.properties,
      links: { type: 'array', items: { type: 'string', format: 'uri' }, description: 'Repetido, o un solo campo con un arreglo JSON.' },
      public: { type: 'string', enum: ['true', 'false'] },
      files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Uno o más archivos: PDF, imágenes, documentos de Office u OpenDocument, CSV o texto UTF-8.' },
    },
  };
  return {
    ...transformed,
    schema: { ...transformed.schema, body: { content: { 'application/json': { schema: json }, 'multipart/form-data': { schema: form } } } },
  };
};
