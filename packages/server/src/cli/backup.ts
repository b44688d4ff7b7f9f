import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, loadConfig } from '../config.ts';
import { openDatabase, openPglite, pgliteDir } from '../db/client.ts';
import { fingerprintDatabase } from '../db/fingerprint.repository.ts';
import type { Command, CommandIo, CommandResult, OptionValues } from './command.ts';
import { requiredString } from './command.ts';

/** A failure outside the app's own rules (a missing file, a failed pg_dump): exit code 1. */
export class OperationError extends Error {}

/**
 * Personal data is encrypted with the data key, and issued health codes are signed with the keys in
 * `code-keys.json`: neither is in the database, so a backup restored without them cannot be read, or
 * rejects every code issued before it (issue 12: the round trip test found the second).
 */
function keysReminder(config: Config): string {
  const where = config.dataKey ? 'FANGKONG_DATA_KEY' : path.join(config.dataDir, 'data-key');
  const codeKeys = path.join(config.dataDir, 'code-keys.json');
  return [
    `提醒：数据密钥 ${where} 与健康码签名密钥 ${codeKeys} 不在备份中，须另行安全备份，恢复时放回数据目录`,
    `reminder: the data key ${where} and the code signing keys ${codeKeys} are not in the backup; back them up separately and safely, and put them back in the data dir when restoring`,
  ].join('\n');
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => reject(new OperationError(`${command}: ${error.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new OperationError(`${command} exited with code ${code}`))));
  });
}

async function backupPglite(config: Config, file: string): Promise<void> {
  const dir = pgliteDir(config.dataDir);
  if (!existsSync(dir)) throw new OperationError(`no PGlite database at ${dir} / 数据目录中没有数据库`);
  const database = await openPglite(dir);
  try {
    const dump = await database.pglite?.dumpDataDir('gzip');
    if (!dump) throw new OperationError('PGlite did not produce a dump');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
}

async function backup(values: OptionValues, io: CommandIo): Promise<CommandResult> {
  const config = loadConfig();
  const file = path.resolve(requiredString(values, 'out'));
  if (config.databaseUrl) await runTool('pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${config.databaseUrl}`]);
  else await backupPglite(config, file);
  io.log(keysReminder(config));
  const database = config.databaseUrl ? 'postgres' : 'pglite';
  const bytes = statSync(file).size;
  return { json: { database, file, bytes }, text: [`备份完成 / backup written: ${file} (${database}, ${bytes} bytes)`] };
}

/** Moves the current data dir aside, loads the archive into a fresh one, and moves back if that fails. */
async function restorePglite(config: Config, file: string): Promise<string | null> {
  const dir = pgliteDir(config.dataDir);
  const archive = new Blob([await readFile(file)]);
  const previous = existsSync(dir) ? `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
  if (previous) renameSync(dir, previous);
  try {
    const database = await openPglite(dir, archive);
    await database.pglite?.query('select 1');
    await database.close();
    return previous;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    if (previous) renameSync(previous, dir);
    throw new OperationError(`restore failed, previous data kept / 恢复失败，原数据未动: ${(error as Error).message}`);
  }
}

async function restore(values: OptionValues, io: CommandIo): Promise<CommandResult> {
  const config = loadConfig();
  const file = path.resolve(requiredString(values, 'from'));
  if (!existsSync(file)) throw new OperationError(`no such file / 文件不存在: ${file}`);
  const previous = config.databaseUrl
    ? await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file]).then(() => null)
    : await restorePglite(config, file);
  io.log(keysReminder(config));
  const text = [`恢复完成 / restored from ${file}`];
  if (previous) text.push(`原数据目录已移至 / the previous data dir was moved to ${previous}`);
  return { json: { database: config.databaseUrl ? 'postgres' : 'pglite', file, previousDataDir: previous }, text };
}

/** Row counts and checksums of every table, read only: compare a restored copy with the original. */
async function fingerprint(): Promise<CommandResult> {
  const config = loadConfig();
  const dir = pgliteDir(config.dataDir);
  if (!config.databaseUrl && !existsSync(dir)) throw new OperationError(`no PGlite database at ${dir} / 数据目录中没有数据库`);
  const database = await openDatabase(config);
  try {
    const tables = await fingerprintDatabase(database.db);
    const text = Object.entries(tables).map(([name, f]) => `${name}\t${f.rows}\t${f.checksum}`);
    return { json: { database: database.kind, tables }, text };
  } finally {
    await database.close();
  }
}

export const BACKUP_COMMANDS: readonly Command[] = [
  {
    words: ['backup'],
    summary: '备份数据库（PostgreSQL: pg_dump -Fc；PGlite: 数据目录 .tar.gz） / back up the database',
    usage: 'fangkong backup --out <file> [--json]   (PGlite: stop the server first / 先停止服务)',
    options: { out: { type: 'string' } },
    run: backup,
  },
  {
    words: ['restore'],
    summary: '从备份恢复数据库（覆盖现有数据） / restore the database from a backup (replaces current data)',
    usage: 'fangkong restore --from <file> [--json]   (PGlite: stop the server first / 先停止服务)',
    options: { from: { type: 'string' } },
    run: restore,
  },
  {
    words: ['fingerprint'],
    summary: '每张表的行数与校验和（只读），用于核对备份 / row count and checksum of every table (read only), to verify a backup',
    usage: 'fangkong fingerprint [--json]   (PGlite: stop the server first / 先停止服务)',
    options: {},
    run: fingerprint,
  },
];
