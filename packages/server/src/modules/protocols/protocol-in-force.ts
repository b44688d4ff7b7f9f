import {
  type CalendarDate,
  COUNTRY_ROOT,
  editionInForce,
  findEdition,
  findProfile,
  invalid,
  jurisdictionCodesOfPath,
  LOCAL_PROFILES,
  type LocalProfile,
  type ProtocolEdition,
  profileFor,
  shanghaiDate,
} from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import { findJurisdictionsByCodes } from '../jurisdictions/jurisdiction.repository.ts';
import { protocolList } from './protocol.service.ts';
import {
  activeEditionPathsOnDay,
  activeEditionsOnPath,
  activeProfilesOnDay,
  activeProfilesOnPath,
  adoptedEditions,
  adoptedProfiles,
  findProtocolDocumentByKey,
  type ProtocolDocumentRow,
} from './protocol-document.repository.ts';

export interface ProtocolInForce {
  edition: ProtocolEdition;
  /** The nearest local profile on the jurisdiction's path for the edition, if any. */
  profile: LocalProfile | undefined;
  /** Where the profile comes from: compiled with the platform, or the district's own document (its row id). */
  profileSource: { kind: 'shipped' } | { kind: 'document'; documentId: string } | null;
}

export interface InForceQuery {
  jurisdictionPath: string;
  /** The instant asked about: the district's profiles in effect on its day apply. */
  at: Date;
  /** An edition named explicitly (an episode may name one). */
  editionId?: string;
  /** The day the edition is chosen by, when not the instant's (an episode counts from its start date). */
  editionDate?: CalendarDate;
  /** The field a missing edition is reported on. */
  dateField?: string;
}

const profileOfRow = (row: ProtocolDocumentRow): LocalProfile | undefined =>
  row.document.kind === 'profile' ? row.document.profile : undefined;

/**
 * Which rules apply to a jurisdiction at an instant (issue 14 part 3, RULES-001): the shipped edition in force
 * (or the one named) overlaid by the nearest local profile of the subtree, whether the district's own active
 * profile (from its effective day) or one shipped with the platform; at the same jurisdiction the district's
 * own wins. Every module that needs the rules of a place asks here.
 */
export async function protocolInForce(db: Db, query: InForceQuery): Promise<ProtocolInForce> {
  const day = shanghaiDate(query.at);
  const edition = query.editionId
    ? await editionById(db, query.editionId)
    : await editionOnDay(db, query.jurisdictionPath, day, query.editionDate ?? day);
  if (!edition) throw query.editionId ? invalid('editionId', 'unknownEdition') : invalid(query.dateField ?? 'date', 'noEditionInForce');
  const rows = await activeProfilesOnPath(db, query.jurisdictionPath, edition.id, day);
  const own = rows.flatMap((row) => {
    const profile = profileOfRow(row);
    return profile ? [{ profile, row }] : [];
  });
  const candidates = [...own.map((o) => o.profile), ...LOCAL_PROFILES];
  const profile = profileFor(jurisdictionCodesOfPath(query.jurisdictionPath), edition.id, candidates);
  const document = own.find((o) => o.profile === profile);
  const profileSource = !profile
    ? null
    : document
      ? { kind: 'document' as const, documentId: document.row.id }
      : { kind: 'shipped' as const };
  return { edition, profile, profileSource };
}

const editionOfRow = (row: ProtocolDocumentRow): ProtocolEdition | undefined =>
  row.document.kind === 'edition' ? row.document.edition : undefined;

/**
 * The edition in force at a place: the district's own active edition (imported, approved, activated from a day) whose
 * dates hold `editionDate`, the deepest and latest first; else the shipped edition in force on that date.
 */
async function editionOnDay(db: Db, path: string, day: CalendarDate, editionDate: CalendarDate) {
  const rows = await activeEditionsOnPath(db, path, day);
  const own = rows
    .flatMap((row) => {
      const edition = editionOfRow(row);
      return edition ? [{ edition, depth: row.jurisdictionPath.length }] : [];
    })
    .filter(({ edition }) => edition.effectiveFrom <= editionDate && (!edition.effectiveTo || editionDate <= edition.effectiveTo))
    .sort((a, b) => b.depth - a.depth || b.edition.effectiveFrom.localeCompare(a.edition.effectiveFrom));
  return own[0]?.edition ?? editionInForce(editionDate);
}

/**
 * The edition in force at a place at an instant (issue 14, RULES-001): the one `protocolInForce` answers, for the
 * modules that read only the edition (cases, tracing, response, information, early warning); undefined when none.
 * `editionDate` is the day the edition is chosen by when not the instant's (a case counts from its discovery).
 */
export async function editionAt(
  db: Db,
  jurisdictionPath: string,
  at: Date,
  editionDate?: CalendarDate,
): Promise<ProtocolEdition | undefined> {
  const day = shanghaiDate(at);
  return editionOnDay(db, jurisdictionPath, day, editionDate ?? day);
}

/** `editionAt` for a record that cannot open without an edition: 400 `noEditionInForce` on `field` when none is. */
export async function editionAtOrRefuse(db: Db, jurisdictionPath: string, at: Date, field: string): Promise<ProtocolEdition> {
  const edition = await editionAt(db, jurisdictionPath, at);
  if (!edition) throw invalid(field, 'noEditionInForce');
  return edition;
}

/** The editions a list of records names, each looked up once (a page of cases names one or two). */
export async function editionsById(db: Db, ids: readonly string[]): Promise<Map<string, ProtocolEdition>> {
  const found = new Map<string, ProtocolEdition>();
  for (const id of new Set(ids)) {
    const edition = await editionById(db, id);
    if (edition) found.set(id, edition);
  }
  return found;
}

/**
 * An edition by its id: shipped, or the district's own document (any state after approval: an episode, campaign or
 * zone keeps the edition it started under when a later one supersedes it).
 */
export async function editionById(db: Db, id: string): Promise<ProtocolEdition | undefined> {
  const shipped = findEdition(id);
  if (shipped) return shipped;
  const row = await findProtocolDocumentByKey(db, id);
  return row && row.status !== 'draft' ? editionOfRow(row) : undefined;
}

/** A local profile in effect and where it holds (undefined when its jurisdiction is not in this deployment). */
export interface ProfileInEffect {
  profile: LocalProfile;
  path: string | undefined;
}

/**
 * Every local profile of every edition in effect on a day: the district's own active ones first (they win at the
 * same jurisdiction), then the shipped ones — for the jobs that run over the whole deployment (retention).
 */
export async function profilesInEffect(db: Db, day: CalendarDate): Promise<ProfileInEffect[]> {
  const own = (await activeProfilesOnDay(db, day)).flatMap((row) => {
    const profile = profileOfRow(row);
    return profile ? [{ profile, path: row.jurisdictionPath }] : [];
  });
  const codes = LOCAL_PROFILES.map((p) => p.jurisdictionCode);
  const paths = new Map((await findJurisdictionsByCodes(db, codes)).map((j) => [j.code, j.path]));
  paths.set(COUNTRY_ROOT.code, COUNTRY_ROOT.path);
  return [...own, ...LOCAL_PROFILES.map((profile) => ({ profile, path: paths.get(profile.jurisdictionCode) }))];
}

/** Where the district's own active editions hold from a day or earlier (each path's edition is `editionAt`'s answer). */
export const editionPathsInEffect = (db: Db, day: CalendarDate): Promise<string[]> => activeEditionPathsOnDay(db, day);

/** The district's adopted editions, to check a profile written for one of them. */
export async function districtEditions(db: Db): Promise<ProtocolEdition[]> {
  return (await adoptedEditions(db)).flatMap((row) => {
    const edition = editionOfRow(row);
    return edition ? [edition] : [];
  });
}

/** The district's adopted editions and profiles (approved, active or superseded: stored records keep theirs). */
export async function adoptedDistrictProtocols(db: Db): Promise<{ editions: ProtocolEdition[]; profiles: LocalProfile[] }> {
  const profiles = (await adoptedProfiles(db)).flatMap((row) => {
    const profile = profileOfRow(row);
    return profile ? [profile] : [];
  });
  return { editions: await districtEditions(db), profiles };
}

/** The shipped editions and profiles with the district's adopted ones beside them, as `GET /api/protocols` lists them. */
export async function protocolListWithDistrict(db: Db) {
  const own = await adoptedDistrictProtocols(db);
  return protocolList(own.profiles, own.editions);
}

/**
 * The profile an episode started under, by its id: shipped, or the district's document (any state after
 * activation: an episode keeps its profile when a later one supersedes it).
 */
export async function profileById(db: Db, id: string): Promise<LocalProfile | undefined> {
  const shipped = findProfile(id);
  if (shipped) return shipped;
  const row = await findProtocolDocumentByKey(db, id);
  return row ? profileOfRow(row) : undefined;
}
