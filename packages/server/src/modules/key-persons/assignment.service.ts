import { AppError, notFound, pathInScope, ROLES, roleGrants, scopePaths } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { usersCovering } from '../users/user.repository.ts';
import { insertEvent, updateEpisode } from './episode.repository.ts';
import { checkAssignable, episodeInScope } from './episode-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const SIGNING_ROLES = ROLES.filter((role) => roleGrants(role, 'keyPerson.sign'));

/** Accounts that may sign releases for people of a jurisdiction: a signing role on it or on an ancestor. */
export async function assignableUsers(deps: Deps, context: RequestContext, jurisdictionId: string) {
  const target = await findJurisdictionById(deps.database.db, jurisdictionId);
  if (!target || !pathInScope(target.path, scopePaths(context.actor.grants, 'keyPerson.read'))) throw notFound('jurisdictionId');
  const rows = await usersCovering(deps.database.db, target.path, SIGNING_ROLES);
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role }));
}

export interface Assignment {
  assignedCadreId?: string;
  assignedMedicId?: string;
  reason: string;
}

/** Names the cadre (包保干部) and medic (包保医务人员) who will sign the release. */
export async function assignEpisode(deps: Deps, context: RequestContext, episodeId: string, input: Assignment) {
  const db = deps.database.db;
  const episode = await episodeInScope(db, context, episodeId, 'keyPerson.write');
  if (episode.releasedAt || episode.status !== 'active') throw new AppError('conflict', 'episodeNotActive', 'id');
  await checkAssignable(db, input.assignedCadreId, episode.jurisdictionPath, 'assignedCadreId');
  await checkAssignable(db, input.assignedMedicId, episode.jurisdictionPath, 'assignedMedicId');
  const changes = {
    ...(input.assignedCadreId ? { assignedCadreId: input.assignedCadreId } : {}),
    ...(input.assignedMedicId ? { assignedMedicId: input.assignedMedicId } : {}),
  };
  await db.transaction(async (tx) => {
    await updateEpisode(tx, episodeId, changes);
    await insertEvent(tx, {
      episodeId,
      personId: episode.personId,
      at: deps.clock(),
      kind: 'assigned',
      actorUserId: context.actor.userId,
      details: changes,
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.assign',
      entityType: 'key_person_episode',
      entityId: episodeId,
      jurisdictionPath: episode.jurisdictionPath,
      before: { assignedCadreId: episode.assignedCadreId, assignedMedicId: episode.assignedMedicId },
      after: changes,
      reason: input.reason,
    });
  });
  return { id: episodeId, ...changes };
}
