import {
  AppError,
  findEdition,
  forbidden,
  type LocalProfile,
  type Permission,
  type ProtocolEdition,
  pathInScope,
  scopePaths,
  type TestingRules,
  testingRulesOf,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { editionById, profileById, protocolInForce } from '../protocols/protocol-in-force.ts';

export const scopeOf = (context: RequestContext, permission: Permission) => scopePaths(context.actor.grants, permission);

/** A campaign and a caller's scope meet when one holds the other: a grid worker sees their part of a district campaign. */
export function overlapsScope(path: string, scope: readonly string[]): boolean {
  return scope.some((root) => path.startsWith(root) || root.startsWith(path));
}

export interface EditionRules {
  edition: ProtocolEdition;
  /** The local profile laid on the edition's rules (its id is kept with what opens under it). */
  profile: LocalProfile | undefined;
  rules: TestingRules;
}

/**
 * The testing rules at a place at an instant, as `protocolInForce` answers (issue 14 part 3, RULES-001): the edition
 * in force with the nearest local profile's pool sizes laid on top.
 */
export async function rulesInForce(db: Db, at: Date, jurisdictionPath: string): Promise<EditionRules> {
  const { edition, profile } = await protocolInForce(db, { jurisdictionPath, at });
  return { edition, profile, rules: testingRulesOf(edition, profile) };
}

/** The rules a campaign opened under: its edition and the profile it started with, whatever is in force since. */
export async function rulesOfCampaign(db: Db, campaign: { editionId: string; profileId: string | null }): Promise<TestingRules> {
  const edition = await editionById(db, campaign.editionId);
  if (!edition) throw new AppError('conflict', 'unknownEdition', 'editionId');
  return testingRulesOf(edition, campaign.profileId ? await profileById(db, campaign.profileId) : undefined);
}

/** The rules of the (shipped) edition a campaign or tube was opened under. */
export function rulesOfEdition(editionId: string): TestingRules {
  const edition = findEdition(editionId);
  if (!edition) throw new AppError('conflict', 'unknownEdition', 'editionId');
  return testingRulesOf(edition);
}

/** The rules of the edition a stored tube, sample or visit was opened under: shipped or the district's own. */
export async function rulesOfStoredEdition(db: Db, editionId: string): Promise<TestingRules> {
  return (await rulesOfEditions(db, [editionId]))(editionId);
}

/**
 * The rules of the editions some tubes were opened under, shipped or the district's own (issue 14 part 3), read
 * once, for code that decides tube by tube.
 */
export async function rulesOfEditions(db: Db, editionIds: readonly string[]): Promise<(editionId: string) => TestingRules> {
  const found = new Map<string, TestingRules>();
  for (const id of new Set(editionIds)) {
    const edition = await editionById(db, id);
    if (edition) found.set(id, testingRulesOf(edition));
  }
  return (id) => found.get(id) ?? rulesOfEdition(id);
}

/**
 * The community (village, 12-digit NBS code) a path lies in, or the path itself above that level:
 * progress, alerts and door-to-door lists are per community.
 */
export function communityPathOf(path: string): string {
  return /^(.*?\/\d{12}\/)/.exec(path)?.[1] ?? path;
}

/** The town (street, 9-digit NBS code) a path lies in, or the path itself above that level: progress per town. */
export function townPathOf(path: string): string {
  return /^(.*?\/\d{9}\/)/.exec(path)?.[1] ?? path;
}

/** The caller's scope for the permission, or one jurisdiction inside it (403 for one outside). */
export async function narrowScope(db: Db, context: RequestContext, permission: Permission, jurisdictionId: string | undefined) {
  const scope = scopeOf(context, permission);
  if (!jurisdictionId) return { scope, jurisdiction: null };
  const where = await findJurisdictionById(db, jurisdictionId);
  if (!where || !pathInScope(where.path, scope)) throw forbidden('jurisdictionId');
  return { scope: [where.path], jurisdiction: where };
}

/** A unique-index violation (23505) of the named constraint, however deep the driver wrapped it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const found = e as { code?: string; constraint?: string };
    if (found.code === '23505' && found.constraint === constraint) return true;
  }
  return false;
}
