import { invalid } from '../errors/app-error.ts';

/**
 * Stock movements (RES-013, RES-014): goods received (bought or allocated), donated, issued for use,
 * transferred to another holder, or adjusted after a count with its reason. A balance never goes below
 * zero: a movement that would take it there is refused at the field, nothing written.
 */
export const STOCK_MOVEMENT_KINDS = ['receive', 'donation', 'issue', 'transfer', 'adjust'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

export interface StockMovementInput {
  kind: StockMovementKind;
  /** How many units; positive, except an adjustment which is signed (a count found 3 short is -3). */
  quantity: number;
  reason?: string | null;
  donor?: string | null;
  toStockItemId?: string | null;
}

/** The most a single movement may move: a guard against a typo of extra zeros. */
export const MAX_MOVEMENT_QUANTITY = 10_000_000;
/** A balance stays inside a 32-bit integer column. */
export const MAX_BALANCE = 2_000_000_000;

const blank = (value: string | null | undefined) => !value || value.trim() === '';

function checkQuantity(input: StockMovementInput): void {
  const q = input.quantity;
  if (!Number.isInteger(q)) throw invalid('quantity', 'notWholeNumber');
  if (Math.abs(q) > MAX_MOVEMENT_QUANTITY) throw invalid('quantity', 'countTooLarge', { max: MAX_MOVEMENT_QUANTITY });
  if (input.kind === 'adjust' ? q === 0 : q <= 0) throw invalid('quantity', 'quantityNotPositive');
}

function checkParticulars(input: StockMovementInput, stockItemId: string): void {
  if (input.kind === 'adjust' && blank(input.reason)) throw invalid('reason', 'adjustNeedsReason');
  if (input.kind === 'donation' && blank(input.donor)) throw invalid('donor', 'donationNeedsDonor');
  if (input.kind === 'transfer' && !input.toStockItemId) throw invalid('toStockItemId', 'transferNeedsTarget');
  if (input.kind === 'transfer' && input.toStockItemId === stockItemId) throw invalid('toStockItemId', 'transferToItself');
}

/** The change a movement makes to the holder's balance: + for goods in, - for goods out. */
export function movementDelta(input: Pick<StockMovementInput, 'kind' | 'quantity'>): number {
  if (input.kind === 'issue' || input.kind === 'transfer') return -input.quantity;
  return input.quantity;
}

/** The balance after the movement, or a 400 at the field (quantity, reason, donor, target) with nothing changed. */
export function applyMovement(balance: number, input: StockMovementInput, stockItemId: string): number {
  checkQuantity(input);
  checkParticulars(input, stockItemId);
  const after = balance + movementDelta(input);
  if (after < 0) throw invalid('quantity', 'stockBelowZero', { available: balance });
  if (after > MAX_BALANCE) throw invalid('quantity', 'countTooLarge', { max: MAX_BALANCE });
  return after;
}
