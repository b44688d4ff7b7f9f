import { type CompoundEntryInForce, compoundEntryInForce } from '../../closed-management/compound-entry-rules.ts';
import { codeRulesOf } from '../../codes/code-rules.ts';
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

/** What a preview groups changes by: a key-person category, or a section the profile sets (pool sizes, colour rules). */
export type RuleChangeGroup = {
  category: KeyPersonCategory | null;
  section?: 'testing' | 'codes' | 'compoundEntry';
  changes: DocumentChange[];
};

/**
 * The rules a profile changes against its edition, with the changes (what a preview shows): per key-person
 * category, then the pool sizes (`testing.pooling`, by zone type) and colour rules (`codes`, by kind) it replaces.
 */
export function profileRuleChanges(edition: ProtocolEdition, profile: LocalProfile): RuleChangeGroup[] {
  const categories = Object.keys(profile.overrides).flatMap((key) => {
    const category = key as KeyPersonCategory;
    const base = categoryRule(edition, category);
    const overlaid = categoryRule(edition, category, profile);
    const changes = diffDocuments(base, overlaid);
    return changes.length > 0 ? [{ category, changes }] : [];
  });
  const pools = (profile.testing?.pooling ?? []).flatMap((rule) => {
    const before = edition.testing?.pooling.find((p) => p.zoneType === rule.zoneType);
    const changes = diffDocuments(before, rule).map((c) => ({
      ...c,
      path: `testing.pooling.${rule.zoneType}${c.path ? `.${c.path}` : ''}`,
    }));
    return changes.length > 0 ? [{ category: null, section: 'testing' as const, changes }] : [];
  });
  const codes = profile.codes?.length ? [{ category: null, section: 'codes' as const, changes: codeRuleChanges(edition, profile) }] : [];
  return [...categories, ...pools, ...codes.filter((c) => c.changes.length > 0), ...compoundEntryChanges(profile)];
}

/** The entry regime a profile chooses against the one compounds run without a choice (SC-42 → SC-43). */
function compoundEntryChanges(profile: LocalProfile): RuleChangeGroup[] {
  if (!profile.compoundEntry) return [];
  const view = ({ regime, rules }: CompoundEntryInForce) => ({ regime, required: [...rules.required] });
  const changes = diffDocuments(view(compoundEntryInForce(undefined)), view(compoundEntryInForce(profile))).map((c) => ({
    ...c,
    path: `compoundEntry${c.path ? `.${c.path}` : ''}`,
  }));
  return changes.length > 0 ? [{ category: null, section: 'compoundEntry', changes }] : [];
}

function codeRuleChanges(edition: ProtocolEdition, profile: LocalProfile): DocumentChange[] {
  const base = codeRulesOf(edition);
  const kinds = [...new Set((profile.codes ?? []).map((rule) => rule.kind))];
  return kinds.flatMap((kind) =>
    diffDocuments(
      base?.rules.filter((rule) => rule.kind === kind),
      profile.codes?.filter((rule) => rule.kind === kind),
    ).map((c) => ({ ...c, path: `codes.${kind}${c.path}` })),
  );
}
