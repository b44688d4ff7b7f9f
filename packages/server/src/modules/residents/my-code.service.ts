import { decideColour, maskName, negativeWithin, shanghaiDate } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { sealSubject } from '../../codes/code-subject.ts';
import { signCode } from '../../codes/code-token.ts';
import type { RequestContext } from '../../http/context.ts';
import { healthFactsOf } from '../codes/health-facts.repository.ts';
import { asPersonResults } from '../testing/results/negative-result.service.ts';
import { resultView } from '../testing/results/person-results.service.ts';
import { resultsOfPerson } from '../testing/results/result.repository.ts';
import { rulesInForce as testingRulesInForce } from '../testing/testing-access.ts';
import { codeHistoryOf, declarationsOf } from './resident.repository.ts';
import { codeRulesInForce, type ResidentTarget, residentTarget, selfPersonId } from './resident-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'config' | 'cipher'>;

const RECENT_RESULTS = 10;
const HISTORY_ROWS = 30;

/** Every look at a person's record by a resident lands in the audit, saying whether it was by proxy. */
function auditView(deps: Deps, context: RequestContext, target: ResidentTarget, action: string, after: Record<string, unknown> = {}) {
  return recordAudit(deps.database.db, context, {
    action,
    entityType: 'person',
    entityId: target.person.id,
    jurisdictionPath: target.person.jurisdictionPath,
    after: { ...after, viaProxy: target.viaProxy },
    reason: target.viaProxy ? 'via proxy' : 'self',
  });
}

/** The resident's (or a dependant's) colour with its reasons and a signed token for the QR. */
export async function myCode(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const now = deps.clock();
  const ttl = deps.config.codeTtlSeconds;
  const decision = decideColour(await codeRulesInForce(db, now, target.person), await healthFactsOf(db, personId, now), now);
  const token = await signCode(
    { sub: sealSubject(deps.cipher, personId), c: decision.colour, v: decision.ruleVersion },
    await deps.codeKeys.current(),
    now,
    ttl,
  );
  await auditView(deps, context, target, 'code.view', { colour: decision.colour });
  return {
    personId,
    name: target.viaProxy ? maskName(target.person.name) : target.person.name,
    viaProxy: target.viaProxy,
    colour: decision.colour,
    ruleVersion: decision.ruleVersion,
    because: decision.because,
    token,
    expiresAt: new Date(now.getTime() + ttl * 1000).toISOString(),
  };
}

/** Colours the person had (written by the code service), newest first. */
export async function myCodeHistory(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const rows = await codeHistoryOf(db, personId, HISTORY_ROWS);
  await auditView(deps, context, target, 'code.history.view');
  return { items: rows.map((r) => ({ colour: r.colour, at: r.at.toISOString(), source: r.source })) };
}

/** Recent results and whether a negative result is held within each of the protocol's windows. */
export async function myResults(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const target = await residentTarget(db, context, personId);
  const now = deps.clock();
  const { rules } = await testingRulesInForce(db, now, target.person.jurisdictionPath);
  const rows = await resultsOfPerson(db, personId, null, RECENT_RESULTS);
  await auditView(deps, context, target, 'testing.results.view');
  return {
    personId,
    negativeWithin: rules.negativeValidityHours.hours.map((hours) => {
      const decision = negativeWithin(rules, asPersonResults(rows), now, hours);
      return { hours, negative: decision.decision, because: decision.because };
    }),
    results: rows.map(resultView),
  };
}

/** Who the account stands for, and whether today's declaration is in. */
export async function aboutMe(deps: Deps, context: RequestContext) {
  const db = deps.database.db;
  const own = await selfPersonId(db, context);
  const target = await residentTarget(db, context, own);
  const today = shanghaiDate(deps.clock());
  return {
    personId: own,
    name: target.person.name,
    idMasked: target.person.idMasked,
    today,
    declaredToday: (await declarationsOf(db, own, today)).length > 0,
  };
}
