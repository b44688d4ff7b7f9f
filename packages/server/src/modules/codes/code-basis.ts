import { type CodeColour, type CodeRuleSet, invalid } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { BASIS_RECORD_KINDS, type BasisRecordKind, basisRecordExists } from './code-change.repository.ts';

export interface Basis {
  basisKind: 'record' | 'rule';
  /** `record`: `<kind>:<id>` of one of the person's records; `rule`: a rule kind of the rule set in force (or `noRule`). */
  basisRef: string;
  basisNote: string;
}

const RECORD_REF = /^([a-z_]+):([0-9a-f-]{36})$/;

/** A rule basis must name a rule of the set in force that gives exactly the colour asked for. */
function checkRule(rules: CodeRuleSet, ref: string, toColour: CodeColour) {
  const kind = ref.replace(/^code\./, '').split('.')[0] ?? '';
  const cited = kind === 'noRule' ? toColour === 'green' : rules.rules.some((r) => r.kind === kind && r.colour === toColour);
  if (!cited) throw invalid('basisRef', 'basisRuleUnknown', { version: rules.version, colour: toColour });
}

/**
 * No colour without a basis (Henan 2022): the change must cite one of the person's own health records,
 * or a colour rule of the set in force. Anything else is refused before a row is written.
 */
export async function checkBasis(db: Db, rules: CodeRuleSet, personId: string, basis: Basis, toColour: CodeColour) {
  if (basis.basisNote.trim().length < 2) throw invalid('basisNote', 'required');
  if (basis.basisKind === 'rule') return checkRule(rules, basis.basisRef, toColour);
  const match = RECORD_REF.exec(basis.basisRef);
  const kind = match?.[1] as BasisRecordKind | undefined;
  if (!match || !kind || !BASIS_RECORD_KINDS.includes(kind))
    throw invalid('basisRef', 'basisRefFormat', { kinds: BASIS_RECORD_KINDS.join(', ') });
  if (!(await basisRecordExists(db, kind, match[2] ?? '', personId))) throw invalid('basisRef', 'basisNotFound');
}
