import type { SwaggerTransform } from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

interface ObjectSchema {
  properties?: Record<string, unknown>;
}

const FILES = { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Uno o más archivos: PDF, imágenes, documentos de Office u OpenDocument, CSV o texto UTF-8.' };
const REPEATED = 'Repetido, o un solo campo con un arreglo JSON.';

// The OpenAPI description of a route that takes JSON or a multipart form: the
// JSON body as its zod schema gives it; the form, the same fields as the form
// writes them (`formProperties` of the JSON ones) plus the files, which only
// multipart can carry.
function describeForm(formProperties: (json: Record<string, unknown>) => Record<string, unknown>): SwaggerTransform {
  return (document) => {
    const transformed = jsonSchemaTransform(document);
    const json = transformed.schema.body as ObjectSchema;
    const form = { ...json, properties: { ...formProperties(json.properties ?? {}), files: FILES } };
    return {
      ...transformed,
      schema: { ...transformed.schema, body: { content: { 'application/json': { schema: json }, 'multipart/form-data': { schema: form } } } },
    };
  };
}

export const describeEvidenceForm = describeForm((json) => ({
  ...json,
  links: { type: 'array', items: { type: 'string', format: 'uri' }, description: REPEATED },
  public: { type: 'string', enum: ['true', 'false'] },
}));

export const describeParticipationForm = describeForm(({ verification: _nested, ...json }) => ({
  ...json,
  ...('participantIds' in json ? { participantIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: REPEATED } } : {}),
  'verification.text': { type: 'string', description: 'Medios de verificación (texto).' },
  'verification.links': { type: 'array', items: { type: 'string', format: 'uri' }, description: REPEATED },
}));
