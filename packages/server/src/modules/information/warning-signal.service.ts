import { invalid, type Permission, pathInScope, warningDraftText } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findSignal, type SignalRow } from '../dashboard/early-warning.repository.ts';
import { seriesLabel } from '../dashboard/series-labels.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { type Deps, scopeOf } from './information-access.ts';

/** A signal named in a request: outside the caller's scope it is an unknown one (400 naming the field, INFO-007). */
export async function signalIn(db: Db, context: RequestContext, id: string, permission: Permission): Promise<SignalRow> {
  const row = await findSignal(db, id);
  if (!row || !pathInScope(row.jurisdictionPath, scopeOf(context, permission))) throw invalid('signalId', 'unknownSignal');
  return row;
}

/**
 * The signal a warning is drafted from, checked against the draft (INFO-007): only a warning links a signal, and the
 * signal lies in the area of the jurisdiction issuing the warning.
 */
export async function signalForDraft(
  db: Db,
  context: RequestContext,
  draft: { kind: string; signalId?: string },
  placePath: string,
): Promise<SignalRow | null> {
  if (!draft.signalId) return null;
  if (draft.kind !== 'warning') throw invalid('signalId', 'onlyForWarning');
  const signal = await signalIn(db, context, draft.signalId, 'information.publish');
  if (!pathInScope(signal.jurisdictionPath, [placePath])) throw invalid('signalId', 'signalOutsidePlace');
  return signal;
}

/** A warning tip pre-filled from an early-warning signal (INFO-007, CASE-007): the place, the series, the day and the count. */
export async function warningDraftFromSignal(deps: Deps, context: RequestContext, query: { signalId: string }) {
  const db = deps.database.db;
  const signal = await signalIn(db, context, query.signalId, 'information.read');
  const place = await findJurisdictionById(db, signal.jurisdictionId);
  const placeName = place?.name ?? '';
  return {
    signalId: signal.id,
    jurisdictionId: signal.jurisdictionId,
    jurisdictionName: placeName,
    series: signal.series,
    day: signal.day,
    count: signal.count,
    ...warningDraftText({ placeName, seriesName: seriesLabel(signal.series).zh, day: signal.day, count: signal.count }),
  };
}
