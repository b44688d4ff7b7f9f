import { invalid, ROLES, type Role } from '@fangkong/core';
import type { AppDeps } from '../app-deps.ts';
import { loadConfig } from '../config.ts';
import { seedDemo } from '../demo/demo-seed.ts';
import { importDivisions } from '../divisions/divisions.service.ts';
import { systemContext } from '../http/context.ts';
import { findJurisdictionByCode } from '../modules/jurisdictions/jurisdiction.repository.ts';
import { createUser } from '../modules/users/user.service.ts';
import { openRuntime } from '../runtime.ts';
import { type Command, type CommandResult, type OptionValues, optionalInteger, requiredString, UsageError } from './command.ts';

/** Opens the database from the environment (migrating it), runs `work`, and always closes it. */
export async function withRuntime<T>(work: (deps: AppDeps) => Promise<T>): Promise<T> {
  const deps = await openRuntime(loadConfig());
  try {
    return await work(deps);
  } finally {
    await deps.database.close();
  }
}

const cliContext = () => systemContext('cli');

const migrate: Command = {
  words: ['migrate'],
  summary: '应用数据库迁移 / apply database migrations',
  usage: 'fangkong migrate [--json]',
  options: {},
  run: () =>
    withRuntime(async (deps) => ({
      json: { database: deps.database.kind, migrated: true },
      text: [`数据库已是最新结构（${deps.database.kind}） / database schema is up to date (${deps.database.kind})`],
    })),
};

const divisionsImport: Command = {
  words: ['divisions', 'import'],
  summary: '导入一个区县的行政区划（省、市、区县、乡镇、村社区） / import one county of NBS divisions',
  usage: 'fangkong divisions import --county <6-digit code> [--json]',
  options: { county: { type: 'string' } },
  run: (values, io) => {
    const county = requiredString(values, 'county');
    return withRuntime(async (deps) => {
      const result = await importDivisions(deps, { county, log: io.log, context: cliContext() });
      const line = `${result.county} ${result.name}: ${result.towns} towns, ${result.villages} villages, ${result.created} created, ${result.updated} updated`;
      return { json: result, text: [line] };
    });
  },
};

function demoText(summary: Awaited<ReturnType<typeof seedDemo>>): string[] {
  const venues = Object.entries(summary.venues).map(([kind, n]) => `${kind} ${n}`);
  return [
    `武进区演示数据 / demo district ${summary.county} (seed ${summary.seed}) in ${summary.seconds} s`,
    `towns ${summary.towns}, villages ${summary.villages}, grids ${summary.grids}, buildings ${summary.buildings}, units ${summary.units}`,
    `households ${summary.households}, residents ${summary.residents}, accounts ${summary.accounts}`,
    `venues: ${venues.join(', ')}`,
    '演示账号密码见 docs/demo-accounts.md（公开密码，勿用于真实数据） / demo passwords are public: see docs/demo-accounts.md',
  ];
}

const demoSeed: Command = {
  words: ['demo', 'seed'],
  summary: '向空数据库写入武进区演示数据和演示账号 / seed the 武进区 demo and demo accounts into an empty database',
  usage: 'fangkong demo seed [--residents N] [--seed S] [--json]   (N defaults to 100000)',
  options: { residents: { type: 'string' }, seed: { type: 'string' } },
  run: (values, io) => {
    const residents = optionalInteger(values, 'residents');
    const seed = optionalInteger(values, 'seed');
    return withRuntime(async (deps) => {
      const summary = await seedDemo(deps, { residents: residents ?? deps.config.demoResidents, seed, log: io.log });
      return { json: summary, text: demoText(summary) };
    });
  },
};

function roleOf(values: OptionValues): Role {
  const role = requiredString(values, 'role');
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of / 角色应为: ${ROLES.join(', ')}`);
  return role as Role;
}

/** Checked before the database is opened, so a typo costs nothing. */
function userInput(values: OptionValues) {
  return {
    username: requiredString(values, 'username'),
    displayName: requiredString(values, 'display-name'),
    role: roleOf(values),
    jurisdictionCode: requiredString(values, 'jurisdiction'),
    password: typeof values.password === 'string' ? values.password : undefined,
  };
}

async function createUserFromCli(deps: AppDeps, input: ReturnType<typeof userInput>): Promise<CommandResult> {
  const { jurisdictionCode, ...user } = input;
  const target = await findJurisdictionByCode(deps.database.db, jurisdictionCode);
  if (!target) throw invalid('jurisdiction', 'unknownJurisdiction');
  const created = await createUser(deps, cliContext(), { ...user, jurisdictionId: target.id });
  const text = [`已创建用户 / created user ${created.username} (${user.role} @ ${target.code} ${target.name})`];
  if (created.oneTimePassword)
    text.push(`一次性密码 / one-time password: ${created.oneTimePassword}  （首次登录后须修改 / change at first sign-in）`);
  const json = {
    id: created.id,
    username: created.username,
    role: user.role,
    jurisdiction: target.code,
    oneTimePassword: created.oneTimePassword,
  };
  return { json, text };
}

const userCreate: Command = {
  words: ['user', 'create'],
  summary: '创建用户并授予一个角色 / create a user with one role',
  usage: `fangkong user create --username U --display-name D --role R --jurisdiction <code> [--password P] [--json]\n  roles: ${ROLES.join(', ')}`,
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    role: { type: 'string' },
    jurisdiction: { type: 'string' },
    password: { type: 'string' },
  },
  run: (values) => {
    const input = userInput(values);
    return withRuntime((deps) => createUserFromCli(deps, input));
  },
};

export const DATA_COMMANDS: readonly Command[] = [migrate, divisionsImport, demoSeed, userCreate];
