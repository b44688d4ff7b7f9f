import { runRetention } from '../jobs/retention.ts';
import type { Command } from './command.ts';
import { withRuntime } from './commands.ts';

function retentionText(result: Awaited<ReturnType<typeof runRetention>>): string[] {
  const verb = result.dryRun ? '到期 / due' : '已处理 / done';
  const kept = Object.entries(result.persons.kept).map(([reason, n]) => `${reason} ${n}`);
  return [
    `${verb} (${result.editionId ?? '—'}, ${result.today}): scans ${result.scans}, pass uses ${result.passUses}, persons anonymised ${result.persons.anonymised}`,
    ...result.scopes.map((s) =>
      s.scanDays === null
        ? `  ${s.jurisdictionCode ?? 'general'} (${s.editionId ?? '—'}): no retention set, nothing due`
        : `  ${s.jurisdictionCode ?? 'general'} (${s.editionId}): scans ${s.scanDays} d (before ${s.scansBefore}), closed ${s.closedEpisodeDays} d (before ${s.closedBefore})`,
    ),
    ...(kept.length > 0 ? [`  kept: ${kept.join(', ')}`] : []),
    `  registrations anonymised: hotel guests ${result.registrations.hotelGuests}, entry ledger ${result.registrations.entryLedger}, pharmacy sales ${result.registrations.pharmacySales}`,
  ];
}

/** The retention job on demand (it also runs daily in the server); `--dry-run` counts and changes nothing. */
const retentionRun: Command = {
  words: ['retention', 'run'],
  summary: '按保存期限删除扫码记录、匿名化已结案人员 / purge scans and anonymise closed people past the retention period',
  usage: 'fangkong retention run [--dry-run] [--json]',
  options: { 'dry-run': { type: 'boolean' } },
  run: (values) =>
    withRuntime(async (deps) => {
      const result = await runRetention(deps, { dryRun: values['dry-run'] === true, requestId: 'cli' });
      return { json: result, text: retentionText(result) };
    }),
};

export const RETENTION_COMMANDS: readonly Command[] = [retentionRun];
