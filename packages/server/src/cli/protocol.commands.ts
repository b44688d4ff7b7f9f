import { protocolList, protocolPlan } from '../modules/protocols/protocol.service.ts';
import { type Command, requiredString } from './command.ts';

/** Staff and other tools ask the protocol directly: no database is opened. */
const protocolListCommand: Command = {
  words: ['protocol', 'list'],
  summary: '列出防控方案版本及其人员类别 / list protocol editions with their categories',
  usage: 'fangkong protocol list [--json]',
  options: {},
  run: async () => {
    const editions = protocolList();
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
  usage: 'fangkong protocol plan --edition <id> --category <id> --start <YYYY-MM-DD> [--profile <id>] [--json]',
  options: { edition: { type: 'string' }, category: { type: 'string' }, start: { type: 'string' }, profile: { type: 'string' } },
  run: async (values) => {
    const profile = typeof values.profile === 'string' ? values.profile : undefined;
    const plan = protocolPlan({
      edition: requiredString(values, 'edition'),
      category: requiredString(values, 'category'),
      start: requiredString(values, 'start'),
      profile,
    });
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

export const PROTOCOL_COMMANDS: readonly Command[] = [protocolListCommand, protocolPlanCommand];
