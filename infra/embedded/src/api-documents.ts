import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { InProcessMessageBus } from '@police/messaging';
import { buildOpenApiDocuments, createPool } from '@police/platform';
import { startEmbeddedDatabase } from './embedded-database';
import { createEmbeddedApp, EMBEDDED_SERVICES } from './embedded.module';

/**
 * Writes the OpenAPI documents the embedded product serves, one JSON file per document, into the folder
 * given as argument (`npm run api:generate` turns them into libs/api-client). It builds the embedded app
 * on a throwaway PGlite database and calls the builder the host serves its documents with, so the files
 * are what `/api/<name>/docs-json` answers; it listens on no port.
 */
async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: api-documents <output folder>');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'police-api-documents-'));
  const quiet = { log: () => undefined };
  const db = await startEmbeddedDatabase({ dataDir, fresh: true, logger: quiet });
  const pool = createPool(db.url, 1, 'api-documents');
  const bus = new InProcessMessageBus();
  try {
    Logger.overrideLogger(false);
    const app = await createEmbeddedApp({ pool, bus, notifications: false, security: { logLevel: 'silent' } });
    const documents = buildOpenApiDocuments(app, EMBEDDED_SERVICES);
    mkdirSync(out, { recursive: true });
    for (const [name, document] of Object.entries(documents))
      writeFileSync(path.join(out, `${name}.openapi.json`), `${JSON.stringify(document, null, 2)}\n`);
    await app.close();
  } finally {
    await bus.close();
    await pool.end();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
