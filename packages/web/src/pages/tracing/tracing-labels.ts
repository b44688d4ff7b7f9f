import type { Translate } from '../../i18n/i18n.tsx';
import { hasMessage } from '../../i18n/labels.ts';

/** `contacts.kind.household` / `chains.classification.confirmed` in the UI language, or the id itself (never a raw key). */
export function tracingLabel(t: Translate, prefix: 'contacts.kind' | 'chains.classification' | 'contacts.status', id: string): string {
  const key = `${prefix}.${id}`;
  return hasMessage(key) ? t(key) : id;
}

/** The reason in the UI language. */
export const reasonIn = (language: string, reason: { zh: string; en: string }) => (language === 'en' ? reason.en : reason.zh);
