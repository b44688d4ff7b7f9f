import { readFile } from 'node:fs/promises';
import { findEdition, findProfile, type LocalProfile, type ProtocolEdition, readProtocolDocument } from '@fangkong/core';
import { protocolList, protocolPlan } from '../modules/protocols/protocol.service.ts';
import { adoptedDistrictProtocols } from '../modules/protocols/protocol-in-force.ts';
import { type Command, type OptionValues, requiredString, UsageError } from './command.ts';
import { withRuntime } from './commands.ts';

interface DistrictDocuments {
  editions: ProtocolEdition[];
  profiles: LocalProfile[];
}

/**
 * Staff and other tools ask the protocol directly: without `--store` no database is opened and only the shipped
 * editions and profiles answer; with `--store` the district's own adopted editions and profiles (issue 14 part 3)
 * answer too, read from the configured store (DATABASE_URL, else the PGlite data directory).
 */
async function districtDocuments(values: OptionValues): Promise<DistrictDocuments> {
  if (values.store !== true) return { editions: [], profiles: [] };
  return withRuntime((deps) => adoptedDistrictProtocols(deps.database.db));
}

const protocolListCommand: Command = {
  words: ['protocol', 'list'],
  summary: '列出防控方案版本及其人员类别 / list protocol editions with their categories',
  usage: 'fangkong protocol list [--store] [--json]',
  options: { store: { type: 'boolean' } },
  run: async (values) => {
    const own = await districtDocuments(values);
    const editions = protocolList(own.profiles, own.editions);
    const text = editions.flatMap((e) => [
      `${e.id}  ${e.name}  (${e.effectiveFrom} — ${e.effectiveTo ?? '…'})`,
      `  categories: ${e.categories.join(', ')}`,
      ...e.profiles.map((p) => `  profile ${p.id} @ ${p.jurisdictionCode}: ${p.name}`),
    ]);
    return { json: editions, text };
  },
};

const protocolPlanCommand: Command = {
  words: ['protocol', 'plan'],
  summary: '按方案计算一个人的管理计划 / the plan of one category from a start date',
  usage: 'fangkong protocol plan --edition <id> --category <id> --start <YYYY-MM-DD> [--profile <id>] [--store] [--json]',
  options: {
    edition: { type: 'string' },
    category: { type: 'string' },
    start: { type: 'string' },
    profile: { type: 'string' },
    store: { type: 'boolean' },
  },
  run: async (values) => {
    const profile = typeof values.profile === 'string' ? values.profile : undefined;
    const own = await districtDocuments(values);
    const plan = protocolPlan(
      {
        edition: requiredString(values, 'edition'),
        category: requiredString(values, 'category'),
        start: requiredString(values, 'start'),
        profile,
      },
      (id) => findProfile(id) ?? own.profiles.find((p) => p.id === id),
      (id) => findEdition(id) ?? own.editions.find((e) => e.id === id),
    );
    const text = [
      `${plan.edition} / ${plan.category}${plan.profile ? ` / ${plan.profile}` : ''}, day 0 = ${plan.phases[0]?.from ?? '—'} (${plan.countsFrom})`,
      ...plan.phases.map((p) => `  ${p.type.padEnd(24)} ${p.from} → ${p.to ?? 'open'}`),
      ...plan.tests.map((t) => `  test ${t.kind.padEnd(14)} ${t.date}`),
      `  release ${plan.releaseDate ?? '—'}; management ends ${plan.managementEndDate ?? '—'}`,
      ...plan.followUps.map((f) => `  follow-up ${f.kind} ${f.date}`),
      ...plan.because.map((r) => `  because ${r.source} ${r.clause}: ${r.says}${r.configured ? ' [configured]' : ''}`),
    ];
    return { json: plan, text };
  },
};

/** Checks a protocol document file before it is imported: every issue with its path and reason (exit 1), no database. */
const protocolCheckCommand: Command = {
  words: ['protocol', 'check'],
  summary: '校验防控方案文件（版本或地方方案） / check a protocol document file (an edition or a local profile)',
  usage: 'fangkong protocol check --input <document.json> [--json]',
  options: { input: { type: 'string' } },
  run: async (values) => {
    const file = requiredString(values, 'input');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read ${file} as JSON / 无法读取 JSON 文件: ${(error as Error).message}`);
    }
    const reading = readProtocolDocument(parsed);
    if (reading.ok) {
      const d = reading.document;
      const what =
        d.kind === 'edition'
          ? `edition ${d.edition.id}`
          : `profile ${d.profile.id} (${d.profile.editionId} @ ${d.profile.jurisdictionCode})`;
      return { json: { valid: true, kind: d.kind, issues: [] }, text: [`valid / 合规: ${what}`] };
    }
    return {
      json: { valid: false, issues: reading.issues },
      text: reading.issues.map((i) => `${i.path}: ${i.reason}`),
      exitCode: 1,
    };
  },
};

export const PROTOCOL_COMMANDS: readonly Command[] = [protocolListCommand, protocolPlanCommand, protocolCheckCommand];
