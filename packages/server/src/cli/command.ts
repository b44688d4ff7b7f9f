import type { ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: exit code 2 and a pointer to `--help`. */
export class UsageError extends Error {}

export type OptionValues = Record<string, string | boolean | undefined>;

/** What a command hands back: one JSON document for `--json`, lines of text otherwise. */
export interface CommandResult {
  json: unknown;
  text: string[];
  /** Non-zero when the command ran but its answer is "no" (e.g. an invalid code): scripts can branch on it. */
  exitCode?: number;
}

export interface CommandIo {
  /** Progress and notices: stderr, so stdout stays one JSON document. */
  log: (line: string) => void;
}

export interface Command {
  /** The words that name it: `['divisions', 'import']`. */
  words: string[];
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Names of the positional arguments it takes, in order (none when absent). */
  positionals?: readonly string[];
  run(values: OptionValues, io: CommandIo, positionals: readonly string[]): Promise<CommandResult>;
}

export function requiredString(values: OptionValues, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required / 缺少 --${name}`);
  return value.trim();
}

export function optionalInteger(values: OptionValues, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value.replaceAll('_', ''))) {
    throw new UsageError(`--${name} must be a whole number / --${name} 应为整数`);
  }
  return Number(value.replaceAll('_', ''));
}
