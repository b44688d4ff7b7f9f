import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clause } from '../protocols/clause.ts';
import { checkSubmission, type SubmissionFacts } from './report-check.ts';
import { reportDueAt, reportLateness, reportState } from './report-deadline.ts';
import { aggregateFigures } from './report-figures.ts';
import { isSubmittedTemplate, reviseTemplate, unitReports } from './report-template.ts';
import type { SubmittedTemplate } from './report-types.ts';
import {
  COMMUNITY_DAILY_SUMMARY,
  HOME_ISOLATION_MONITORING,
  RELEASE_FROM_ISOLATION,
  REPORT_TEMPLATES,
  RETURNEE_HEALTH_MONITORING,
  RETURNEE_SCREENING,
  SCHOOL_DAILY,
  SEALED_BUILDING_TEMPERATURE,
} from './templates/index.ts';

const at = (local: string) => new Date(`${local}+08:00`);
const DAY = '2020-02-10';
const noFacts: SubmissionFacts = { platform: {}, platformRows: null, previous: {} };
const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('the 13:00 deadline in Asia/Shanghai (DAILY-003, SC-45)', () => {
  const rule = RETURNEE_SCREENING.deadline;

  it('is 13:00 +08:00 on the day reported, which is 05:00 UTC', () => {
    assert.equal(reportDueAt(rule, DAY).toISOString(), '2020-02-10T05:00:00.000Z');
  });

  it('12:59 is on time, 13:01 is late by one minute; 12:55 on time and 13:05 late (SC-45)', () => {
    assert.equal(reportLateness(rule, DAY, at(`${DAY}T12:59:00`)).late, false);
    const late = reportLateness(rule, DAY, at(`${DAY}T13:01:00`));
    assert.deepEqual([late.late, late.minutesLate], [true, 1]);
    assert.equal(reportLateness(rule, DAY, at(`${DAY}T12:55:00`)).late, false);
    assert.equal(reportLateness(rule, DAY, at(`${DAY}T13:05:00`)).minutesLate, 5);
    assert.equal(late.because[0]?.clause, 'Part B §二(一)4');
  });

  it('reads instants, not the server clock: 04:59 UTC is on time and 05:01 UTC late whatever TZ the server runs in', () => {
    assert.equal(reportLateness(rule, DAY, new Date('2020-02-10T04:59:00Z')).late, false);
    assert.equal(reportLateness(rule, DAY, new Date('2020-02-10T05:01:00Z')).late, true);
    // 23:30 UTC on the 9th is already 07:30 on the 10th in Shanghai: on time for the 10th.
    assert.equal(reportLateness(rule, DAY, new Date('2020-02-09T23:30:00Z')).late, false);
  });

  it('exactly 13:00:00 is on time; 13:00:30 is late (0 whole minutes)', () => {
    assert.equal(reportLateness(rule, DAY, at(`${DAY}T13:00:00`)).late, false);
    assert.deepEqual((({ late, minutesLate }) => [late, minutesLate])(reportLateness(rule, DAY, at(`${DAY}T13:00:30`))), [true, 0]);
  });

  it('a unit without a report is open, due soon an hour before, missing after 13:00 (SC-46); a report keeps its punctuality', () => {
    assert.equal(reportState(rule, DAY, null, at(`${DAY}T11:59:00`)), 'open');
    assert.equal(reportState(rule, DAY, null, at(`${DAY}T12:00:00`)), 'due_soon');
    assert.equal(reportState(rule, DAY, null, at(`${DAY}T13:01:00`)), 'missing');
    assert.equal(reportState(rule, DAY, at(`${DAY}T12:59:00`), at(`${DAY}T18:00:00`)), 'on_time');
    assert.equal(reportState(rule, DAY, at(`${DAY}T13:01:00`), at(`${DAY}T18:00:00`)), 'late');
  });
});

describe('zero reports (DAILY-001, DAILY-002, SC-46, SC-47)', () => {
  it('SC-46: a community with nobody to report sends a zero report: every event count nought, no rows', () => {
    const checked = checkSubmission(RETURNEE_SCREENING, { zero: true }, DAY, noFacts);
    assert.deepEqual(checked.problems, []);
    assert.deepEqual(checked.figures, { screened: 0, fromWuhan: 0, fromHubei: 0, homeIsolation: 0 });
    assert.deepEqual(checked.rows, []);
  });

  it('a zero report with rows or with a non-zero event count is refused at that field', () => {
    const withRow = checkSubmission(RETURNEE_SCREENING, { zero: true, rows: [{ name: '张三' }] }, DAY, noFacts);
    assert.deepEqual(codes(withRow.problems), ['rows:zeroHasRows']);
    const withCount = checkSubmission(COMMUNITY_DAILY_SUMMARY, { zero: true, figures: { newCases: 1 } }, DAY, noFacts);
    assert.deepEqual(codes(withCount.problems), ['figures.newCases:zeroHasFigures']);
  });

  it('a zero report keeps the standing counts the platform holds (people under management are not events)', () => {
    const facts = { ...noFacts, platform: { underManagement: 3, samplesToday: 40, releasedToday: 0 } };
    const checked = checkSubmission(COMMUNITY_DAILY_SUMMARY, { zero: true }, DAY, facts);
    assert.deepEqual(checked.problems, []);
    assert.deepEqual(checked.figures, {
      newKeyPersons: 0,
      symptomatic: 0,
      newCases: 0,
      underManagement: 3,
      samplesToday: 40,
      releasedToday: 0,
    });
  });

  it('a zero release table is refused while the platform holds releases of that day', () => {
    const checked = checkSubmission(RELEASE_FROM_ISOLATION, { zero: true }, DAY, { ...noFacts, platformRows: 2 });
    assert.deepEqual(codes(checked.problems), ['rows:zeroContradictsPlatform']);
  });

  it('SC-47: a school zero report carries its enrolment from its last report and needs nothing typed', () => {
    const facts = { ...noFacts, previous: { studentsEnrolled: 820, staffEnrolled: 64 } };
    const checked = checkSubmission(SCHOOL_DAILY, { zero: true }, DAY, facts);
    assert.deepEqual(checked.problems, []);
    assert.equal(checked.figures.studentsEnrolled, 820);
    assert.equal(checked.figures.fever, 0);
  });

  it('a template whose zero report is switched off refuses one', () => {
    const strict: SubmittedTemplate = { ...SCHOOL_DAILY, zeroReport: { ...SCHOOL_DAILY.zeroReport, allowed: false } };
    assert.ok(codes(checkSubmission(strict, { zero: true }, DAY, noFacts).problems).includes('zero:zeroNotAllowed'));
  });
});

describe('field validation (DAILY-003, DAILY-004): types, non-negative counts, required values', () => {
  const school = (figures: Record<string, unknown>) => checkSubmission(SCHOOL_DAILY, { zero: false, figures }, DAY, noFacts);
  const full = { studentsEnrolled: 820, staffEnrolled: 64, studentsAbsentIll: 3, staffAbsentIll: 0, fever: 1, keyPersons: 0 };

  it('a complete school report passes with its figures as whole numbers', () => {
    const checked = school({ ...full, studentsEnrolled: '820' });
    assert.deepEqual(checked.problems, []);
    assert.equal(checked.figures.studentsEnrolled, 820);
  });

  it('a negative count, a fraction, a word and a missing figure are each refused at their field', () => {
    assert.deepEqual(codes(school({ ...full, fever: -1 }).problems), ['figures.fever:negativeCount']);
    assert.deepEqual(codes(school({ ...full, fever: 1.5 }).problems), ['figures.fever:notWholeNumber']);
    assert.deepEqual(codes(school({ ...full, fever: '两个' }).problems), ['figures.fever:notANumber']);
    const { fever: _omitted, ...withoutFever } = full;
    assert.deepEqual(codes(school(withoutFever).problems), ['figures.fever:required']);
  });

  it('more absent ill than enrolled is refused; an unknown figure is refused', () => {
    assert.deepEqual(codes(school({ ...full, studentsAbsentIll: 900 }).problems), ['figures.studentsAbsentIll:exceeds']);
    assert.deepEqual(codes(school({ ...full, visitors: 3 }).problems), ['figures.visitors:unknownField']);
  });

  it('a table row is checked cell by cell: ID number, choice (by code or label), date, temperature', () => {
    const row = {
      name: '王五',
      idNumber: '420106199001011231',
      origin: '武汉',
      arrivalDate: '2020-02-08',
      address: '济水街道某社区3栋',
      isolationStart: '2020-02-08',
    };
    const good = checkSubmission(
      RETURNEE_SCREENING,
      { zero: false, rows: [row, { ...row, origin: 'other', isolationStart: '' }] },
      DAY,
      noFacts,
    );
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.figures, { screened: 2, fromWuhan: 1, fromHubei: 0, homeIsolation: 1 });
    const bad = checkSubmission(
      RETURNEE_SCREENING,
      { zero: false, rows: [{ ...row, idNumber: '420106199001011232', origin: '火星', arrivalDate: '2020-02-30', address: '' }] },
      DAY,
      noFacts,
    );
    assert.deepEqual(codes(bad.problems), [
      'rows.0.idNumber:residentId.checkDigit',
      'rows.0.origin:unknownChoice',
      'rows.0.arrivalDate:invalidDate',
      'rows.0.address:required',
    ]);
    const hot = checkSubmission(
      RETURNEE_HEALTH_MONITORING,
      { zero: false, rows: [{ name: '王五', temperatureMorning: 73, symptoms: 'none', observer: '李' }] },
      DAY,
      noFacts,
    );
    assert.deepEqual(codes(hot.problems), ['rows.0.temperatureMorning:temperatureOutOfRange']);
  });

  it('derived figures come from the rows and cannot be typed; a count column cannot exceed its bound', () => {
    const typed = checkSubmission(RETURNEE_SCREENING, { zero: false, figures: { screened: 5 } }, DAY, noFacts);
    assert.deepEqual(codes(typed.problems), ['figures.screened:derivedFigure']);
    const building = { building: '3幢', residents: 20, checked: 21, fever: 0 };
    const over = checkSubmission(SEALED_BUILDING_TEMPERATURE, { zero: false, rows: [building] }, DAY, noFacts);
    assert.deepEqual(codes(over.problems), ['rows.0.checked:exceeds']);
    const ok = checkSubmission(
      SEALED_BUILDING_TEMPERATURE,
      {
        zero: false,
        rows: [
          { ...building, checked: 20 },
          { building: '5幢', residents: '12', checked: 12, fever: 1 },
        ],
      },
      DAY,
      noFacts,
    );
    assert.deepEqual(ok.figures, { buildings: 2, residents: 32, checked: 32, fever: 1 });
  });

  it('a platform figure is pre-filled with the platform count unless typed over (DAILY-003 pre-fill)', () => {
    const facts = { ...noFacts, platform: { underManagement: 7 } };
    assert.equal(checkSubmission(RETURNEE_HEALTH_MONITORING, { zero: false }, DAY, facts).figures.underManagement, 7);
    assert.equal(
      checkSubmission(RETURNEE_HEALTH_MONITORING, { zero: false, figures: { underManagement: 6 } }, DAY, facts).figures.underManagement,
      6,
    );
  });
});

describe('monitoring tables of people at home (DAILY-005, DAILY-006, KP-D03, KP-M01)', () => {
  it('DAILY-005: home isolation pre-fills the people under home quarantine, counts the rows monitored and those with fever', () => {
    const facts = { ...noFacts, platform: { underHomeQuarantine: 3 } };
    const rows = [
      { name: '张三', address: '南街社区3幢101', temperature: 36.5, symptoms: 'none', visitedBy: '王医生' },
      { name: '李四', address: '南街社区3幢102', temperature: 37.8, symptoms: '发热', visitedBy: '王医生' },
    ];
    const checked = checkSubmission(HOME_ISOLATION_MONITORING, { zero: false, rows }, DAY, facts);
    assert.deepEqual(checked.problems, []);
    assert.deepEqual(checked.figures, { underHomeQuarantine: 3, monitored: 2, feverish: 1 });
  });

  it('DAILY-005: a visit without its visitor or temperature is refused at that cell; a zero report keeps the standing count', () => {
    const facts = { ...noFacts, platform: { underHomeQuarantine: 0 } };
    const missing = checkSubmission(
      HOME_ISOLATION_MONITORING,
      { zero: false, rows: [{ name: '张三', address: '南街社区3幢101', symptoms: 'none' }] },
      DAY,
      facts,
    );
    assert.deepEqual(codes(missing.problems).sort(), ['rows.0.temperature:required', 'rows.0.visitedBy:required']);
    const zero = checkSubmission(HOME_ISOLATION_MONITORING, { zero: true }, DAY, facts);
    assert.deepEqual(zero.problems, []);
    assert.deepEqual(zero.figures, { underHomeQuarantine: 0, monitored: 0, feverish: 0 });
  });

  it('DAILY-006: one sealed-building row per building sums residents, checks and fever upward', () => {
    const unit = (building: string, residents: number, checked: number, fever: number) => ({ building, residents, checked, fever });
    const community = checkSubmission(
      SEALED_BUILDING_TEMPERATURE,
      { zero: false, rows: [unit('3幢', 20, 20, 0), unit('5幢', 12, 11, 1)] },
      DAY,
      noFacts,
    );
    const other = checkSubmission(SEALED_BUILDING_TEMPERATURE, { zero: false, rows: [unit('1幢', 8, 8, 0)] }, DAY, noFacts);
    assert.deepEqual(aggregateFigures(SEALED_BUILDING_TEMPERATURE.figures, [community.figures, other.figures]), {
      buildings: 3,
      residents: 40,
      checked: 39,
      fever: 1,
    });
  });
});

describe('upward aggregation: community → town → district (DAILY-001)', () => {
  it('sums each figure; a figure a unit left empty does not count; the district is the sum of its towns', () => {
    const figures = COMMUNITY_DAILY_SUMMARY.figures;
    const a = { newKeyPersons: 2, symptomatic: 0, newCases: 0, underManagement: 5, samplesToday: 100, releasedToday: 1 };
    const b = { newKeyPersons: 1, symptomatic: 1, newCases: 1, underManagement: 3, samplesToday: 80, releasedToday: 0 };
    const c = { newKeyPersons: 0, symptomatic: 0, newCases: 0, underManagement: null, samplesToday: 20, releasedToday: 0 };
    const townA = aggregateFigures(figures, [a, b]);
    const townB = aggregateFigures(figures, [c]);
    assert.deepEqual(townA, { newKeyPersons: 3, symptomatic: 1, newCases: 1, underManagement: 8, samplesToday: 180, releasedToday: 1 });
    assert.deepEqual(aggregateFigures(figures, [townA, townB]), aggregateFigures(figures, [a, b, c]));
  });

  it('a figure aggregated by maximum takes the largest', () => {
    assert.deepEqual(aggregateFigures([{ key: 'x', aggregate: 'max' }], [{ x: 3 }, { x: 9 }, { x: 4 }]), { x: 9 });
  });
});

describe('templates as data (RULES-001, Annex A)', () => {
  it('ships the seeds’ tables: the 13:00 three, the community summary, school, home isolation, sealed buildings, testing', () => {
    assert.deepEqual(
      REPORT_TEMPLATES.map((t) => t.code),
      [
        'returnee_screening',
        'returnee_health_monitoring',
        'release_from_isolation',
        'community_daily_summary',
        'home_isolation_monitoring',
        'sealed_building_temperature',
        'school_daily',
        'testing_daily',
      ],
    );
    const triple = REPORT_TEMPLATES.filter((t) => t.group === 'triple_1300');
    assert.deepEqual(
      triple.map((t) => t.name),
      ['外来返济人员排查表', '返济人员健康监测表', '人员解除隔离表'],
    );
    for (const t of triple.filter(isSubmittedTemplate)) {
      assert.equal(t.deadline.time, '13:00');
      assert.deepEqual([t.signature.required, t.signature.seal], [true, true]);
    }
  });

  it('every figure and bound names a column or figure that exists, and keys are unique', () => {
    for (const t of REPORT_TEMPLATES.filter(isSubmittedTemplate)) {
      const columns = new Set(t.columns.map((c) => c.key));
      const figures = new Set(t.figures.map((f) => f.key));
      assert.equal(columns.size, t.columns.length, t.code);
      assert.equal(figures.size, t.figures.length, t.code);
      for (const f of t.figures) {
        if ('column' in f.from) assert.ok(columns.has(f.from.column), `${t.code}.${f.key}`);
        if (f.atMost) assert.ok(figures.has(f.atMost), `${t.code}.${f.key}`);
      }
      for (const c of t.columns) if (c.atMost) assert.ok(columns.has(c.atMost), `${t.code}.${c.key}`);
      assert.ok(t.deadline.basis.clause && t.basis.source, t.code);
    }
  });

  it('communities report the 13:00 tables, schools the school report, and not the other way round', () => {
    const village = { kind: 'jurisdiction', level: 'village' } as const;
    const school = { kind: 'place', placeKind: 'school' } as const;
    assert.equal(unitReports(RETURNEE_SCREENING, village), true);
    assert.equal(unitReports(RETURNEE_SCREENING, school), false);
    assert.equal(unitReports(SCHOOL_DAILY, school), true);
    assert.equal(unitReports(SCHOOL_DAILY, { kind: 'jurisdiction', level: 'town' }), false);
  });

  it('a local version moves the deadline with its own basis and keeps the fields (RULES-001)', () => {
    const basis = clause('湖塘镇疫情防控领导小组', '2020-02-09 通知', 'The three tables are due at 12:00', true);
    const revised = reviseTemplate(RETURNEE_SCREENING, { deadlineTime: '12:00' }, 2, basis);
    assert.deepEqual([revised.version, revised.deadline.time, revised.deadline.remindMinutesBefore], [2, '12:00', 60]);
    assert.equal(revised.deadline.basis, basis);
    assert.deepEqual(revised.columns, RETURNEE_SCREENING.columns);
    assert.throws(() => reviseTemplate(RETURNEE_SCREENING, { deadlineTime: '25:00' }, 2, basis), /invalidTime/);
    assert.throws(() => reviseTemplate(RETURNEE_SCREENING, {}, 2, basis), /nothingToChange/);
  });
});
