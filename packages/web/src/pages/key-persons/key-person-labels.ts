import dayjs from 'dayjs';
import { sourceTitle } from '../../components/clause-ref.tsx';
import { DISPLAY_ZONE } from '../../components/time.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { camelId, hasMessage, labelOf, messageIdsUnder, snakeId } from '../../i18n/labels.ts';

/** The ten categories in glossary order, as the API ids (`close_contact`). */
export const CATEGORIES = messageIdsUnder('keyPerson.category').map(snakeId);
export const EPISODE_STATUSES = messageIdsUnder('keyPerson.status').map(snakeId);
/** Symptoms offered on a check (the alert symptoms of the editions, plus fatigue). */
export const SYMPTOMS = messageIdsUnder('keyPerson.symptom').map(snakeId);
export const SIGNATORY_ROLES = ['assigned_cadre', 'assigned_medic'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

export const categoryLabel = (t: Translate, id: string | null | undefined) => labelOf(t, 'keyPerson.category', id);

/** A reason's rule (`phase.centralized_quarantine`, `escalation.fever`) in the UI language, or the id itself. */
export function ruleLabel(t: Translate, rule: string): string {
  return labelOf(t, 'keyPerson.rule', rule);
}

/** `national protocol 9th edition` and `seed 001` in the UI language; other sources as written. */
export const sourceLabel = (t: Translate, source: string): string => sourceTitle(t, source);

/** A release gap (`period`, `test:nucleic_acid:2`, `result:positive`, `symptoms`, `signature:assigned_medic`) as a sentence. */
export function missingLabel(t: Translate, missing: string): string {
  const [head, second, third] = missing.split(':');
  if (head === 'period') return t('keyPerson.missing.period');
  if (head === 'symptoms') return t('keyPerson.missing.symptoms');
  if (head === 'test' && second)
    return t('keyPerson.missing.test', { count: third ?? '1', kind: labelOf(t, 'keyPerson.testKind', second) });
  if (head === 'result' && second) {
    const key = `keyPerson.missing.result${camelId(`_${second}`)}`;
    return hasMessage(key) ? t(key) : missing;
  }
  if (head === 'signature' && second === 'sameSigner') return t('keyPerson.missing.sameSigner');
  if (head === 'signature' && second) return t('keyPerson.missing.signature', { role: labelOf(t, 'keyPerson.signatory', second) });
  return missing;
}

export const DECISION_COLORS: Record<string, string> = {
  notApplicable: 'default',
  notDue: 'blue',
  blocked: 'red',
  awaitingSignatures: 'orange',
  released: 'green',
};

export const STATUS_COLORS: Record<string, string> = {
  active: 'blue',
  released: 'green',
  ended: 'default',
  converted: 'purple',
  cancelled: 'default',
};

export const RESULT_COLORS: Record<string, string> = {
  pending: 'default',
  negative: 'green',
  positive: 'red',
  indeterminate: 'orange',
};

/** `2026-11-20` to `2026-11-26`, or open-ended. */
export function dateSpan(t: Translate, from: string, to: string | null): string {
  return to ? t('keyPerson.days', { from, to }) : t('keyPerson.openEnded', { from });
}

/** Today's calendar date in Asia/Shanghai (protocol days are Shanghai dates whatever the browser's zone). */
export function shanghaiToday(): string {
  return dayjs().tz(DISPLAY_ZONE).format('YYYY-MM-DD');
}

/** A string or number from loosely typed JSON (alert and event details), else empty. */
export const textOf = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
