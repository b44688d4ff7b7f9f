import { KEY_PERSON_CATEGORIES, type LocalProfile, type ProtocolEdition } from '../protocol-types.ts';
import { PROTOCOL_EDITIONS } from '../registry.ts';
import { CATEGORY_RULE_FIELDS, checkRuleConsistency, checkRuleFields } from './category-check.ts';
import { DocumentCheck, type DocumentIssue, type Json } from './document-check.ts';
import { checkCompoundEntry, checkProfileCodes, checkProfileTesting } from './profile-sections-check.ts';

/**
 * Protocols as data (issue 14 part 3, RULES-001): an edition or a local profile written as one JSON document, so a
 * district takes a new edition or sets a local rule without a software release. The shipped editions export to it
 * and read back unchanged.
 */
export const PROTOCOL_DOCUMENT_FORMAT = 'fangkong.protocol/1';

export type EditionDocument = { format: typeof PROTOCOL_DOCUMENT_FORMAT; kind: 'edition'; edition: ProtocolEdition };
export type ProfileDocument = { format: typeof PROTOCOL_DOCUMENT_FORMAT; kind: 'profile'; profile: LocalProfile };
export type ProtocolDocument = EditionDocument | ProfileDocument;
export const PROTOCOL_DOCUMENT_KINDS = ['edition', 'profile'] as const;

export type DocumentReading = { ok: true; document: ProtocolDocument } | { ok: false; issues: DocumentIssue[] };

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
const JURISDICTION_CODE = /^(CN|\d{2,12})$/;
const EDITION_FIELDS = ['id', 'name', 'legalBasis', 'effectiveFrom', 'effectiveTo', 'categories'] as const;
/**
 * Sections of an edition read by other modules, checked for shape and for a clause behind every `basis`. Every
 * section of ProtocolEdition must be listed: a section added to the type and not here fails the type check.
 */
const EDITION_SECTIONS = ['testing', 'cases', 'tracing', 'response', 'retention', 'risk', 'zones', 'information', 'earlyWarning'] as const;
type EditionSection = Exclude<keyof ProtocolEdition, (typeof EDITION_FIELDS)[number]>;
type UnlistedSection = Exclude<EditionSection, (typeof EDITION_SECTIONS)[number]>;
const everySectionListed: [UnlistedSection] extends [never] ? true : UnlistedSection = true;
void everySectionListed;
const PROFILE_FIELDS = [
  'id',
  'name',
  'jurisdictionCode',
  'editionId',
  'basis',
  'overrides',
  'retention',
  'risk',
  'testing',
  'codes',
  'compoundEntry',
] as const;

/** Plain JSON: what a file holds and what reads back (no `undefined`, no shared references). */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function exportEdition(edition: ProtocolEdition): EditionDocument {
  return { format: PROTOCOL_DOCUMENT_FORMAT, kind: 'edition', edition: plain(edition) };
}

export function exportProfile(profile: LocalProfile): ProfileDocument {
  return { format: PROTOCOL_DOCUMENT_FORMAT, kind: 'profile', profile: plain(profile) };
}

function checkId(check: DocumentCheck, value: Json, path: string) {
  if (check.text(value, path) && !ID_PATTERN.test(value)) check.fail(path, 'invalidId');
}

function checkLegalBasis(check: DocumentCheck, value: Json, path: string) {
  if (!check.array(value, path)) return;
  if (value.length === 0) check.fail(path, 'required');
  value.forEach((item, i) => {
    const at = `${path}[${i}]`;
    if (!check.object(item, at)) return;
    check.knownKeys(item, at, ['title', 'issuer', 'documentNumber', 'issued']);
    check.text(item.title, `${at}.title`);
    check.text(item.issuer, `${at}.issuer`);
    if (item.documentNumber !== undefined) check.text(item.documentNumber, `${at}.documentNumber`);
    check.date(item.issued, `${at}.issued`);
  });
}

function checkCategories(check: DocumentCheck, value: Json, path: string) {
  if (!check.object(value, path)) return;
  for (const [category, rule] of Object.entries(value)) {
    const at = `${path}.${category}`;
    if (!check.oneOf(category, at, KEY_PERSON_CATEGORIES) || !check.object(rule, at)) continue;
    check.knownKeys(rule, at, ['category', ...CATEGORY_RULE_FIELDS]);
    if (rule.category !== category) check.fail(`${at}.category`, 'categoryMismatch');
    checkRuleFields(check, rule, at, false);
    checkRuleConsistency(check, rule, (field) => `${at}.${field}`);
  }
}

function checkRetention(check: DocumentCheck, value: Json, path: string, partial: boolean) {
  if (!check.object(value, path)) return;
  for (const period of ['scans', 'closedEpisodes'] as const) {
    const entry = value[period];
    if (partial && entry === undefined) continue;
    if (!check.object(entry, `${path}.${period}`)) continue;
    check.count(entry.days, `${path}.${period}.days`, 1);
    check.clause(entry.basis, `${path}.${period}.basis`);
  }
  if (!partial) check.clause(value.minimisation, `${path}.minimisation`);
}

function checkEdition(check: DocumentCheck, edition: Json, path: string) {
  if (!check.object(edition, path)) return;
  check.knownKeys(edition, path, [...EDITION_FIELDS, ...EDITION_SECTIONS]);
  checkId(check, edition.id, `${path}.id`);
  check.text(edition.name, `${path}.name`);
  checkLegalBasis(check, edition.legalBasis, `${path}.legalBasis`);
  const from = check.date(edition.effectiveFrom, `${path}.effectiveFrom`) ? edition.effectiveFrom : undefined;
  if (edition.effectiveTo !== undefined && check.date(edition.effectiveTo, `${path}.effectiveTo`) && from && edition.effectiveTo < from)
    check.fail(`${path}.effectiveTo`, 'endBeforeStart');
  checkCategories(check, edition.categories, `${path}.categories`);
  for (const section of EDITION_SECTIONS) {
    const value = edition[section];
    if (value === undefined) continue;
    if (!check.object(value, `${path}.${section}`)) continue;
    if (section === 'retention') checkRetention(check, value, `${path}.retention`, false);
    check.bases(value, `${path}.${section}`);
  }
}

function checkOverrides(check: DocumentCheck, value: Json, path: string, edition: ProtocolEdition | undefined) {
  if (!check.object(value, path)) return;
  for (const [category, override] of Object.entries(value)) {
    const at = `${path}.${category}`;
    if (!check.oneOf(category, at, KEY_PERSON_CATEGORIES) || !check.object(override, at)) continue;
    check.knownKeys(override, at, CATEGORY_RULE_FIELDS);
    checkRuleFields(check, override, at, true);
    const base = edition?.categories[category];
    if (edition && !base) {
      check.fail(at, 'categoryNotInEdition');
      continue;
    }
    // The rule the profile makes must hold together with what it keeps of the edition's.
    if (base) checkRuleConsistency(check, { ...plain(base), ...override }, (field) => `${at}.${field}`);
  }
}

function checkProfile(check: DocumentCheck, profile: Json, path: string, editions: readonly ProtocolEdition[]) {
  if (!check.object(profile, path)) return;
  check.knownKeys(profile, path, PROFILE_FIELDS);
  checkId(check, profile.id, `${path}.id`);
  check.text(profile.name, `${path}.name`);
  if (check.text(profile.jurisdictionCode, `${path}.jurisdictionCode`) && !JURISDICTION_CODE.test(profile.jurisdictionCode))
    check.fail(`${path}.jurisdictionCode`, 'invalidJurisdictionCode');
  let edition: ProtocolEdition | undefined;
  if (check.text(profile.editionId, `${path}.editionId`)) {
    edition = editions.find((e) => e.id === profile.editionId);
    if (!edition) check.fail(`${path}.editionId`, 'unknownEdition');
  }
  check.clause(profile.basis, `${path}.basis`);
  checkOverrides(check, profile.overrides, `${path}.overrides`, edition);
  if (profile.retention !== undefined) checkRetention(check, profile.retention, `${path}.retention`, true);
  if (profile.risk !== undefined && check.object(profile.risk, `${path}.risk`)) check.bases(profile.risk, `${path}.risk`);
  if (profile.testing !== undefined) checkProfileTesting(check, profile.testing, `${path}.testing`);
  if (profile.codes !== undefined) checkProfileCodes(check, profile.codes, `${path}.codes`);
  if (profile.compoundEntry !== undefined) checkCompoundEntry(check, profile.compoundEntry, `${path}.compoundEntry`);
}

/**
 * Reads a protocol document: every issue with its path and reason, or the document. A profile must name one of
 * `editions` (the shipped ones unless told) and override only categories that edition has.
 */
export function readProtocolDocument(value: Json, editions: readonly ProtocolEdition[] = PROTOCOL_EDITIONS): DocumentReading {
  const check = new DocumentCheck();
  if (!check.object(value, '$')) return { ok: false, issues: check.issues };
  if (value.format !== PROTOCOL_DOCUMENT_FORMAT) check.fail('format', value.format === undefined ? 'required' : 'unknownFormat');
  if (check.oneOf(value.kind, 'kind', PROTOCOL_DOCUMENT_KINDS)) {
    check.knownKeys(value, '$', ['format', 'kind', value.kind]);
    if (value.kind === 'edition') checkEdition(check, value.edition, 'edition');
    else checkProfile(check, value.profile, 'profile', editions);
  }
  if (check.issues.length > 0) return { ok: false, issues: check.issues };
  return { ok: true, document: plain(value) as ProtocolDocument };
}

/** The id a document is known by (the edition's or the profile's). */
export const documentKey = (document: ProtocolDocument) => (document.kind === 'edition' ? document.edition.id : document.profile.id);
