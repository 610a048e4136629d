import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateApiSchema, SCHEMA_PATH } from '../../scripts/lib/api-schema.js';

// The web UI compiles against web/src/api/schema.d.ts. If the API's contract
// changed and nobody regenerated it, the UI would be typed against an API that
// no longer exists: this fails first, and says how to fix it.
describe('the web UI typed client', () => {
  it('is generated from the OpenAPI the API serves today', async () => {
    const committed = await readFile(SCHEMA_PATH, 'utf8');
    const current = await generateApiSchema();
    expect(committed === current, 'web/src/api/schema.d.ts no corresponde a /api/openapi.json: ejecute `npm run gen:api` y confirme el archivo').toBe(true);
  });
});
