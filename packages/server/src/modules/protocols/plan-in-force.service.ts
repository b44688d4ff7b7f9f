import { invalid, isCalendarDate, KEY_PERSON_CATEGORIES, type KeyPersonCategory, notFound, pathInScope, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { chooseProtocol } from '../key-persons/protocol-choice.ts';
import { planShape } from './protocol.service.ts';

export interface PlanInForceQuery {
  jurisdictionId: string;
  category: string;
  start: string;
}

/**
 * The plan registering a person of a jurisdiction would give (issue 14, RULES-001): the edition and local profile
 * in force there — the district's own when it activated them, else shipped — chosen by the same function the
 * registration asks (`chooseProtocol` → `protocolInForce`), never by the browser. A jurisdiction outside the
 * caller's scope answers 404.
 */
export async function planInForce(deps: Pick<AppDeps, 'database' | 'clock'>, context: RequestContext, query: PlanInForceQuery) {
  const db = deps.database.db;
  const place = await findJurisdictionById(db, query.jurisdictionId);
  if (!place || !pathInScope(place.path, scopePaths(context.actor.grants, 'keyPerson.read'))) throw notFound('jurisdictionId');
  if (!isCalendarDate(query.start)) throw invalid('start', 'invalidDate');
  const category = KEY_PERSON_CATEGORIES.find((c) => c === query.category);
  if (!category) throw invalid('category', 'invalidValue');
  const { edition, profile, rule } = await chooseProtocol(db, {
    startDate: query.start,
    category: category as KeyPersonCategory,
    jurisdictionPath: place.path,
    at: deps.clock(),
  });
  return {
    ...planShape(edition, rule, query.start, profile),
    editionName: edition.name,
    profileName: profile?.name ?? null,
  };
}
