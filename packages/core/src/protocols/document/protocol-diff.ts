import type { KeyPersonCategory, LocalProfile, ProtocolEdition } from '../protocol-types.ts';
import { categoryRule } from '../registry.ts';
import { isObject, type Json } from './document-check.ts';

/** One value that differs between two documents, at its path (`edition.categories.close_contact.phases[0].days`). */
export interface DocumentChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: Json;
  after?: Json;
}

function walk(before: Json, after: Json, path: string, out: DocumentChange[]) {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, change: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, change: 'removed', before });
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, change: 'changed', before, after });
}

/** Every value that differs between two documents (or any two parts of them), leaf by leaf; arrays by position. */
export function diffDocuments(before: Json, after: Json): DocumentChange[] {
  const out: DocumentChange[] = [];
  walk(JSON.parse(JSON.stringify(before ?? null)), JSON.parse(JSON.stringify(after ?? null)), '', out);
  return out;
}

/** The categories whose rule a profile changes against its edition, with the changes (what a preview shows). */
export function profileRuleChanges(edition: ProtocolEdition, profile: LocalProfile) {
  return Object.keys(profile.overrides).flatMap((key) => {
    const category = key as KeyPersonCategory;
    const base = categoryRule(edition, category);
    const overlaid = categoryRule(edition, category, profile);
    const changes = diffDocuments(base, overlaid);
    return changes.length > 0 ? [{ category, changes }] : [];
  });
}
