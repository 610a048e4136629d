// `npm run gen:api`: regenerates the web UI's API types after a contract change.
import { writeFile } from 'node:fs/promises';
import { generateApiSchema, SCHEMA_PATH } from './lib/api-schema.js';

await writeFile(SCHEMA_PATH, await generateApiSchema());
console.log(`✓ ${SCHEMA_PATH} regenerado desde /api/openapi.json`);
