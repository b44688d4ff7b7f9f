import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { residentIdCheckCharacter } from '../identity/resident-id.ts';
import { INSTITUTION_DUTIES, INSTITUTION_KINDS, INSTITUTION_PROTOCOL_SEED_2020 } from '../protocols/institution-duties-seed.ts';
import { campusMaskRequired, campusMaskRule } from './campus-masks.ts';
import { eventAdvice } from './event-permit.ts';
import { dutiesOf, dutyStates, poultry1110Check, venueClosure } from './institution-duties.ts';
import { incidentPlan } from './institution-incident.ts';
import { healthWorkersNeeded, profileFindings, profileProblems } from './institution-profile.ts';
import { isolationRoomVisitAllowed, suspectedRoomProblem } from './isolation-room.ts';
import { newEntrantAdmission } from './new-entrant.ts';
import { type PharmacySaleDraft, pharmacyFollowUpDue, pharmacySaleProblem } from './pharmacy-sale.ts';
import { absenceFollowUp, healthCheckProblem } from './school-absence.ts';

const idOf = (first17: string) => first17 + residentIdCheckCharacter(first17);
const NOW = new Date('2020-03-02T10:00:00+08:00');
const ids = (kind: (typeof INSTITUTION_KINDS)[number], level: 'IV' | 'III' | 'II' | 'I' | null) => dutiesOf(kind, level).map((d) => d.id);

describe('institution duties as protocol data (issue 16 part 2)', () => {
  it('every kind has duties, each with a requirement id and a clause', () => {
    for (const kind of INSTITUTION_KINDS) assert.ok(dutiesOf(kind, null).length > 0 || kind === 'transport', kind);
    for (const d of INSTITUTION_DUTIES) assert.ok(d.requirement && d.clause.source && d.clause.clause, d.id);
  });

  it('SCH-004: schools and kindergartens check in the morning and at noon; SCH-002/003/005 daily report, entry, absence tracking', () => {
    for (const kind of ['school', 'kindergarten'] as const) {
      const duties = ids(kind, null);
      for (const id of [
        'school.morning_check',
        'school.noon_check',
        'school.daily_report',
        'school.campus_entry',
        'school.absence_tracking',
      ]) {
        assert.ok(duties.includes(id), `${kind} ${id}`);
      }
    }
    assert.deepEqual(INSTITUTION_PROTOCOL_SEED_2020.schoolChecks.required, ['morning', 'noon']);
  });

  it('INST-003/004: care-home in-person visits stop and closed management starts at Level III', () => {
    assert.ok(ids('special_institution', 'IV').includes('special.visits_protected'));
    assert.ok(!ids('special_institution', 'IV').includes('special.closed_management'));
    assert.ok(!ids('special_institution', 'IV').includes('special.visits_video_only'));
    for (const level of ['III', 'II', 'I'] as const) {
      assert.ok(!ids('special_institution', level).includes('special.visits_protected'), level);
      assert.ok(ids('special_institution', level).includes('special.visits_video_only'), level);
      assert.ok(ids('special_institution', level).includes('special.closed_management'), level);
    }
    assert.ok(ids('special_institution', null).includes('special.visits_protected'));
    for (const id of ['special.entry_control', 'special.resident_monitoring', 'special.daily_disinfection']) {
      assert.ok(ids('special_institution', 'I').includes(id), `INST-002/005/006 ${id}`);
    }
  });

  it('ENT-002/003, MED-006/007, PHAR-001/003, MKT-001/003, PUB-001/005/007/008, TRN-001/002 are each a duty of their kind', () => {
    const expect: [string, string][] = [
      ['enterprise', 'ENT-002'],
      ['enterprise', 'ENT-003'],
      ['medical_institution', 'MED-006'],
      ['medical_institution', 'MED-007'],
      ['pharmacy', 'PHAR-001'],
      ['pharmacy', 'PHAR-003'],
      ['market', 'MKT-001'],
      ['market', 'MKT-003'],
      ['public_place', 'PUB-001'],
      ['public_place', 'PUB-005'],
      ['public_place', 'PUB-007'],
      ['public_place', 'PUB-008'],
      ['transport', 'TRN-001'],
      ['transport', 'TRN-002'],
    ];
    for (const [kind, req] of expect) {
      assert.ok(
        dutiesOf(kind as (typeof INSTITUTION_KINDS)[number], 'IV').some((d) => d.requirement === req),
        `${kind} ${req}`,
      );
    }
  });

  it('TRN-003: road quarantine stations from Level III only', () => {
    assert.ok(!ids('transport', 'IV').includes('transport.road_checkpoint'));
    assert.ok(ids('transport', 'III').includes('transport.road_checkpoint'));
  });

  it('PUB-011: cinemas close from Level III, parks and libraries from Level II, malls stay open', () => {
    assert.equal(venueClosure('cinema', 'IV'), null);
    assert.equal(venueClosure('cinema', 'III')?.fromLevel, 'III');
    assert.equal(venueClosure('park', 'III'), null);
    assert.equal(venueClosure('library', 'II')?.fromLevel, 'II');
    assert.equal(venueClosure('mall', 'I'), null);
    assert.equal(venueClosure('cinema', null), null);
  });

  it('SCH-002: a daily duty not recorded is due today and missed once the day is over; a weekly one counts within its week', () => {
    const duties = dutiesOf('market', null);
    const records = [
      { dutyId: 'market.daily_disinfection', day: '2020-03-02', done: true },
      { dutyId: 'market.weekly_cleanup', day: '2020-03-02', done: true },
    ];
    const today = dutyStates(duties, records, '2020-03-04', '2020-03-04');
    const state = (id: string, list = today) => list.find((s) => s.duty.id === id)?.state;
    assert.equal(state('market.daily_disinfection'), 'due');
    assert.equal(state('market.weekly_cleanup'), 'done');
    const past = dutyStates(duties, records, '2020-03-03', '2020-03-04');
    assert.equal(state('market.daily_disinfection', past), 'missed');
    assert.equal(state('market.daily_disinfection', dutyStates(duties, records, '2020-03-02', '2020-03-04')), 'done');
    assert.equal(state('market.weekly_cleanup', dutyStates(duties, records, '2020-03-09', '2020-03-09')), 'due');
  });
});

describe('MKT-005 the live-poultry 1110 rule (SC-62)', () => {
  const april = Array.from({ length: 30 }, (_, i) => `2020-04-${String(i + 1).padStart(2, '0')}`);
  const cleanups = ['2020-04-05', '2020-04-12', '2020-04-19', '2020-04-26'];

  it('SC-62: 30 days of disinfection and 4 clean-ups but no closure day fails the month', () => {
    const verdict = poultry1110Check('2020-04-01', {
      disinfectionDays: april,
      cleanupDays: cleanups,
      closureDays: [],
      overnightStockDays: [],
    });
    assert.equal(verdict.pass, false);
    assert.deepEqual(
      verdict.because.map((b) => b.code),
      ['noClosureDay'],
    );
  });

  it('SC-62: with a closure day the month passes; any day with poultry left overnight fails', () => {
    const ok = { disinfectionDays: april, cleanupDays: cleanups, closureDays: ['2020-04-15'], overnightStockDays: [] };
    assert.equal(poultry1110Check('2020-04-01', ok).pass, true);
    const stock = poultry1110Check('2020-04-01', { ...ok, overnightStockDays: ['2020-04-20'] });
    assert.equal(stock.pass, false);
    assert.equal(stock.because[0]?.code, 'overnightStock');
    assert.equal(stock.because[0]?.clause.source, 'seed 004 Part A');
  });

  it('a day without a disinfection log fails the month (一天一清洗消毒)', () => {
    const verdict = poultry1110Check('2020-04-01', {
      disinfectionDays: april.slice(1),
      cleanupDays: cleanups,
      closureDays: ['2020-04-15'],
      overnightStockDays: [],
    });
    assert.deepEqual(verdict.because[0], { ...verdict.because[0], code: 'dailyDisinfectionMissing', params: { days: 1 } });
  });
});

describe('the institution registry profile checks (issue 16 part 1)', () => {
  /** ORG-070: a unit with its prevention team and instructor (the other checks are read on their own). */
  const ready = { preventionTeams: 1, preventionInstructors: 1 };

  it('SCH-010 SC-48: 1,300 students need 3 health workers, 2 fail; 1,200 with 2 pass; 300 with 0 fail', () => {
    assert.equal(healthWorkersNeeded(1300), 3);
    assert.deepEqual(profileFindings('school', { ...ready, students: 1300, healthWorkers: 2 })[0]?.params, { needed: 3, have: 2 });
    assert.deepEqual(profileFindings('school', { ...ready, students: 1200, healthWorkers: 2 }), []);
    assert.equal(profileFindings('school', { students: 300, healthWorkers: 0 })[0]?.code, 'healthWorkersShort');
  });

  it('SCH-010 at the edge: 600 students need 1, 601 need 2', () => {
    assert.equal(healthWorkersNeeded(600), 1);
    assert.equal(healthWorkersNeeded(601), 2);
    assert.deepEqual(profileFindings('kindergarten', { ...ready, students: 600, healthWorkers: 1 }), []);
    assert.equal(profileFindings('kindergarten', { ...ready, students: 601, healthWorkers: 1 }).length, 1);
  });

  it('a school with more classes than students is refused, naming the field', () => {
    assert.deepEqual(profileProblems('school', { students: 20, classes: 30 }), [
      { field: 'profile.classes', reason: 'moreClassesThanStudents' },
    ]);
    assert.deepEqual(profileProblems('school', { students: -1 }), [{ field: 'profile.students', reason: 'notNonNegativeInteger' }]);
    assert.deepEqual(profileProblems('school', {}), [{ field: 'profile.students', reason: 'required' }]);
  });

  it('ENT-003/ENT-004: an enterprise without an isolation area or a resumption plan is flagged with its clause', () => {
    assert.deepEqual(
      profileFindings('enterprise', { ...ready, employees: 100 }).map((f) => f.requirement),
      ['ENT-003', 'ENT-004'],
    );
    assert.deepEqual(profileFindings('enterprise', { ...ready, employees: 100, isolationArea: true, resumptionPlan: true }), []);
  });

  it('ORG-070: every unit, of any kind, has one prevention team and one instructor; unstated is none; each shortfall names the clause', () => {
    assert.deepEqual(profileFindings('pharmacy', ready), []);
    assert.deepEqual(
      profileFindings('pharmacy', {}).map((f) => [f.requirement, f.code, f.params]),
      [
        ['ORG-070', 'preventionTeamShort', { needed: 1, have: 0 }],
        ['ORG-070', 'preventionInstructorShort', { needed: 1, have: 0 }],
      ],
    );
    const market = profileFindings('market', { preventionTeams: 2, preventionInstructors: 0 });
    assert.deepEqual(
      market.map((f) => f.code),
      ['preventionInstructorShort'],
    );
    assert.equal(market[0]?.clause.clause, '§四(六)');
    assert.deepEqual(profileProblems('market', { preventionInstructors: -1 }), [
      { field: 'profile.preventionInstructors', reason: 'notNonNegativeInteger' },
    ]);
  });

  it('INST-001: a special institution names its type', () => {
    assert.equal(profileProblems('special_institution', { specialType: 'zoo' })[0]?.field, 'profile.specialType');
    assert.deepEqual(profileProblems('special_institution', { specialType: 'welfare_home', residents: 80 }), []);
  });
});

describe('SCH-005 illness absences and school checks (SC-51)', () => {
  it('SC-51: a pupil absent for fever is traced and gets a fast-track NAT task', () => {
    const plan = absenceFollowUp({ reason: 'fever', reportedAt: NOW });
    assert.ok(plan.nat);
    assert.equal(plan.nat?.dueAt.getTime(), NOW.getTime() + 12 * 3_600_000);
    assert.equal(plan.traceBy.getTime(), NOW.getTime() + 24 * 3_600_000);
  });

  it('SC-51: an absence for another illness is traced without NAT unless the temperature is abnormal', () => {
    assert.equal(absenceFollowUp({ reason: 'other_illness', reportedAt: NOW }).nat, null);
    assert.ok(absenceFollowUp({ reason: 'respiratory', temperatureTenths: 375, reportedAt: NOW }).nat);
    assert.equal(absenceFollowUp({ reason: 'respiratory', temperatureTenths: 368, reportedAt: NOW }).nat, null);
  });

  it('SCH-004: a check session cannot count more feverish pupils than present, or more pupils than enrolled', () => {
    assert.deepEqual(healthCheckProblem({ present: 10, absent: 0, feverish: 11 }, 100), { field: 'feverish', reason: 'moreThanPresent' });
    assert.deepEqual(healthCheckProblem({ present: 100, absent: 1, feverish: 0 }, 100), { field: 'present', reason: 'moreThanEnrolled' });
    assert.equal(healthCheckProblem({ present: 99, absent: 1, feverish: 1 }, 100), null);
  });
});

describe('PHAR-001 pharmacy real-name sales (SC-61)', () => {
  const sale: PharmacySaleDraft = {
    buyerName: '王某',
    buyerIdNumber: idOf('32041219800101123'),
    buyerPhone: '13912345678',
    drugName: '布洛芬缓释胶囊',
    drugClass: 'fever',
    quantity: 1,
    soldAt: NOW,
  };

  it('SC-61: a complete real-name sale is accepted and followed up within the protocol hours', () => {
    assert.equal(pharmacySaleProblem(sale, NOW, '2020-03-02'), null);
    assert.equal(pharmacyFollowUpDue(NOW).dueAt.getTime(), NOW.getTime() + 24 * 3_600_000);
  });

  it('SC-61: a cough-medicine sale without a valid buyer ID number is rejected naming the field', () => {
    assert.deepEqual(pharmacySaleProblem({ ...sale, drugClass: 'cough', buyerIdNumber: '3204121980010112' }, NOW, '2020-03-02'), {
      field: 'buyerIdNumber',
      reason: 'residentId.length',
    });
    const wrongCheck = sale.buyerIdNumber.slice(0, 17) + (sale.buyerIdNumber.endsWith('1') ? '2' : '1');
    assert.equal(pharmacySaleProblem({ ...sale, buyerIdNumber: wrongCheck }, NOW, '2020-03-02')?.field, 'buyerIdNumber');
    assert.equal(pharmacySaleProblem({ ...sale, buyerName: ' ' }, NOW, '2020-03-02')?.field, 'buyerName');
  });

  it('PHAR-001: only fever, cough, antiviral and antibiotic drugs are on the register; a sale is not in the future', () => {
    assert.equal(pharmacySaleProblem({ ...sale, drugClass: 'vitamin' }, NOW, '2020-03-02')?.reason, 'notSentinelDrug');
    assert.equal(pharmacySaleProblem({ ...sale, drugClass: 'antiviral' }, NOW, '2020-03-02'), null);
    assert.equal(pharmacySaleProblem({ ...sale, soldAt: new Date(NOW.getTime() + 60_000) }, NOW, '2020-03-02')?.field, 'soldAt');
  });
});

describe('CASE-013 incident response in an institution (SC-66)', () => {
  it('SC-66: a confirmed case in a welfare home: full disinfection, belongings, contact tracing, centralized isolation', () => {
    assert.deepEqual(
      incidentPlan('special_institution', NOW).map((s) => s.step.id),
      ['full_disinfection', 'belongings_disposal', 'contact_tracing', 'centralized_isolation'],
    );
  });

  it('CASE-013: a school isolates first, reports, investigates and handles, isolation due within the hour', () => {
    const plan = incidentPlan('school', NOW);
    assert.deepEqual(
      plan.map((s) => s.step.id),
      ['isolate', 'report', 'investigate', 'handle'],
    );
    assert.equal(plan[0]?.dueAt.getTime(), NOW.getTime() + 3_600_000);
  });

  it('CASE-013: an enterprise reports to the CDC and cooperates; other kinds report, disinfect and trace', () => {
    assert.equal(incidentPlan('enterprise', NOW)[0]?.step.id, 'report');
    assert.deepEqual(
      incidentPlan('market', NOW).map((s) => s.step.id),
      ['report', 'disinfection', 'contact_tracing'],
    );
  });
});

describe('new entrants of special institutions (KP-N01, SC-65, seed 003 item 12)', () => {
  it('SC-65: a new elderly-home resident stays blocked until 14 days of centralized isolation and a negative NAT are recorded', () => {
    assert.deepEqual(newEntrantAdmission({ centralizedIsolationDays: 0, latestNat: null }).blocks, [
      'isolationIncomplete',
      'negativeNatMissing',
    ]);
    assert.deepEqual(newEntrantAdmission({ centralizedIsolationDays: 13, latestNat: 'negative' }).blocks, ['isolationIncomplete']);
    assert.deepEqual(newEntrantAdmission({ centralizedIsolationDays: 14, latestNat: 'pending' }).blocks, ['negativeNatMissing']);
    assert.deepEqual(newEntrantAdmission({ centralizedIsolationDays: 14, latestNat: 'positive' }).admissible, false);
    const admitted = newEntrantAdmission({ centralizedIsolationDays: 14, latestNat: 'negative' });
    assert.deepEqual([admitted.admissible, admitted.clause.clause], [true, 'item 12']);
  });
});

describe('isolation observation rooms (MED-005, SC-56, seed 000 §三(二)4)', () => {
  it('SC-56: a room without its own bathroom cannot be set available for suspected patients; one with a bathroom can', () => {
    assert.deepEqual(suspectedRoomProblem({ ownBathroom: false })?.reason, 'ownBathroomRequired');
    assert.equal(suspectedRoomProblem({ ownBathroom: false })?.clause.clause, '§三(二)4');
    assert.equal(suspectedRoomProblem({ ownBathroom: true }), null);
  });
  it('SC-56: a visitor request for a patient in the room is denied, and so is a carer', () => {
    assert.equal(isolationRoomVisitAllowed('visitor').allowed, false);
    assert.equal(isolationRoomVisitAllowed('carer').allowed, false);
  });
});

describe('meeting permission by risk grade (ZONE-012, PUB-005, SC-64, seed 000 §三(二)9)', () => {
  it('SC-64: in a low-risk town whose last local case was 10 days ago an on-site meeting is denied (14 days required)', () => {
    const advice = eventAdvice('low', false, undefined, 10);
    assert.deepEqual([advice.approvable, advice.because.rule, advice.because.clause.clause], [false, 'event.recentLocalCase', '§三(二)9']);
  });
  it('SC-64: 15 days after the last local case it is allowed, under the clause’s scale and duration controls', () => {
    const advice = eventAdvice('low', false, undefined, 15);
    assert.deepEqual([advice.approvable, advice.because.rule], [true, 'event.gradeAllows']);
    assert.match(advice.because.clause.says, /scale and duration/);
    assert.equal(eventAdvice('low', false, undefined, 14).approvable, true);
  });
  it('SC-64: in a medium-risk town a request is denied unless flagged special urgent', () => {
    assert.deepEqual([eventAdvice('medium', false).approvable, eventAdvice('medium', false).because.rule], [false, 'event.gradeForbids']);
    assert.deepEqual([eventAdvice('medium', true).approvable, eventAdvice('medium', true).because.rule], [true, 'event.urgentException']);
  });
});

describe('campus mask rule by area (SCH-012, SC-49, seed 003 item 14)', () => {
  const wuhan = { jurisdictionCode: '420106001', riskGrade: 'low' as const };
  const xiaoganLow = { jurisdictionCode: '420902001', riskGrade: 'low' as const };
  it('SC-49: a school in Wuhan: masks required, even where Wuhan is graded low', () => {
    assert.equal(campusMaskRequired(wuhan, 'student'), true);
    assert.equal(campusMaskRequired(wuhan, 'teacher_teaching'), true);
  });
  it('SC-49: a school in a low-risk area of Xiaogan: students not required, teachers while teaching not required', () => {
    assert.deepEqual([campusMaskRequired(xiaoganLow, 'student'), campusMaskRequired(xiaoganLow, 'teacher_teaching')], [false, false]);
    assert.equal(campusMaskRule(xiaoganLow).clause.clause, 'item 14');
  });
  it('a medium-risk area outside Wuhan keeps masks on campus (the default)', () => {
    assert.equal(campusMaskRequired({ jurisdictionCode: '420902001', riskGrade: 'medium' }, 'student'), true);
  });
});
