import type { ExposureKind } from '../protocols/protocol-types.ts';

/** Why a person was proposed as a contact: the kind, and what the UI shows beside it. */
export type ContactReason =
  | { kind: 'household'; householdName: string }
  | { kind: 'workplace' | 'school'; placeName: string; unit: string | null }
  | { kind: 'co_location'; placeName: string; from: Date; to: Date; firstScanAt: Date; lastScanAt: Date }
  | { kind: 'event'; eventName: string; placeName: string | null; from: Date; to: Date }
  | { kind: 'manual'; note: string };

export interface ReasonText {
  kind: ExposureKind;
  zh: string;
  en: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `MM-DD HH:mm` in Asia/Shanghai. */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(5, 16).replace('T', ' ');
}

const span = (from: Date, to: Date) => `${shanghaiMinute(from)}–${shanghaiMinute(to).slice(-5)}`;

/** The sentence shown beside a candidate, in both languages (REQUIREMENTS KP-D05: every candidate says why). */
export function reasonText(reason: ContactReason): ReasonText {
  switch (reason.kind) {
    case 'household':
      return { kind: 'household', zh: `同户成员（${reason.householdName}）`, en: `Household member (${reason.householdName})` };
    case 'workplace':
    case 'school': {
      const unit = reason.unit ? ` ${reason.unit}` : '';
      const zh = reason.kind === 'school' ? '同校同班' : '同单位同部门';
      const en = reason.kind === 'school' ? 'Same school and class' : 'Same workplace and unit';
      return { kind: reason.kind, zh: `${zh}（${reason.placeName}${unit}）`, en: `${en} (${reason.placeName}${unit})` };
    }
    case 'co_location': {
      const when = span(reason.from, reason.to);
      const scanned = span(reason.firstScanAt, reason.lastScanAt);
      return {
        kind: 'co_location',
        zh: `时空伴随：病例 ${when} 在 ${reason.placeName}，此人扫码 ${scanned}`,
        en: `Co-location: the case was at ${reason.placeName} ${when}; this person scanned ${scanned}`,
      };
    }
    case 'event': {
      const where = reason.placeName ? ` @ ${reason.placeName}` : '';
      const when = span(reason.from, reason.to);
      return {
        kind: 'event',
        zh: `共同参加 ${reason.eventName}${where}（${when}）`,
        en: `Took part in ${reason.eventName}${where} (${when})`,
      };
    }
    case 'manual':
      return { kind: 'manual', zh: `调查人员录入：${reason.note}`, en: `Entered by the investigator: ${reason.note}` };
  }
}
