import { isIP } from 'node:net';
import { inArray, notInArray } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import { verifyPassword } from '../auth/passwords.ts';
import type { Config } from '../config.ts';
import { ConfigError } from '../config.ts';
import type { Db } from '../db/client.ts';
import { appUser } from '../db/schema/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.ts';

const DEMO_USERNAMES = DEMO_ACCOUNTS.map((account) => account.username);

/** True for an address only this machine can reach: localhost, 127.0.0.0/8, ::1 (also IPv4-mapped). */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return isIP(bare) === 6 && /^(0{0,4}:){2,7}0{0,3}1$/.test(bare);
}

const REASONS = {
  seed: { zh: '将写入演示账号', en: 'the demo accounts would be seeded' },
  serve: { zh: '数据库中有使用公开密码的演示账号', en: 'the database holds demo accounts with the public password' },
} as const;

/** Why start-up stops: the demo accounts are served elsewhere than this machine only when FANGKONG_DEMO=1 says so explicitly. */
function exposedDemoMessage(host: string, reason: keyof typeof REASONS): string {
  const { zh, en } = REASONS[reason];
  return (
    `HOST=${host} 不是本机回环地址，${zh}，而演示账号的密码是公开的。正式部署请设 FANGKONG_DEMO=0，确需对外演示请显式设 FANGKONG_DEMO=1 / ` +
    `HOST=${host} is not a loopback address and ${en}, whose password is public; set FANGKONG_DEMO=0 for a real deployment ` +
    '(and remove or re-password the demo accounts), or FANGKONG_DEMO=1 to expose the demo deliberately'
  );
}

/** Before anything opens: seeding the demo (the default) on a non-loopback HOST needs FANGKONG_DEMO=1. */
export function refuseExposedDemoSeed(config: Pick<Config, 'host' | 'seedDemo' | 'demoExplicit'>): void {
  if (config.seedDemo && !config.demoExplicit && !isLoopbackHost(config.host)) {
    throw new ConfigError(exposedDemoMessage(config.host, 'seed'));
  }
}

/** Demo usernames whose password is still the published one. */
export async function demoAccountsWithPublicPassword(db: Db): Promise<string[]> {
  const rows = await db
    .select({ username: appUser.username, passwordHash: appUser.passwordHash })
    .from(appUser)
    .where(inArray(appUser.username, DEMO_USERNAMES));
  const open = await Promise.all(rows.map(async (row) => ((await verifyPassword(row.passwordHash, DEMO_PASSWORD)) ? row.username : null)));
  return open.filter((name): name is string => name !== null);
}

/** After the database opens: a non-loopback HOST does not serve accounts with the public password unless FANGKONG_DEMO=1. */
export async function refuseServingDemoAccounts(deps: Pick<AppDeps, 'config' | 'database'>): Promise<void> {
  const { config } = deps;
  if (config.demoExplicit || isLoopbackHost(config.host)) return;
  const open = await demoAccountsWithPublicPassword(deps.database.db);
  if (open.length > 0) throw new ConfigError(`${exposedDemoMessage(config.host, 'serve')} (${open.join(', ')})`);
}

/**
 * True when any account exists that the demo seed did not make (another username, or a demo username
 * such as the first-start `admin` without the public password): then the demo never seeds.
 */
export async function hasNonDemoAccounts(db: Db): Promise<boolean> {
  const other = await db.select({ id: appUser.id }).from(appUser).where(notInArray(appUser.username, DEMO_USERNAMES)).limit(1);
  if (other.length > 0) return true;
  const demoNamed = await db.select({ id: appUser.id }).from(appUser).where(inArray(appUser.username, DEMO_USERNAMES));
  return demoNamed.length > (await demoAccountsWithPublicPassword(db)).length;
}
