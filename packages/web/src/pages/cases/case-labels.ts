import type { Translate } from '../../i18n/i18n.tsx';
import { hasMessage } from '../../i18n/labels.ts';

/** A label for an API value under a case prefix; an unknown value shows as itself, never as a raw key. */
export function caseLabel(t: Translate, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}`;
  return hasMessage(key) ? t(key) : value;
}

export const CLOCK_COLORS: Record<string, string> = {
  on_time: 'blue',
  due_soon: 'orange',
  late: 'red',
  done: 'green',
  done_late: 'volcano',
};
