import { AppError, invalid } from '../errors/app-error.ts';
import { JURISDICTION_LEVELS, type JurisdictionLevel, levelOfDivisionCode } from '../jurisdiction/levels.ts';
import type { ApprovalStep, InformationRules, ReleaseKind } from '../protocols/information-rule-types.ts';
import type { ProtocolEdition } from '../protocols/protocol-types.ts';

/** The edition's information rules; an edition without them cannot release anything (field `editionId`). */
export function informationRules(edition: ProtocolEdition): InformationRules {
  if (!edition.information) throw invalid('editionId', 'noInformationRules', { edition: edition.id });
  return edition.information;
}

export type InfoResult<T> = { ok: true; value: T } | { ok: false; problem: AppError };
export const infoOk = <T>(value: T): InfoResult<T> => ({ ok: true, value });
export const infoFail = <T>(problem: AppError): InfoResult<T> => ({ ok: false, problem });

/** 0 for the country … 6 for a grid: a smaller rank is a higher level. */
const rankOf = (level: JurisdictionLevel): number => JURISDICTION_LEVELS.indexOf(level);

/** Whether an authority held at `held` covers a step at `needed` (the same level or above it). */
export const levelCovers = (held: JurisdictionLevel, needed: JurisdictionLevel): boolean => rankOf(held) <= rankOf(needed);

/**
 * The approval chain of an item drafted at a jurisdiction of `draftLevel` (INFO-001: 逐级上报): the kind's
 * steps at or above that level; when every step lies below it (a district's own notice), one approval at the
 * drafting level itself, by someone other than the drafter.
 */
export function approvalChain(rules: InformationRules, kind: ReleaseKind | 'interview', draftLevel: JurisdictionLevel): ApprovalStep[] {
  // A district's own edition written before a kind existed has no chain for it: no approver, so never publishable.
  const chain: readonly ApprovalStep[] = rules.chains[kind] ?? [];
  const steps = chain.filter((step) => levelCovers(step.level, draftLevel));
  if (steps.length > 0) return steps;
  const last = chain.at(-1);
  return last ? [{ level: draftLevel, basis: last.basis }] : [];
}

export interface Approval {
  by: string;
  /** The highest level at which the approver holds the approval permission over the item. */
  level: JurisdictionLevel;
  at: Date;
  note: string;
}

/**
 * One more approval on a chain: never the drafter (four eyes), never twice by one person, and by an authority
 * at the step's level or above. Answers the approvals so far with this one added.
 */
export function addApproval(
  chain: readonly ApprovalStep[],
  done: readonly Approval[],
  drafter: string,
  next: Approval,
): InfoResult<Approval[]> {
  const step = chain[done.length];
  if (!step) return infoFail(new AppError('conflict', 'chainComplete', 'status'));
  if (next.by === drafter) return infoFail(new AppError('forbidden', 'drafterCannotApprove', 'id'));
  if (done.some((a) => a.by === next.by)) return infoFail(new AppError('forbidden', 'approverAlreadySigned', 'id'));
  if (!levelCovers(next.level, step.level)) {
    return infoFail(new AppError('forbidden', 'approverLevelTooLow', 'id', { level: step.level }));
  }
  return infoOk([...done, next]);
}

/** The level of the jurisdiction at a path: `/` the country, a division code by its length, anything finer a grid. */
export function levelOfPath(path: string): JurisdictionLevel {
  const code = path.split('/').filter(Boolean).at(-1);
  if (!code) return 'country';
  return levelOfDivisionCode(code) ?? 'grid';
}

/**
 * The highest level at which someone holding a permission over the subtrees `scope` has authority over an item
 * at `itemPath` (their grant on the item's line of the tree nearest the root), or null when they have none there.
 */
export function authorityLevel(scope: readonly string[], itemPath: string): JurisdictionLevel | null {
  const covering = scope.filter((root) => itemPath.startsWith(root)).sort((a, b) => a.length - b.length)[0];
  return covering === undefined ? null : levelOfPath(covering);
}
