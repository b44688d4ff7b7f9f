import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openPglite } from '../db/client.ts';
import { openRuntime } from '../runtime.ts';

/** Where the committed document lives; the web client's types are generated from it. */
export const OPENAPI_FILE = new URL('../../openapi.json', import.meta.url).pathname;

/** The OpenAPI document as the committed file spells it: pretty, two-space, trailing newline. */
export function formatOpenApi(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Builds the app in-process on an empty in-memory database and returns its OpenAPI document. */
export async function generateOpenApi(): Promise<unknown> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fangkong-openapi-'));
  const config = loadConfig({
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_DATA_KEY: randomBytes(32).toString('base64'),
    FANGKONG_WEB_DIST: path.join(dataDir, 'no-web'),
    LOG_LEVEL: 'silent',
  });
  const database = await openPglite(undefined);
  try {
    const app = await buildApp(await openRuntime(config, database));
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  writeFileSync(OPENAPI_FILE, formatOpenApi(await generateOpenApi()));
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
