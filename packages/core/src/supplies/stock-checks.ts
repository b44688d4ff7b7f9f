import { addDays, type CalendarDate } from '../calendar/calendar-date.ts';
import type { Clause } from '../protocols/protocol-types.ts';
import type { ReadinessRules, ReserveNorm, StockHolderKind, SupplyItem } from '../protocols/readiness-seed-2020.ts';

/** A holder's stock of one item: balance, daily use (for days of cover) and the earliest expiry of what is held. */
export interface StockLine {
  id: string;
  holderKind: StockHolderKind;
  holderName: string;
  item: SupplyItem;
  quantity: number;
  dailyUse: number | null;
  expiresOn: CalendarDate | null;
}

export type FindingLevel = 'red' | 'amber';

/** One reason for a readiness colour: a rule code the UI translates, its values, and the clause it rests on. */
export interface ReadinessFinding {
  level: FindingLevel;
  rule: string;
  requirement: string;
  holder?: string;
  item?: SupplyItem;
  values: Record<string, number | string>;
  basis: Clause;
}

export const isExpired = (line: Pick<StockLine, 'expiresOn'>, today: CalendarDate) => line.expiresOn !== null && line.expiresOn < today;

/** What counts toward a reserve: nothing of an expired line (RES-013). */
export const usableQuantity = (line: StockLine, today: CalendarDate) => (isExpired(line, today) ? 0 : line.quantity);

/** Whole days the usable stock lasts at its daily use, or null when no daily use is recorded. */
export function daysOfCover(line: StockLine, today: CalendarDate): number | null {
  if (!line.dailyUse || line.dailyUse <= 0) return null;
  return Math.floor(usableQuantity(line, today) / line.dailyUse);
}

/** Expired, or expiring inside the warning window: an amber finding each (the `stock_expiry` alert). */
export function expiryFinding(line: StockLine, today: CalendarDate, rules: ReadinessRules): ReadinessFinding | null {
  if (!line.expiresOn || line.quantity === 0) return null;
  const expired = isExpired(line, today);
  if (!expired && line.expiresOn > addDays(today, rules.expiryWarning.days)) return null;
  return {
    level: 'amber',
    rule: expired ? 'stockExpired' : 'stockExpiring',
    requirement: 'RES-013',
    holder: line.holderName,
    item: line.item,
    values: { expiresOn: line.expiresOn, quantity: line.quantity },
    basis: rules.expiryWarning.basis,
  };
}

function reserveFinding(
  norm: ReserveNorm,
  holder: string,
  item: SupplyItem,
  line: StockLine | undefined,
  today: CalendarDate,
): ReadinessFinding | null {
  const base = { requirement: norm.requirement, holder, item, basis: norm.basis };
  const quantity = line ? usableQuantity(line, today) : 0;
  if (quantity === 0) return { ...base, level: 'red' as const, rule: 'reserveMissing', values: { quantity: 0 } };
  const rule = norm.rule;
  if (rule.kind === 'minimum' && quantity < rule.quantity) {
    return { ...base, level: 'red' as const, rule: 'reserveBelowMinimum', values: { quantity, required: rule.quantity } };
  }
  if (rule.kind === 'patients' && Math.floor(quantity / rule.perPatient) < rule.patients) {
    const patients = Math.floor(quantity / rule.perPatient);
    return { ...base, level: 'amber' as const, rule: 'ppeBelowPatients', values: { patients, required: rule.patients } };
  }
  if (rule.kind === 'days_of_cover' && line) {
    const days = daysOfCover(line, today);
    if (days === null) return { ...base, level: 'amber' as const, rule: 'dailyUseUnknown', values: { required: rule.days } };
    if (days < rule.days) return { ...base, level: 'amber' as const, rule: 'reserveBelowDays', values: { days, required: rule.days } };
  }
  return null;
}

/**
 * A holder's stock against the reserve norms of its kind (RES-001 one month at a town, RES-003 PPE for 5
 * fever patients, RES-008 a month at a quarantine site, RES-012 the checkpoint kit) and its expiry. An item
 * the norm needs and the holder lacks is red; a reserve short of the norm, or stock near expiry, amber.
 */
export function holderFindings(
  holder: { kind: StockHolderKind; name: string },
  lines: readonly StockLine[],
  rules: ReadinessRules,
  today: CalendarDate,
): ReadinessFinding[] {
  const findings: ReadinessFinding[] = [];
  for (const norm of rules.reserves.filter((n) => n.holderKind === holder.kind)) {
    for (const item of norm.items) {
      const found = reserveFinding(
        norm,
        holder.name,
        item,
        lines.find((l) => l.item === item),
        today,
      );
      if (found) findings.push(found);
    }
  }
  for (const line of lines) {
    const expiry = expiryFinding(line, today, rules);
    if (expiry) findings.push(expiry);
  }
  return findings;
}

/** Whether one line is below any reserve norm of its holder (the `stock_low` alert after a movement). */
export function lineIsLow(line: StockLine, rules: ReadinessRules, today: CalendarDate): ReadinessFinding | null {
  for (const norm of rules.reserves.filter((n) => n.holderKind === line.holderKind && n.items.includes(line.item))) {
    const found = reserveFinding(norm, line.holderName, line.item, line, today);
    if (found && found.rule !== 'dailyUseUnknown') return found;
  }
  return null;
}
