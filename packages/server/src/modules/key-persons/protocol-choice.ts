import {
  type CalendarDate,
  type CategoryRule,
  categoryRule,
  invalid,
  type KeyPersonCategory,
  type LocalProfile,
  type ProtocolEdition,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { protocolInForce } from '../protocols/protocol-in-force.ts';

export interface ProtocolChoice {
  edition: ProtocolEdition;
  profile: LocalProfile | undefined;
  rule: CategoryRule;
}

/**
 * The edition named, or the one in force on the start date; the profile in force for the jurisdiction at the
 * moment of registration on top (`protocolInForce`: the district's active profiles and the shipped ones).
 */
export async function chooseProtocol(
  db: Db,
  input: { editionId?: string; startDate: CalendarDate; category: KeyPersonCategory; jurisdictionPath: string; at: Date },
): Promise<ProtocolChoice> {
  const { edition, profile } = await protocolInForce(db, {
    jurisdictionPath: input.jurisdictionPath,
    at: input.at,
    editionId: input.editionId,
    editionDate: input.startDate,
    dateField: 'startDate',
  });
  const rule = categoryRule(edition, input.category, profile);
  if (!rule) throw invalid('category', 'categoryNotInEdition', { edition: edition.id });
  return { edition, profile, rule };
}
