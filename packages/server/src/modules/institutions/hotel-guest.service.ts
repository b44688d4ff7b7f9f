import {
  addDays,
  type IdType,
  INSTITUTION_PROTOCOL_SEED_2020,
  type InstitutionProfile,
  identityProblem,
  invalid,
  isCalendarDate,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeIdNumber,
  normalizePhone,
  notFound,
  pathInScope,
  phoneProblem,
  shanghaiDate,
} from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit, recordRead } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { publishedGradeOver } from '../community/community.repository.ts';
import { communityRules } from '../community/community-access.ts';
import { findJurisdictionById } from '../jurisdictions/jurisdiction.repository.ts';
import { idLookupHash } from '../persons/person-record.ts';
import { assertNamedReporter, institutionInScope, scopeOf } from './institution-access.ts';
import { issueFollowUp } from './institution-follow-up.ts';
import { findHotelGuest, type HotelGuestRow, hotelGuestsUnder, insertHotelGuest, setGuestTask } from './permits-guests.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher'>;

export interface GuestInput {
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  fromPlace: string;
  fromJurisdictionId?: string;
  checkInOn?: string;
}

/** A key area for PUB-007: a place published at a grade door-to-door screening counts (one answer for both). */
const isKeyArea = (grade: string | null) => grade !== null && (communityRules().screening.riskGrades as readonly string[]).includes(grade);

function guestView(g: HotelGuestRow, hotelName: string) {
  return {
    id: g.id,
    institutionId: g.institutionId,
    hotelName,
    checkInOn: g.checkInOn,
    name: g.nameMasked,
    idNumber: g.idMasked,
    phone: g.phoneMasked,
    fromPlace: g.fromPlace,
    fromGrade: g.fromGrade,
    keyArea: isKeyArea(g.fromGrade),
    reportTaskId: g.reportTaskId,
  };
}

function checkGuest(input: GuestInput, today: string) {
  if (!input.name.trim()) throw invalid('name', 'required');
  const id = identityProblem({ idType: input.idType, idNumber: input.idNumber }, today);
  if (id) throw invalid(id.field, id.reason);
  if (input.phone && phoneProblem(input.phone)) throw invalid('phone', 'phone.format');
  if (!input.fromPlace.trim()) throw invalid('fromPlace', 'required');
  const day = input.checkInOn ?? today;
  if (!isCalendarDate(day)) throw invalid('checkInOn', 'invalidDate');
  if (day > today) throw invalid('checkInOn', 'inFuture');
  if (day < addDays(today, -30)) throw invalid('checkInOn', 'tooOld');
  return day;
}

/**
 * A hotel registers a guest (PUB-007): identity sealed, previews masked; a guest from a key area is reported to the
 * hotel's community as a task within the protocol's hours (KP-G07).
 */
export async function registerGuest(deps: Deps, context: RequestContext, id: string, input: GuestInput) {
  const db = deps.database.db;
  const hotel = await institutionInScope(db, context, id, 'institution.report');
  if (hotel.kind !== 'public_place' || (hotel.profile as InstitutionProfile).venueType !== 'hotel') throw invalid('id', 'notAHotel');
  assertNamedReporter(context, hotel);
  const now = deps.clock();
  const day = checkGuest(input, shanghaiDate(now));
  const from = input.fromJurisdictionId ? await findJurisdictionById(db, input.fromJurisdictionId) : undefined;
  if (input.fromJurisdictionId && !from) throw invalid('fromJurisdictionId', 'unknown');
  const grade = from ? await publishedGradeOver(db, from.path) : null;
  const idNumber = normalizeIdNumber({ idType: input.idType, idNumber: input.idNumber });
  const phone = input.phone ? normalizePhone(input.phone) : null;
  return db.transaction(async (tx) => {
    const guest = await insertHotelGuest(tx, {
      institutionId: hotel.id,
      checkInOn: day,
      nameMasked: maskName(input.name.trim()),
      nameCipher: deps.cipher.encrypt(input.name.trim()),
      idHash: idLookupHash(deps.cipher, input.idType, input.idNumber),
      idMasked: maskIdNumber(idNumber),
      idCipher: deps.cipher.encrypt(idNumber),
      phoneMasked: phone ? maskPhone(phone) : null,
      phoneCipher: phone ? deps.cipher.encrypt(phone) : null,
      fromPlace: input.fromPlace.trim(),
      fromJurisdictionId: from?.id ?? null,
      fromGrade: grade,
      recordedBy: context.actor.userId,
      jurisdictionId: hotel.jurisdictionId,
      jurisdictionPath: hotel.jurisdictionPath,
    });
    let reportTaskId: string | null = null;
    if (isKeyArea(grade)) {
      const hours = INSTITUTION_PROTOCOL_SEED_2020.hotelGuestReportHours.value;
      const task = await issueFollowUp(tx, context, {
        sourceKind: 'hotel_guest_report',
        sourceId: guest.id,
        title: `宾馆重点地区来客：${guest.nameMasked}（来自${guest.fromPlace}）`,
        description: `${hotel.name} 登记来自${guest.fromPlace}（风险等级 ${grade}）的住客；请核查并按重点人员管理（PUB-007）`,
        dueAt: new Date(now.getTime() + hours * 3_600_000),
        place: { id: hotel.jurisdictionId, path: hotel.jurisdictionPath },
        roles: ['grid_worker', 'assigned_medic', 'town_cadre'],
      });
      reportTaskId = task.id;
      await setGuestTask(tx, guest.id, task.id);
    }
    await recordAudit(tx, context, {
      action: 'hotel.guest.register',
      entityType: 'hotel_guest',
      entityId: guest.id,
      jurisdictionPath: hotel.jurisdictionPath,
      after: { checkInOn: day, idNumber: guest.idMasked, fromPlace: guest.fromPlace, fromGrade: grade, reportTaskId },
    });
    return guestView({ ...guest, reportTaskId }, hotel.name);
  });
}

/** Guests in scope, personal data masked. */
export async function guestList(deps: Deps, context: RequestContext, institutionId: string | undefined) {
  if (institutionId) await institutionInScope(deps.database.db, context, institutionId, 'institution.read');
  const rows = await hotelGuestsUnder(deps.database.db, scopeOf(context, 'institution.read'), institutionId);
  return { items: rows.map((r) => guestView(r.row, r.hotelName)) };
}

/** A guest in full, only with a stated purpose; every view audited. */
export async function revealGuest(deps: Deps, context: RequestContext, id: string, purpose: string) {
  const db = deps.database.db;
  const guest = await findHotelGuest(db, id);
  if (!guest || !pathInScope(guest.jurisdictionPath, scopeOf(context, 'institution.read'))) throw notFound('id');
  if (!purpose.trim()) throw invalid('purpose', 'required');
  await recordRead(db, context, {
    action: 'hotel.guest.reveal',
    entityType: 'hotel_guest',
    entityId: guest.id,
    jurisdictionPath: guest.jurisdictionPath,
    after: { purpose: purpose.trim() },
  });
  return {
    id: guest.id,
    name: deps.cipher.decrypt(guest.nameCipher),
    idNumber: deps.cipher.decrypt(guest.idCipher),
    phone: guest.phoneCipher ? deps.cipher.decrypt(guest.phoneCipher) : null,
  };
}
