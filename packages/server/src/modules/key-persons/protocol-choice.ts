import {
  type CalendarDate,
  type CategoryRule,
  categoryRule,
  editionInForce,
  findEdition,
  invalid,
  type KeyPersonCategory,
  type LocalProfile,
  type ProtocolEdition,
  profileFor,
} from '@fangkong/core';

export interface ProtocolChoice {
  edition: ProtocolEdition;
  profile: LocalProfile | undefined;
  rule: CategoryRule;
}

/** `/32/3204/320412/` → ['CN', '32', '3204', '320412'], root first, for profile lookup. */
export const codesOfPath = (path: string) => ['CN', ...path.split('/').filter(Boolean)];

/** The edition named, or the one in force on the start date; the jurisdiction's profile on top. */
export function chooseProtocol(input: {
  editionId?: string;
  startDate: CalendarDate;
  category: KeyPersonCategory;
  jurisdictionPath: string;
}): ProtocolChoice {
  const edition = input.editionId ? findEdition(input.editionId) : editionInForce(input.startDate);
  if (!edition) throw input.editionId ? invalid('editionId', 'unknownEdition') : invalid('startDate', 'noEditionInForce');
  const profile = profileFor(codesOfPath(input.jurisdictionPath), edition.id);
  const rule = categoryRule(edition, input.category, profile);
  if (!rule) throw invalid('category', 'categoryNotInEdition', { edition: edition.id });
  return { edition, profile, rule };
}
