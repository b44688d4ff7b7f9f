import type { TaskSource } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { issueTask } from '../command/task.service.ts';
import { followUpAssignee } from './institution-access.ts';

export interface FollowUp {
  sourceKind: Extract<
    TaskSource,
    | 'pharmacy_follow_up'
    | 'school_absence_nat'
    | 'institution_incident'
    | 'screening_symptomatic'
    | 'hotel_guest_report'
    | 'community_report'
    | 'community_mode_switch'
  >;
  sourceId: string;
  title: string;
  description: string;
  dueAt: Date;
  place: { id: string; path: string };
  /** Who works it, in order of preference, among the users covering the place. */
  roles: readonly string[];
}

/** A follow-up an institution's record (or a door-to-door visit) starts, as a command task (so it shows on the assignee's work list), in the caller's transaction. */
export async function issueFollowUp(tx: Db, context: RequestContext, f: FollowUp) {
  return issueTask(tx, context, {
    title: f.title,
    description: f.description,
    dueAt: f.dueAt,
    place: f.place,
    headquartersId: null,
    workingGroupId: null,
    assigneeUserId: await followUpAssignee(tx, f.place.path, f.roles),
    units: [],
    sourceKind: f.sourceKind,
    sourceId: f.sourceId,
  });
}
