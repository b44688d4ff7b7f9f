import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from './access.ts';
import { idColumn, timestamps } from './columns.ts';
import { jurisdiction, place } from './jurisdiction.ts';

const scoped = () => ({
  jurisdictionId: uuid('jurisdiction_id')
    .notNull()
    .references(() => jurisdiction.id),
  jurisdictionPath: text('jurisdiction_path').notNull(),
});

/**
 * A school, kindergarten, enterprise, medical or special institution, pharmacy, market, public place or transport
 * site (REQUIREMENTS §8, issue 16): its kind (INSTITUTION_KINDS in core), its profile checked against the protocol,
 * the person responsible for reporting, and the place it is (when the registry knows it).
 */
export const institution = pgTable(
  'institution',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Natural key for imports and the demo (`<jurisdiction code>-<kind>-<nn>`). */
    code: text('code').notNull(),
    placeId: uuid('place_id').references(() => place.id),
    /** Counts and flags of the kind (InstitutionProfile in core). */
    profile: jsonb('profile').$type<Record<string, string | number | boolean>>().notNull(),
    responsibleName: text('responsible_name'),
    responsiblePhoneMasked: text('responsible_phone_masked'),
    responsiblePhoneCipher: text('responsible_phone_cipher'),
    /** The account that reports for it (a school's reporter, a pharmacy's staff). */
    reporterUserId: uuid('reporter_user_id').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('institution_code_unique').on(t.code),
    index('institution_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.kind),
  ],
);

/** A duty done (or not) on a day (SCH-002, ENT-002, INST-, MKT-005, PUB-, TRN-): one row per duty and day, the latest word kept. */
export const institutionDutyRecord = pgTable(
  'institution_duty_record',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    dutyId: text('duty_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    done: boolean('done').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('institution_duty_record_unique').on(t.institutionId, t.dutyId, t.day)],
);

/** A school's morning / noon / evening check (SCH-004): counts of the session, one row per session and day. */
export const schoolHealthCheck = pgTable(
  'school_health_check',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    day: date('day', { mode: 'string' }).notNull(),
    session: text('session').notNull(),
    present: integer('present').notNull(),
    absent: integer('absent').notNull(),
    feverish: integer('feverish').notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('school_health_check_unique').on(t.institutionId, t.day, t.session)],
);

/** A pupil or staff member absent for illness (SCH-005, SC-51): cause, temperature, the follow-up and its NAT task. */
export const illnessAbsence = pgTable(
  'illness_absence',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    day: date('day', { mode: 'string' }).notNull(),
    /** Personal data: masked for lists, sealed in full. */
    nameMasked: text('name_masked').notNull(),
    nameCipher: text('name_cipher').notNull(),
    className: text('class_name'),
    reason: text('reason').notNull(),
    temperatureTenths: integer('temperature_tenths'),
    traceBy: timestamp('trace_by', { withTimezone: true }).notNull(),
    followUpResult: text('follow_up_result'),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    natTaskId: uuid('nat_task_id'),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [index('illness_absence_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.day)],
);

/** A medical institution's fever-clinic and primary-care sentinel visits of a day (MED-007). */
export const institutionVisitCount = pgTable(
  'institution_visit_count',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    day: date('day', { mode: 'string' }).notNull(),
    feverClinicVisits: integer('fever_clinic_visits').notNull(),
    primaryCareVisits: integer('primary_care_visits').notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('institution_visit_count_unique').on(t.institutionId, t.day)],
);

/**
 * A real-name sale of a fever, cough, antiviral or antibiotic drug (PHAR-001, SC-61): the buyer as a keyed hash and
 * sealed values with masked previews, the drug, the time, the community that follows the buyer up and its task.
 */
export const pharmacySale = pgTable(
  'pharmacy_sale',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    soldAt: timestamp('sold_at', { withTimezone: true }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    buyerNameMasked: text('buyer_name_masked').notNull(),
    buyerNameCipher: text('buyer_name_cipher').notNull(),
    buyerIdHash: text('buyer_id_hash').notNull(),
    buyerIdMasked: text('buyer_id_masked').notNull(),
    buyerIdCipher: text('buyer_id_cipher').notNull(),
    buyerPhoneMasked: text('buyer_phone_masked').notNull(),
    buyerPhoneCipher: text('buyer_phone_cipher').notNull(),
    drugName: text('drug_name').notNull(),
    drugClass: text('drug_class').notNull(),
    quantity: integer('quantity').notNull(),
    /** The community that follows the buyer up (the buyer's registered community, else the pharmacy's). */
    followUpJurisdictionId: uuid('follow_up_jurisdiction_id')
      .notNull()
      .references(() => jurisdiction.id),
    followUpTaskId: uuid('follow_up_task_id'),
    /** PHAR-002: queued for the department and the provincial big-data platform (SC-61). */
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [
    index('pharmacy_sale_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.day),
    index('pharmacy_sale_buyer_idx').on(t.buyerIdHash),
  ],
);

/** A case or positive sample at an institution (CASE-013, SC-66) and the steps the protocol starts, as tasks. */
export const institutionIncident = pgTable(
  'institution_incident',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    finding: text('finding').notNull(),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull(),
    note: text('note'),
    /** The steps as planned: step id, due time, task id. */
    steps: jsonb('steps').$type<{ stepId: string; dueAt: string; taskId: string }[]>().notNull(),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [index('institution_incident_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'))],
);

/**
 * A meeting, exam, exhibition or gathering filed for approval (PUB-005, ZONE-012): one meeting, one plan; the
 * organizer's grade when filed and the rules' advice; the decision of the town or command office.
 */
export const eventPermit = pgTable(
  'event_permit',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    organizer: text('organizer').notNull(),
    institutionId: uuid('institution_id').references(() => institution.id),
    eventDate: date('event_date', { mode: 'string' }).notNull(),
    attendees: integer('attendees').notNull(),
    plan: text('plan').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    /** pending / approved / refused */
    status: text('status').notNull().default('pending'),
    advice: jsonb('advice').notNull(),
    decisionNote: text('decision_note'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    filedBy: uuid('filed_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [index('event_permit_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.eventDate)],
);

/** A hotel guest registered (PUB-007): sealed identity with masked previews; a guest from a key area is reported to the community. */
export const hotelGuest = pgTable(
  'hotel_guest',
  {
    id: idColumn(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institution.id),
    checkInOn: date('check_in_on', { mode: 'string' }).notNull(),
    nameMasked: text('name_masked').notNull(),
    nameCipher: text('name_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    idCipher: text('id_cipher').notNull(),
    phoneMasked: text('phone_masked'),
    phoneCipher: text('phone_cipher'),
    fromPlace: text('from_place').notNull(),
    fromJurisdictionId: uuid('from_jurisdiction_id').references(() => jurisdiction.id),
    /** The grade published over where they came from, when registered; a key area starts the report task. */
    fromGrade: text('from_grade'),
    reportTaskId: uuid('report_task_id'),
    recordedBy: uuid('recorded_by').references(() => appUser.id),
    ...scoped(),
    ...timestamps(),
  },
  (t) => [index('hotel_guest_path_idx').using('btree', t.jurisdictionPath.op('text_pattern_ops'), t.checkInOn)],
);
