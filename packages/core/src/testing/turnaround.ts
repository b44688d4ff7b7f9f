import { because, type Reason } from '../key-persons/reason.ts';
import type { ProtocolEdition, TurnaroundRule, TurnaroundSetting } from '../protocols/protocol-types.ts';
import { PROTOCOL_EDITIONS } from '../protocols/registry.ts';

export interface TurnaroundStats {
  results: number;
  averageHours: number | null;
  p90Hours: number | null;
  maxHours: number | null;
  /** Results that took longer than the limit. */
  overLimit: number;
}

export interface TurnaroundSummary extends TurnaroundStats {
  limitHours: number;
  /** within: every result inside the limit; late: at least one over it. */
  decision: 'within' | 'late' | 'none';
  because: Reason[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Stats already aggregated (by SQL for large sets) judged against the protocol's limit for the setting. */
export function judgeTurnaround(stats: TurnaroundStats, rule: TurnaroundRule): TurnaroundSummary {
  const decision = stats.results === 0 ? 'none' : stats.overLimit > 0 ? 'late' : 'within';
  return { ...stats, limitHours: rule.hours, decision, because: [because(`testing.turnaround.${rule.setting}`, rule.basis)] };
}

/** Hours from sampling to result for a set of tubes, against the protocol's limit for the setting. */
export function summarizeTurnaround(hours: readonly number[], rule: TurnaroundRule): TurnaroundSummary {
  const sorted = [...hours].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null;
  const total = sorted.reduce((sum, h) => sum + h, 0);
  const p90 = at(0.9);
  const max = sorted.at(-1) ?? null;
  const stats = {
    results: sorted.length,
    averageHours: sorted.length > 0 ? round1(total / sorted.length) : null,
    p90Hours: p90 === null ? null : round1(p90),
    maxHours: max === null ? null : round1(max),
    overLimit: sorted.filter((h) => h > rule.hours).length,
  };
  return judgeTurnaround(stats, rule);
}

export interface TurnaroundLimit {
  editionId: string;
  setting: TurnaroundSetting;
  hours: number;
}

/** Every edition's limit per setting, so a query can hold each tube to the edition it was opened under. */
export function turnaroundLimits(editions: readonly ProtocolEdition[] = PROTOCOL_EDITIONS): TurnaroundLimit[] {
  return editions.flatMap((edition) =>
    (edition.testing?.turnaround ?? []).map((rule) => ({ editionId: edition.id, setting: rule.setting, hours: rule.hours })),
  );
}
