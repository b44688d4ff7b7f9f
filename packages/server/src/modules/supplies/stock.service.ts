import {
  applyMovement,
  conflict,
  daysOfCover,
  dispatchPurposeMissing,
  expiryFinding,
  invalid,
  lineIsLow,
  MAX_BALANCE,
  pathInScope,
  type ReadinessFinding,
  readinessRules,
  type StockHolderKind,
  type StockLine,
  type StockMovementKind,
  type SupplyItem,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { raiseAlert } from '../key-persons/alert.repository.ts';
import {
  findStockItem,
  insertMovement,
  insertStockItem,
  lockStockItem,
  movementsOf,
  type StockItemRow,
  setStockBalance,
  stockItemsUnder,
} from './stock.repository.ts';
import { checkDates, inScope, readPaths, scopeOf, writeJurisdiction } from './supplies-access.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

export const lineOf = (row: StockItemRow): StockLine => ({
  id: row.id,
  holderKind: row.holderKind as StockHolderKind,
  holderName: row.holderName,
  item: row.item as SupplyItem,
  quantity: row.quantity,
  dailyUse: row.dailyUse,
  expiresOn: row.expiresOn,
});

const findingView = (f: ReadinessFinding | null) =>
  f ? { level: f.level, rule: f.rule, requirement: f.requirement, values: f.values, clause: `${f.basis.source} ${f.basis.clause}` } : null;

function stockView(row: StockItemRow, today: string) {
  const line = lineOf(row);
  return {
    id: row.id,
    jurisdictionId: row.jurisdictionId,
    holderKind: row.holderKind,
    holderName: row.holderName,
    item: row.item,
    unit: row.unit,
    quantity: row.quantity,
    dailyUse: row.dailyUse,
    expiresOn: row.expiresOn,
    daysOfCover: daysOfCover(line, today),
    low: findingView(lineIsLow(line, readinessRules(), today)),
    expiry: findingView(expiryFinding(line, today, readinessRules())),
  };
}

/** Stock in scope (or under one jurisdiction), each line marked low or near expiry with the rule and clause. */
export async function listStock(deps: Deps, context: RequestContext, query: { jurisdictionId?: string }) {
  const db = deps.database.db;
  const rows = await stockItemsUnder(db, await readPaths(db, context, query.jurisdictionId));
  const today = shanghaiDate(deps.clock());
  return rows.map((row) => stockView(row, today));
}

const alertDetails = (row: StockItemRow, finding: ReadinessFinding) => ({
  stockItemId: row.id,
  holderName: row.holderName,
  item: row.item,
  rule: finding.rule,
  values: finding.values,
});

/**
 * Raises `stock_expiry` once when a line enters the warning window and once when it expires (the dedup key is
 * the line, the rule and the date), whether a movement or the hourly sweep sees it first (RES-013).
 */
export async function raiseExpiryAlert(db: Db, row: StockItemRow, today: string): Promise<boolean> {
  const finding = expiryFinding(lineOf(row), today, readinessRules());
  if (!finding) return false;
  return raiseAlert(db, {
    kind: 'stock_expiry',
    dedupKey: `stock_expiry:${row.id}:${finding.rule}:${row.expiresOn}`,
    details: alertDetails(row, finding),
    jurisdictionPath: row.jurisdictionPath,
  });
}

/** Raises `stock_low` for a line once a day (dedup key) and its expiry alert, seen in its jurisdiction and above (RES-013). */
export async function raiseStockAlerts(db: Db, row: StockItemRow, today: string): Promise<void> {
  const low = lineIsLow(lineOf(row), readinessRules(), today);
  if (low) {
    await raiseAlert(db, {
      kind: 'stock_low',
      dedupKey: `stock_low:${row.id}:${today}`,
      details: alertDetails(row, low),
      jurisdictionPath: row.jurisdictionPath,
    });
  }
  await raiseExpiryAlert(db, row, today);
}

export interface NewStockItem {
  jurisdictionId: string;
  holderKind: StockHolderKind;
  holderName: string;
  item: SupplyItem;
  unit: string;
  quantity: number;
  dailyUse?: number | null;
  expiresOn?: string | null;
}

/** A holder starts keeping an item: its opening balance is recorded as a receipt (RES-013). */
export async function createStockItem(deps: Deps, context: RequestContext, input: NewStockItem) {
  checkDates({ expiresOn: input.expiresOn ?? undefined });
  const db = deps.database.db;
  const where = await writeJurisdiction(db, context, input.jurisdictionId);
  const now = deps.clock();
  if (input.expiresOn && input.expiresOn < shanghaiDate(now) && input.quantity > 0) throw invalid('expiresOn', 'alreadyExpired');
  return db.transaction(async (tx) => {
    const row = await insertStockItem(tx, {
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
      holderKind: input.holderKind,
      holderName: input.holderName.trim(),
      item: input.item,
      unit: input.unit,
      quantity: input.quantity,
      dailyUse: input.dailyUse ?? null,
      expiresOn: input.expiresOn ?? null,
    });
    if (!row) throw conflict('item', 'stockItemExists');
    if (input.quantity > 0) {
      await insertMovement(tx, {
        stockItemId: row.id,
        kind: 'receive',
        delta: input.quantity,
        balanceAfter: input.quantity,
        reason: 'opening',
        movedAt: now,
        movedBy: context.actor.userId,
        jurisdictionPath: row.jurisdictionPath,
      });
    }
    await recordAudit(tx, context, {
      action: 'supply.stockCreate',
      entityType: 'stock_item',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      after: { ...input },
    });
    await raiseStockAlerts(tx, row, shanghaiDate(now));
    return stockView(row, shanghaiDate(now));
  });
}

export interface MovementInput {
  kind: StockMovementKind;
  quantity: number;
  reason?: string;
  donor?: string;
  toStockItemId?: string;
  /** A receipt may bring a new earliest expiry; a count may correct the daily use. */
  expiresOn?: string;
  dailyUse?: number;
}

async function moveInto(tx: Db, context: RequestContext, from: StockItemRow, toId: string, quantity: number, now: Date) {
  const target = await lockStockItem(tx, toId);
  // An id in a body that is not the caller's: 400 at the field, nothing written.
  if (!target || !pathInScope(target.jurisdictionPath, scopeOf(context, 'supply.write')))
    throw invalid('toStockItemId', 'unknownStockItem');
  if (target.item !== from.item) throw invalid('toStockItemId', 'transferOtherItem');
  const balance = target.quantity + quantity;
  if (balance > MAX_BALANCE) throw invalid('quantity', 'countTooLarge', { max: MAX_BALANCE });
  await setStockBalance(tx, target.id, balance);
  await insertMovement(tx, {
    stockItemId: target.id,
    kind: 'transfer',
    delta: quantity,
    balanceAfter: balance,
    counterpartItemId: from.id,
    movedAt: now,
    movedBy: context.actor.userId,
    jurisdictionPath: target.jurisdictionPath,
  });
}

/** A movement of one line (RES-013, RES-014): refused at the field when it would go below zero; a transfer lands in the target line. */
export async function moveStock(deps: Deps, context: RequestContext, id: string, input: MovementInput) {
  checkDates({ expiresOn: input.expiresOn });
  const db = deps.database.db;
  inScope(await findStockItem(db, id), context, 'supply.write');
  const now = deps.clock();
  const today = shanghaiDate(now);
  return db.transaction(async (tx) => {
    const row = inScope(await lockStockItem(tx, id), context, 'supply.write');
    // RES-009: scarce protective supplies go out only for a named purpose (precise dispatch).
    if (dispatchPurposeMissing(row.item, input, readinessRules())) throw invalid('reason', 'scarcePurposeRequired');
    const balance = applyMovement(row.quantity, input, row.id);
    const delta = balance - row.quantity;
    const changes = {
      ...(input.expiresOn ? { expiresOn: input.expiresOn } : {}),
      ...(input.dailyUse !== undefined ? { dailyUse: input.dailyUse } : {}),
    };
    await setStockBalance(tx, row.id, balance, changes);
    if (input.kind === 'transfer' && input.toStockItemId) await moveInto(tx, context, row, input.toStockItemId, -delta, now);
    const movement = await insertMovement(tx, {
      stockItemId: row.id,
      kind: input.kind,
      delta,
      balanceAfter: balance,
      counterpartItemId: input.toStockItemId ?? null,
      donor: input.donor ?? null,
      reason: input.reason ?? null,
      movedAt: now,
      movedBy: context.actor.userId,
      jurisdictionPath: row.jurisdictionPath,
    });
    await recordAudit(tx, context, {
      action: `supply.${input.kind}`,
      entityType: 'stock_item',
      entityId: row.id,
      jurisdictionPath: row.jurisdictionPath,
      before: { quantity: row.quantity },
      after: { ...input, balance },
    });
    const after = { ...row, ...changes, quantity: balance };
    await raiseStockAlerts(tx, after, today);
    return { movementId: movement.id, stock: stockView(after, today) };
  });
}

/** The movements of one line, newest first. */
export async function stockMovements(deps: Deps, context: RequestContext, id: string, limit: number, offset: number) {
  const db = deps.database.db;
  inScope(await findStockItem(db, id), context, 'supply.read');
  const page = await movementsOf(db, id, limit, offset);
  return {
    total: page.total,
    items: page.items.map((m) => ({
      id: m.id,
      kind: m.kind,
      delta: m.delta,
      balanceAfter: m.balanceAfter,
      donor: m.donor,
      reason: m.reason,
      movedAt: m.movedAt.toISOString(),
    })),
  };
}
