import {
  type EnvironmentAction,
  environmentFollowUpOf,
  environmentRulesOf,
  isEnvironmentSpecimenKind,
  type LabResult,
  type Reason,
} from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { recordAudit } from '../../../audit/audit.service.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { raiseAlert } from '../../key-persons/alert.repository.ts';
import { communityPathOf, rulesOfStoredEdition } from '../testing-access.ts';
import { insertTaskOnce, type ResultedSampleRow, resultedSamplesOf } from './environment-follow-up.repository.ts';
import { districtPathOf } from './environment-paths.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export interface EnvironmentFollowUpCounts {
  /** The resulted tubes that were environment samples (the rest are people's tubes). */
  tubeIds: Set<string>;
  alerts: number;
  tasks: number;
}

/** The work each action hands out: the place's own community does the disinfection; the district traces the batch. */
const TASKS: Partial<Record<EnvironmentAction, { kind: string; at: 'place' | 'district'; rule: string }>> = {
  closeAndDisinfect: { kind: 'environment_disinfection', at: 'place', rule: 'testing.environment.disinfect' },
  screenWorkers: { kind: 'worker_screening', at: 'place', rule: 'testing.environment.screenWorkers' },
  traceBatch: { kind: 'batch_trace', at: 'district', rule: 'testing.environment.traceBatch' },
  resample: { kind: 'environment_resample', at: 'place', rule: 'testing.environment.resample' },
};
const ALERTS: Partial<Record<EnvironmentAction, 'community' | 'marketSupervision'>> = {
  communityAlert: 'community',
  districtAlert: 'marketSupervision',
};

/** What every alert and task of a sample carries: the sample, its tube and barcode, the place and the goods. */
function detailsOf(sample: ResultedSampleRow): Record<string, unknown> {
  return {
    source: 'environment',
    sampleId: sample.id,
    tubeId: sample.tube_id,
    barcode: sample.barcode,
    result: sample.result,
    placeId: sample.place_id,
    placeName: sample.place_name,
    placeKind: sample.place_kind,
    specimenKind: sample.specimen_kind,
    goodsDescription: sample.goods_description,
    coldChain: sample.cold_chain,
    batchNumber: sample.batch_number,
  };
}

const basisOf = (reasons: readonly Reason[], rule: string) => {
  const found = reasons.find((r) => r.rule === rule);
  return found ? { source: found.source, clause: found.clause, says: found.says } : null;
};

async function followUpOne(tx: Db, context: RequestContext, sample: ResultedSampleRow, now: Date, origin: Record<string, string>) {
  if (!isEnvironmentSpecimenKind(sample.specimen_kind)) throw new Error(`unknown specimen kind ${sample.specimen_kind}`);
  const rules = environmentRulesOf(await rulesOfStoredEdition(tx, sample.edition_id));
  const outcome = environmentFollowUpOf(rules, {
    result: sample.result as LabResult,
    specimenKind: sample.specimen_kind,
    batchNumber: sample.batch_number,
  });
  const base = { ...detailsOf(sample), ...origin };
  const counts = { alerts: 0, tasks: 0 };
  for (const action of outcome.decision) {
    const audience = ALERTS[action];
    if (audience) {
      const path = audience === 'community' ? communityPathOf(sample.jurisdiction_path) : districtPathOf(sample.jurisdiction_path);
      const dedupKey = `environment:${sample.tube_id}:${audience}`;
      if (await raiseAlert(tx, { kind: 'environment_positive', dedupKey, details: { ...base, audience }, jurisdictionPath: path })) {
        counts.alerts++;
      }
    }
    const task = TASKS[action];
    if (task) {
      const jurisdictionPath = task.at === 'place' ? sample.jurisdiction_path : districtPathOf(sample.jurisdiction_path);
      const details = { ...base, closePlace: action === 'closeAndDisinfect', because: basisOf(outcome.because, task.rule) };
      if (await insertTaskOnce(tx, { kind: task.kind, jurisdictionPath, dueAt: now, details })) counts.tasks++;
    }
  }
  await recordAudit(tx, context, {
    action: 'testing.environmentFollowUp',
    entityType: 'environment_sample',
    entityId: sample.id,
    jurisdictionPath: sample.jurisdiction_path,
    after: { tubeId: sample.tube_id, barcode: sample.barcode, result: sample.result, decision: outcome.decision, ...origin, ...counts },
  });
  return counts;
}

/**
 * The follow-up of resulted environment tubes, inside the lab batch's transaction (called by the
 * fan-out): alerts to the place's community and district, the place closed and disinfected, its
 * workers screened, the batch traced, or a new sample. Every alert and task carries `origin` (an
 * approved correction's id when one reruns it). Answers which tubes were environment tubes.
 */
export async function environmentFollowUp(
  tx: Db,
  deps: Deps,
  context: RequestContext,
  tubeIds: readonly string[],
  origin: Record<string, string> = {},
): Promise<EnvironmentFollowUpCounts> {
  const samples = await resultedSamplesOf(tx, tubeIds);
  const total: EnvironmentFollowUpCounts = { tubeIds: new Set(samples.map((s) => s.tube_id)), alerts: 0, tasks: 0 };
  const now = deps.clock();
  for (const sample of samples) {
    const counts = await followUpOne(tx, context, sample, now, origin);
    total.alerts += counts.alerts;
    total.tasks += counts.tasks;
  }
  return total;
}
