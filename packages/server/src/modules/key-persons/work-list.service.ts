import { addDays, scopePaths, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { missingChecks, openItems, releaseDue, type WorkItem, type WorkListFilter } from './work-list.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface WorkListQuery {
  date?: string;
  mine?: boolean;
  siteId?: string;
  limit: number;
}

const shape = (row: WorkItem) => ({
  episodeId: row.episode_id,
  personId: row.person_id,
  personName: row.person_name,
  idMasked: row.id_masked,
  category: row.category,
  managementType: row.management_type,
  itemId: row.item_id,
  testKind: row.test_kind,
  dueDate: row.due_date,
  siteId: row.site_id,
});

/** Today's work for the caller's scope: tests and checks due, what is overdue, and who is due for release. */
export async function workList(deps: Deps, context: RequestContext, query: WorkListQuery) {
  const today = query.date ?? shanghaiDate(deps.clock());
  const filter: WorkListFilter = {
    scopePaths: scopePaths(context.actor.grants, 'keyPerson.read'),
    today,
    yesterday: addDays(today, -1),
    assignedTo: query.mine ? (context.actor.userId ?? undefined) : undefined,
    siteId: query.siteId,
    limit: query.limit,
  };
  const db = deps.database.db;
  const [testsDue, testsOverdue, followUps, checksToday, checksYesterday, releases] = await Promise.all([
    openItems(db, filter, 'test', 'today'),
    openItems(db, filter, 'test', 'overdue'),
    openItems(db, filter, 'follow_up', 'upToToday'),
    missingChecks(db, filter, today),
    missingChecks(db, filter, filter.yesterday),
    releaseDue(db, filter),
  ]);
  return {
    date: today,
    testsDue: testsDue.map(shape),
    testsOverdue: testsOverdue.map(shape),
    followUpsDue: followUps.map(shape),
    checksDue: checksToday.map(shape),
    checksOverdue: checksYesterday.map(shape),
    releaseDue: releases.map(shape),
  };
}
