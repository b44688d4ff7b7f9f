import type { Translate } from './i18n.tsx';
import { type MessageKey, zhCN } from './messages.zh-CN.ts';

/** `grid_worker` → `gridWorker`: ids are snake_case, UI keys camelCase (GLOSSARY.md). */
export function camelId(id: string): string {
  return id.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** `app_user` ← `appUser`: back from a UI key to the id the API speaks. */
export function snakeId(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

export type LabelPrefix =
  | 'role'
  | 'place.kind'
  | 'jurisdiction.level'
  | 'person.idType'
  | 'person.gender'
  | 'person.householdRole'
  | 'audit.action'
  | 'audit.entity'
  | 'keyPerson.category'
  | 'keyPerson.managementType'
  | 'keyPerson.status'
  | 'keyPerson.testKind'
  | 'keyPerson.testResult'
  | 'keyPerson.itemKind'
  | 'keyPerson.itemStatus'
  | 'keyPerson.symptom'
  | 'keyPerson.decision'
  | 'keyPerson.signatory'
  | 'keyPerson.event'
  | 'keyPerson.task'
  | 'keyPerson.followUp'
  | 'keyPerson.rule'
  | 'keyPerson.importStatus'
  | 'keyPerson.transferStatus'
  | 'alert.kind'
  | 'assist.status'
  | 'zone.risk';

/** The label of an id under a key prefix, or the id itself when the dictionary has none (a newer server). */
export function labelOf(t: Translate, prefix: LabelPrefix, id: string | null | undefined): string {
  if (!id) return '';
  const key = `${prefix}.${camelId(id)}`;
  return hasMessage(key) ? t(key) : id;
}

/** The ids that have a label under a prefix, in dictionary order. */
export function messageIdsUnder(prefix: LabelPrefix): string[] {
  return Object.keys(zhCN)
    .filter((key) => key.startsWith(`${prefix}.`))
    .map((key) => key.slice(prefix.length + 1));
}
