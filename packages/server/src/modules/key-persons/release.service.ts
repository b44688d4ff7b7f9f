import {
  AppError,
  categoryRule,
  type EpisodePlan,
  type KeyPersonCategory,
  type ReleaseDecision,
  releaseDecision,
  type SignatoryRole,
  shanghaiDate,
  type TestRecord,
  withDetails,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { resultsStandingNow } from '../codes/code.service.ts';
import { editionById, profileById } from '../protocols/protocol-in-force.ts';
import { type EpisodeRow, insertEvent, insertSignature, scheduleOfEpisode, signaturesOf, updateEpisode } from './episode.repository.ts';
import { episodeInScope } from './episode-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

async function decide(db: Db, episode: EpisodeRow, now: Date): Promise<ReleaseDecision> {
  const today = shanghaiDate(now);
  const edition = await editionById(db, episode.editionId);
  const profile = episode.profileId ? await profileById(db, episode.profileId) : undefined;
  const rule = edition && categoryRule(edition, episode.category as KeyPersonCategory, profile);
  if (!rule) return { decision: 'notApplicable', because: [], missing: [] };
  const items = await scheduleOfEpisode(db, episode.id);
  const tests: TestRecord[] = items
    .filter((i) => i.kind === 'test' && i.sampledAt && i.testKind)
    .map((i) => ({
      kind: i.testKind as TestRecord['kind'],
      sampledAt: i.sampledAt as Date,
      result: (i.result ?? 'pending') as TestRecord['result'],
    }));
  const signatures = (await signaturesOf(db, episode.id)).map((s) => ({ role: s.role as SignatoryRole, userId: s.userId }));
  const standing = await resultsStandingNow(db, episode.personId, now);
  return releaseDecision({
    standing,
    rule,
    plan: episode.plan as unknown as EpisodePlan,
    today,
    tests,
    symptomsReported: episode.symptomsReported,
    signatures,
  });
}

export async function releaseStatus(deps: Deps, context: RequestContext, episodeId: string) {
  const episode = await episodeInScope(deps.database.db, context, episodeId, 'keyPerson.read');
  const decision = await decide(deps.database.db, episode, deps.clock());
  const signatures = await signaturesOf(deps.database.db, episodeId);
  return {
    ...decision,
    releasedAt: episode.releasedAt?.toISOString() ?? null,
    signatures: signatures.map((s) => ({ role: s.role, userId: s.userId, signedAt: s.signedAt.toISOString() })),
  };
}

function assignedFor(episode: EpisodeRow, role: SignatoryRole): string | null {
  return role === 'assigned_cadre' ? episode.assignedCadreId : episode.assignedMedicId;
}

/** Later phases (home health monitoring after quarantine) keep the episode active after release. */
function afterRelease(episode: EpisodeRow, now: Date) {
  const plan = episode.plan as unknown as EpisodePlan;
  const next = plan.phases.find((p) => plan.releaseDate !== null && p.from > plan.releaseDate);
  return next ? { releasedAt: now, managementType: next.type } : { releasedAt: now, status: 'released' };
}

/** Signs as the assigned cadre or medic; refused with reasons while the protocol's conditions do not hold. */
export async function signRelease(deps: Deps, context: RequestContext, episodeId: string, role: SignatoryRole) {
  const db = deps.database.db;
  const episode = await episodeInScope(db, context, episodeId, 'keyPerson.sign');
  if (episode.releasedAt) throw new AppError('conflict', 'alreadyReleased', 'id');
  if (!context.actor.userId || assignedFor(episode, role) !== context.actor.userId)
    throw new AppError('forbidden', 'notAssignedSigner', 'role');
  const now = deps.clock();
  const before = await decide(db, episode, now);
  if (before.decision !== 'awaitingSignatures')
    throw withDetails(new AppError('conflict', 'releaseRefused', 'id', { missing: before.missing.join(', ') }), before);
  if (!before.missing.includes(`signature:${role}`)) throw new AppError('conflict', 'alreadySigned', 'role');
  return db.transaction(async (tx) => {
    await insertSignature(tx, { episodeId, role, userId: context.actor.userId as string, signedAt: now });
    const after = await decide(tx, episode, now);
    if (after.decision === 'released') await updateEpisode(tx, episodeId, afterRelease(episode, now));
    await insertEvent(tx, {
      episodeId,
      personId: episode.personId,
      at: now,
      kind: after.decision === 'released' ? 'released' : 'signed',
      actorUserId: context.actor.userId,
      details: { role },
    });
    await recordAudit(tx, context, {
      action: 'keyPerson.signRelease',
      entityType: 'key_person_episode',
      entityId: episodeId,
      jurisdictionPath: episode.jurisdictionPath,
      after: { role, decision: after.decision },
    });
    return { decision: after.decision, missing: after.missing };
  });
}
