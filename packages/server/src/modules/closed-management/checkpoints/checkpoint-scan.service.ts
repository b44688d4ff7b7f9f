import { checkpointDecision, type SeenCode } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { personOfSubject } from '../../../codes/code-subject.ts';
import { verifyCode } from '../../../codes/code-token.ts';
import type { RequestContext } from '../../../http/context.ts';
import { colourNow } from '../../codes/code.service.ts';
import { checkpointRules, placeInScope, scopeOf } from '../closed-management-access.ts';
import { insertScan } from '../devices/device.repository.ts';
import { checkpointsUnder } from './checkpoint.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'cipher'>;

export async function listCheckpoints(deps: Deps, context: RequestContext) {
  return { items: await checkpointsUnder(deps.database.db, scopeOf(context, 'checkpoint.operate')) };
}

/**
 * Checkpoint mode: verify the code, decide by the person's colour now (a paper or screenshot code keeps the
 * colour it was signed with; the checkpoint is online and asks again), keep the scan. Issue 12 defect 4.
 */
export async function scanAtCheckpoint(deps: Deps, context: RequestContext, checkpointId: string, token: string) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.operate', 'checkpoint');
  const now = deps.clock();
  const verified = await verifyCode(token.trim(), deps.codeKeys.publicKeys().keys, now);
  const personId = verified.valid ? personOfSubject(deps.cipher, verified.subject) : null;
  const seen: SeenCode =
    verified.valid && personId
      ? { valid: true, colour: verified.colour, colourNow: (await colourNow(db, personId, now)).colour }
      : { valid: false, reason: verified.valid ? 'unknownSubject' : verified.reason };
  const verdict = checkpointDecision(checkpointRules(), seen);
  const scanId = await insertScan(db, {
    personId,
    placeId: checkpoint.id,
    scannedAt: now,
    colourSeen: verdict.colour,
    decision: verdict.decision,
    reason: verdict.because[0]?.rule ?? null,
    jurisdictionPath: checkpoint.jurisdictionPath,
  });
  return { scanId, ...verdict, scannedAt: now.toISOString() };
}
