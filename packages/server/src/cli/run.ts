import { parseArgs } from 'node:util';
import { AppError } from '@fangkong/core';
import { ConfigError } from '../config.ts';
import { messageFor } from '../http/messages.ts';
import { ANALYTICS_COMMANDS } from './analytics.commands.ts';
import { BACKUP_COMMANDS, OperationError } from './backup.ts';
import { CODE_COMMANDS } from './code.commands.ts';
import { type Command, type OptionValues, UsageError } from './command.ts';
import { DATA_COMMANDS } from './commands.ts';
import { PROTOCOL_COMMANDS } from './protocol.commands.ts';
import { RETENTION_COMMANDS } from './retention.commands.ts';
import { RISK_COMMANDS } from './risk.commands.ts';

export interface CliStreams {
  out: (text: string) => void;
  err: (text: string) => void;
}

const COMMANDS: readonly Command[] = [
  ...DATA_COMMANDS,
  ...BACKUP_COMMANDS,
  ...PROTOCOL_COMMANDS,
  ...CODE_COMMANDS,
  ...RETENTION_COMMANDS,
  ...ANALYTICS_COMMANDS,
  ...RISK_COMMANDS,
];
const COMMON_OPTIONS = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export function generalHelp(): string {
  const commands = COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(18)} ${c.summary}`);
  return [
    'fangkong — 防控指挥平台命令行 / epidemic prevention and control command platform CLI',
    '',
    'Usage: fangkong <command> [options]      fangkong <command> --help',
    '',
    'Commands:',
    ...commands,
    '',
    'Options for every command: --json (one JSON document on stdout), --help',
    'Environment (as the server): DATABASE_URL (PostgreSQL; else embedded PGlite), FANGKONG_DATA_DIR (default ./data), FANGKONG_DATA_KEY',
    'Exit codes: 0 done, 1 failed (or: the answer is no, e.g. an invalid code), 2 usage error.',
  ].join('\n');
}

const commandHelp = (command: Command) => `${command.summary}\n\nUsage: ${command.usage}`;

function findCommand(argv: readonly string[]): { command: Command; rest: string[] } {
  const command = COMMANDS.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!command) throw new UsageError(`unknown command / 未知命令: ${argv.filter((a) => !a.startsWith('-')).join(' ') || argv.join(' ')}`);
  return { command, rest: argv.slice(command.words.length) };
}

function isParseError(error: unknown): boolean {
  return error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

function appErrorText(error: AppError, json: boolean): string {
  const zh = messageFor(error.code, 'zh-CN', error.params);
  const en = messageFor(error.code, 'en', error.params);
  if (json) return JSON.stringify({ error: { code: error.code, field: error.field ?? null, message: { 'zh-CN': zh, en } } });
  const field = error.field ? ` [${error.field}]` : '';
  return `错误：${zh}${field}\nerror: ${en}${field}`;
}

/** Prints the error on stderr (as JSON with --json) and gives the exit code: 2 for usage, 1 otherwise. */
function reportError(error: unknown, json: boolean, streams: CliStreams): number {
  const usage = error instanceof UsageError || isParseError(error);
  const message = (error as Error).message ?? String(error);
  if (error instanceof AppError) streams.err(appErrorText(error, json));
  else if (json) streams.err(JSON.stringify({ error: { code: usage ? 'usage' : 'failed', message } }));
  else if (usage) streams.err(`用法错误 / usage error: ${message}\n运行 / run: fangkong --help`);
  else if (error instanceof ConfigError) streams.err(`配置错误 / configuration error: ${message}`);
  else if (error instanceof OperationError) streams.err(`错误 / error: ${message}`);
  else streams.err(`意外错误 / unexpected error: ${(error as Error).stack ?? message}`);
  return usage ? 2 : 1;
}

async function runCommand(argv: readonly string[], streams: CliStreams, json: boolean): Promise<number> {
  const { command, rest } = findCommand(argv);
  const takes = command.positionals ?? [];
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, ...COMMON_OPTIONS },
    strict: true,
    allowPositionals: takes.length > 0,
  });
  if (values.help) {
    streams.out(commandHelp(command));
    return 0;
  }
  if (positionals.length !== takes.length) throw new UsageError(`expects / 需要参数: ${takes.map((p) => `<${p}>`).join(' ')}`);
  const result = await command.run(values as OptionValues, { log: streams.err }, positionals);
  streams.out(json ? JSON.stringify(result.json) : result.text.join('\n'));
  return result.exitCode ?? 0;
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  const json = argv.includes('--json');
  if (argv.length === 0) {
    streams.err(generalHelp());
    return 2;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    streams.out(generalHelp());
    return 0;
  }
  try {
    return await runCommand(argv, streams, json);
  } catch (error) {
    return reportError(error, json, streams);
  }
}
