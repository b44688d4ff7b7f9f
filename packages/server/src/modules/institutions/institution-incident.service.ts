import { type IncidentFinding, type InstitutionKind, incidentPlan, invalid } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { insertIncident, setIncidentSteps } from './institution.repository.ts';
import { institutionInScope } from './institution-access.ts';
import { issueFollowUp } from './institution-follow-up.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

const FINDING_ZH: Record<IncidentFinding, string> = {
  confirmed_case: '确诊病例',
  suspected_case: '疑似病例',
  asymptomatic: '无症状感染者',
  positive_sample: '阳性样本',
};

/**
 * A case or positive sample at an institution (CASE-013, SC-66): the protocol's steps for its kind, each a task
 * due within its hours of the finding, issued with the incident in one transaction.
 */
export async function recordIncident(
  deps: Deps,
  context: RequestContext,
  id: string,
  input: { finding: IncidentFinding; foundAt?: string; note?: string },
) {
  const db = deps.database.db;
  const row = await institutionInScope(db, context, id, 'institution.incident');
  const now = deps.clock();
  const foundAt = input.foundAt ? new Date(input.foundAt) : now;
  if (Number.isNaN(foundAt.getTime()) || foundAt > now) throw invalid('foundAt', 'inFuture');
  const plan = incidentPlan(row.kind as InstitutionKind, foundAt);
  const place = { id: row.jurisdictionId, path: row.jurisdictionPath };
  return db.transaction(async (tx) => {
    const incident = await insertIncident(tx, {
      institutionId: row.id,
      finding: input.finding,
      foundAt,
      note: input.note?.trim() || null,
      steps: [],
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    const steps = [];
    for (const { step, dueAt } of plan) {
      const task = await issueFollowUp(tx, context, {
        sourceKind: 'institution_incident',
        sourceId: incident.id,
        title: `${row.name}${FINDING_ZH[input.finding]}处置：${step.zh}`,
        description: `${step.clause.source} ${step.clause.clause}: ${step.clause.says}`,
        // A step already past its hours when recorded late is due now plus a minute, so the task can be issued.
        dueAt: dueAt > now ? dueAt : new Date(now.getTime() + 60_000),
        place,
        roles: ['town_cadre', 'grid_worker', 'cdc_epidemiologist'],
      });
      steps.push({ stepId: step.id, dueAt: dueAt.toISOString(), taskId: task.id });
    }
    await setIncidentSteps(tx, incident.id, steps);
    await recordAudit(tx, context, {
      action: 'institution.incident',
      entityType: 'institution_incident',
      entityId: incident.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { finding: input.finding, foundAt: foundAt.toISOString(), steps },
    });
    return { id: incident.id, finding: input.finding, foundAt: foundAt.toISOString(), steps };
  });
}
