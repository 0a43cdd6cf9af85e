import { writeFile } from 'node:fs/promises';
import { configJsonSchemaText, SCHEMA_FILE } from './json-schema.js';

/** `npm run schema`: regenerates the committed JSON Schema in the working directory (the repo root). */
await writeFile(SCHEMA_FILE, configJsonSchemaText());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
