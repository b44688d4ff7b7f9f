import {
  invalid,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizePhone,
  normalizeResidentId,
  notFound,
  pathInScope,
  pharmacyFollowUpDue,
  pharmacySaleProblem,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit, recordRead } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { findPersonByIdHash } from '../persons/person.repository.ts';
import {
  findSale,
  type InstitutionRow,
  insertSale,
  listSales,
  refreshSentinelCount,
  type SaleRow,
  setSaleTask,
} from './institution.repository.ts';
import { assertNamedReporter, institutionInScope, scopeOf } from './institution-access.ts';
import { issueFollowUp } from './institution-follow-up.ts';
import { markShared, unsharedSales } from './permits-guests.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface SaleInput {
  buyerName: string;
  buyerIdNumber: string;
  buyerPhone: string;
  drugName: string;
  drugClass: string;
  quantity: number;
  soldAt?: string;
}

/** The buyer's community: where the buyer is registered, else the pharmacy's own (PHAR-001 hands each buyer to their community). */
async function followUpPlace(db: Db, idHash: string, pharmacy: InstitutionRow) {
  const person = await findPersonByIdHash(db, idHash);
  if (person?.jurisdictionId) {
    const home = await findJurisdictionById(db, person.jurisdictionId);
    if (home) return { id: home.id, path: home.path };
  }
  return { id: pharmacy.jurisdictionId, path: pharmacy.jurisdictionPath };
}

/**
 * A real-name sale (PHAR-001, SC-61): checked (a valid resident ID, phone, a register drug), sealed, counted into
 * the pharmacy-purchase series, queued for sharing (PHAR-002), and its buyer handed to their community as a task
 * due within the protocol's hours — on the grid worker's work list.
 */
export async function recordSale(deps: Deps, context: RequestContext, id: string, input: SaleInput) {
  const db = deps.database.db;
  const row = await institutionInScope(db, context, id, 'institution.report');
  if (row.kind !== 'pharmacy') throw invalid('id', 'notAPharmacy');
  assertNamedReporter(context, row);
  const now = deps.clock();
  const soldAt = input.soldAt ? new Date(input.soldAt) : now;
  const problem = pharmacySaleProblem({ ...input, soldAt }, now, shanghaiDate(now));
  if (problem) throw invalid(problem.field, problem.reason);
  const idNumber = normalizeResidentId(input.buyerIdNumber);
  const phone = normalizePhone(input.buyerPhone);
  const idHash = deps.cipher.lookupHash('resident_id', idNumber);
  const target = await followUpPlace(db, idHash, row);
  const day = shanghaiDate(soldAt);
  const due = pharmacyFollowUpDue(soldAt);
  return db.transaction(async (tx) => {
    const sale = await insertSale(tx, {
      institutionId: row.id,
      soldAt,
      day,
      buyerNameMasked: maskName(input.buyerName.trim()),
      buyerNameCipher: deps.cipher.encrypt(input.buyerName.trim()),
      buyerIdHash: idHash,
      buyerIdMasked: maskIdNumber(idNumber),
      buyerIdCipher: deps.cipher.encrypt(idNumber),
      buyerPhoneMasked: maskPhone(phone),
      buyerPhoneCipher: deps.cipher.encrypt(phone),
      drugName: input.drugName.trim(),
      drugClass: input.drugClass,
      quantity: input.quantity,
      followUpJurisdictionId: target.id,
      recordedBy: context.actor.userId,
      jurisdictionId: row.jurisdictionId,
      jurisdictionPath: row.jurisdictionPath,
    });
    const task = await issueFollowUp(tx, context, {
      sourceKind: 'pharmacy_follow_up',
      sourceId: sale.id,
      title: `药店购药人随访：${sale.buyerNameMasked}（${sale.drugName}）`,
      description: `${row.name} 实名购买${sale.drugName}，电话 ${sale.buyerPhoneMasked}；请于时限内电话或上门随访健康状况（PHAR-001）`,
      dueAt: due.dueAt,
      place: target,
      roles: ['grid_worker', 'assigned_medic', 'town_cadre'],
    });
    await setSaleTask(tx, sale.id, task.id);
    await refreshSentinelCount(tx, { id: row.jurisdictionId, path: row.jurisdictionPath }, 'pharmacy_fever_drug_purchase', day);
    await recordAudit(tx, context, {
      action: 'pharmacy.sale',
      entityType: 'pharmacy_sale',
      entityId: sale.id,
      jurisdictionPath: row.jurisdictionPath,
      after: {
        drugName: sale.drugName,
        drugClass: sale.drugClass,
        quantity: sale.quantity,
        buyerId: sale.buyerIdMasked,
        followUpTaskId: task.id,
      },
    });
    return saleView({ ...sale, followUpTaskId: task.id }, row.name, due.dueAt);
  });
}

function saleView(s: SaleRow, pharmacyName: string, followUpDueAt?: Date) {
  return {
    id: s.id,
    institutionId: s.institutionId,
    pharmacyName,
    soldAt: s.soldAt.toISOString(),
    buyerName: s.buyerNameMasked,
    buyerIdNumber: s.buyerIdMasked,
    buyerPhone: s.buyerPhoneMasked,
    drugName: s.drugName,
    drugClass: s.drugClass,
    quantity: s.quantity,
    followUpTaskId: s.followUpTaskId,
    followUpDueAt: followUpDueAt?.toISOString() ?? pharmacyFollowUpDue(s.soldAt).dueAt.toISOString(),
  };
}

/** Sales in the caller's scope, personal data masked (issue 16: buyer records are personal data). */
export async function saleList(deps: Deps, context: RequestContext, institutionId: string | undefined, limit: number, offset: number) {
  const page = await listSales(deps.database.db, scopeOf(context, 'institution.read'), institutionId, limit, offset);
  return { items: page.items.map((r) => saleView(r.row, r.pharmacyName)), total: page.total };
}

/** The buyer in full, only with a stated purpose, and every such view audited. */
export async function revealSale(deps: Deps, context: RequestContext, id: string, purpose: string) {
  const db = deps.database.db;
  const sale = await findSale(db, id);
  if (!sale || !pathInScope(sale.jurisdictionPath, scopeOf(context, 'institution.read'))) {
    // The buyer's community follows the buyer up: it sees the sale too.
    const target = sale ? await findJurisdictionById(db, sale.followUpJurisdictionId) : undefined;
    if (!sale || !target || !pathInScope(target.path, scopeOf(context, 'institution.read'))) throw notFound('id');
  }
  if (!purpose.trim()) throw invalid('purpose', 'required');
  await recordRead(db, context, {
    action: 'pharmacy.sale.reveal',
    entityType: 'pharmacy_sale',
    entityId: sale.id,
    jurisdictionPath: sale.jurisdictionPath,
    after: { purpose: purpose.trim() },
  });
  return {
    id: sale.id,
    buyerName: deps.cipher.decrypt(sale.buyerNameCipher),
    buyerIdNumber: deps.cipher.decrypt(sale.buyerIdCipher),
    buyerPhone: deps.cipher.decrypt(sale.buyerPhoneCipher),
  };
}

export const SHARE_RECIPIENTS = ['department', 'provincial_platform'] as const;
export type ShareRecipient = (typeof SHARE_RECIPIENTS)[number];

/** PHAR-002 / SC-61: how many complete records in scope wait to be shared, and since when. */
export async function shareOutbox(deps: Deps, context: RequestContext) {
  const rows = await unsharedSales(deps.database.db, scopeOf(context, 'institution.manage'));
  return { pending: rows.length, oldestSoldAt: rows[0]?.row.soldAt.toISOString() ?? null };
}

/**
 * PHAR-002 / SC-61: the queued sales in scope handed over to the department or the provincial big-data platform,
 * in full (the receiving system needs the real name), once each; the hand-over is audited with its purpose.
 */
export async function shareSales(deps: Deps, context: RequestContext, input: { recipient: ShareRecipient; purpose: string }) {
  const db = deps.database.db;
  if (!input.purpose.trim()) throw invalid('purpose', 'required');
  const paths = scopeOf(context, 'institution.manage');
  const at = deps.clock();
  return db.transaction(async (tx) => {
    const rows = await unsharedSales(tx, paths);
    await markShared(
      tx,
      rows.map((r) => r.row.id),
      at,
    );
    for (const path of new Set(rows.map((r) => r.row.jurisdictionPath))) {
      const here = rows.filter((r) => r.row.jurisdictionPath === path);
      await recordAudit(tx, context, {
        action: 'pharmacy.sale.share',
        entityType: 'pharmacy_sale',
        entityId: here[0]?.row.id ?? '',
        jurisdictionPath: path,
        after: { recipient: input.recipient, purpose: input.purpose.trim(), count: here.length, saleIds: here.map((r) => r.row.id) },
      });
    }
    return {
      recipient: input.recipient,
      sharedAt: at.toISOString(),
      count: rows.length,
      items: rows.map(({ row, pharmacyName }) => ({
        id: row.id,
        pharmacyName,
        soldAt: row.soldAt.toISOString(),
        buyerName: deps.cipher.decrypt(row.buyerNameCipher),
        buyerIdNumber: deps.cipher.decrypt(row.buyerIdCipher),
        buyerPhone: deps.cipher.decrypt(row.buyerPhoneCipher),
        drugName: row.drugName,
        drugClass: row.drugClass,
        quantity: row.quantity,
      })),
    };
  });
}
