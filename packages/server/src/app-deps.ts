import type { SessionCache } from './auth/session-cache.ts';
import type { CodeKeyRing } from './codes/code-keys.ts';
import type { Config } from './config.ts';
import type { PersonalDataCipher } from './crypto/personal-data-cipher.ts';
import type { Database } from './db/client.ts';
import type { SmsSender } from './sms/sms-sender.ts';

/** What route modules receive: the database, configuration, the cipher, code keys and a clock. */
export interface AppDeps {
  database: Database;
  config: Config;
  cipher: PersonalDataCipher;
  sessions: SessionCache;
  /** Health-code signing keys (Ed25519), published as a JWK set for checkpoint devices. */
  codeKeys: CodeKeyRing;
  /** Sends one-time codes to residents' registry phones (FANGKONG_SMS_SENDER). */
  sms: SmsSender;
  clock: () => Date;
}
