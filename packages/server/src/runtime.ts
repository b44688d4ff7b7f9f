import type { AppDeps } from './app-deps.ts';
import { SessionCache } from './auth/session-cache.ts';
import { ensureCountryRoot } from './bootstrap/root-jurisdiction.ts';
import { CodeKeyRing } from './codes/code-keys.ts';
import { type Config, loadConfig } from './config.ts';
import { loadOrCreateDataKey } from './crypto/data-key.ts';
import { PersonalDataCipher } from './crypto/personal-data-cipher.ts';
import { type Database, openDatabase } from './db/client.ts';
import { ensureReportTemplates } from './modules/reports/report-template.service.ts';
import { smsSenderFor } from './sms/log-sms-sender.ts';

/** Opens the database, applies migrations and assembles what the app and the CLI share. */
export async function openRuntime(config: Config = loadConfig(), database?: Database): Promise<AppDeps> {
  const db = database ?? (await openDatabase(config));
  await db.migrate();
  await ensureReportTemplates(db.db, await ensureCountryRoot(db.db));
  return {
    database: db,
    config,
    cipher: new PersonalDataCipher(loadOrCreateDataKey(config.dataKey, config.dataDir)),
    sessions: new SessionCache(),
    codeKeys: await CodeKeyRing.open(config.dataDir),
    sms: smsSenderFor(config.smsSender),
    clock: () => new Date(),
  };
}
