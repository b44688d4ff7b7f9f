import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { caseNumber } from './case-number.ts';
import { caseRules } from './case-rules.ts';
import { suggestClassification } from './classification.ts';
import { caseClocks, caseDeadlines, clockState } from './deadline-clocks.ts';
import { cardCompleteness, caseDateProblem, type ReportCard } from './report-card.ts';
import { classificationChange } from './transitions.ts';

const seed = caseRules(SEED_2020);
const ninth = caseRules(CN_2022_9TH);
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('deadline clocks from discovery (CASE-001, KP-C01)', () => {
  it('SC-14: asymptomatic discovered 10:00 → report due 12:00; 11:59 due soon, 12:00 still due, 12:01 late', () => {
    const d = caseDeadlines('asymptomatic', at('2020-11-20T10:00'), seed);
    assert.deepEqual(d.reportDueAt, at('2020-11-20T12:00'));
    assert.equal(d.because[0]?.rule, 'reportWithin');
    assert.equal(d.because[0]?.clause, '§三(三)3');
    assert.equal(clockState('report', d.reportDueAt, null, at('2020-11-20T11:00'), 30).state, 'on_time');
    assert.equal(clockState('report', d.reportDueAt, null, at('2020-11-20T11:30'), 30).state, 'due_soon');
    assert.equal(clockState('report', d.reportDueAt, null, at('2020-11-20T12:00'), 30).state, 'due_soon');
    const late = clockState('report', d.reportDueAt, null, at('2020-11-20T12:01'), 30);
    assert.equal(late.state, 'late');
    assert.equal(late.minutesLeft, -1);
  });

  it('SC-20: confirmed recorded 08:00 day 1 → investigation and sealing due 08:00 day 2, both late after', () => {
    const discovered = at('2020-11-20T08:00');
    const d = caseDeadlines('confirmed', discovered, seed);
    assert.deepEqual([d.investigationDueAt, d.sealingDueAt], [at('2020-11-21T08:00'), at('2020-11-21T08:00')]);
    const input = { classification: 'confirmed' as const, ...d, reportedAt: at('2020-11-20T09:00') };
    const clocks = caseClocks({ ...input, investigationCompletedAt: null, sealedAt: null }, seed, at('2020-11-21T08:01'));
    assert.deepEqual(
      clocks.map((c) => [c.clock, c.state]),
      [
        ['report', 'done'],
        ['investigation', 'late'],
        ['sealing', 'late'],
      ],
    );
    const dueSoon = caseClocks({ ...input, investigationCompletedAt: null, sealedAt: null }, seed, at('2020-11-21T04:00'));
    assert.equal(dueSoon[1]?.state, 'due_soon');
  });

  it('confirmed and suspected 2-hour reports are marked configured (CASE-001 [gap]); asymptomatic is not', () => {
    for (const rules of [seed, ninth]) {
      assert.equal(caseDeadlines('suspected', at('2022-07-01T10:00'), rules).because[0]?.configured, true);
    }
    assert.notEqual(caseDeadlines('asymptomatic', at('2020-07-01T10:00'), seed).because[0]?.configured, true);
  });

  it('a report after the deadline is done late (CASE-006: late reports are visible)', () => {
    assert.equal(clockState('report', at('2020-11-20T12:00'), at('2020-11-20T12:05'), at('2020-11-20T13:00'), 30).state, 'done_late');
  });

  it('an excluded case runs no clocks', () => {
    const d = caseDeadlines('suspected', at('2020-11-20T10:00'), seed);
    const input = { classification: 'excluded' as const, ...d, reportedAt: null, investigationCompletedAt: null, sealedAt: null };
    assert.deepEqual(caseClocks(input, seed, at('2020-11-22T10:00')), []);
  });
});

describe('classification suggestion from the case definition (§4.1–4.3, CASE-003)', () => {
  const def = ninth.definition;
  it('nucleic acid positive with fever → confirmed, clause by clause', () => {
    const s = suggestClassification(
      { links: [], features: ['fever_or_respiratory'], evidence: ['nucleic_acid_positive'], clinicalType: 'mild' },
      def,
    );
    assert.equal(s.classification, 'confirmed');
    assert.equal(s.clinicalType, 'mild');
    assert.deepEqual(
      s.because.map((r) => r.rule),
      ['feature.fever_or_respiratory', 'evidence.nucleic_acid_positive', 'confirmed'],
    );
  });
  it('positive without clinical features → asymptomatic (KP-C01)', () => {
    const s = suggestClassification({ links: ['infected_contact'], features: [], evidence: ['nucleic_acid_positive'] }, def);
    assert.equal(s.classification, 'asymptomatic');
    assert.equal(s.because.at(-1)?.rule, 'asymptomatic');
  });
  it('a link and 1 feature → suspected; no link needs all 3 features', () => {
    assert.equal(
      suggestClassification({ links: ['case_area_stay'], features: ['fever_or_respiratory'], evidence: [] }, def).classification,
      'suspected',
    );
    assert.equal(
      suggestClassification({ links: [], features: ['fever_or_respiratory', 'imaging'], evidence: [] }, def).classification,
      undefined,
    );
    assert.equal(
      suggestClassification({ links: [], features: ['fever_or_respiratory', 'imaging', 'blood_count'], evidence: [] }, def).classification,
      'suspected',
    );
  });
  it('two negatives 24 h apart exclude; 23 h apart do not', () => {
    const base = { links: ['case_area_stay' as const], features: ['fever_or_respiratory' as const], evidence: [] };
    const ok = suggestClassification({ ...base, negativeSamples: [at('2022-07-01T08:00'), at('2022-07-02T08:00')] }, def);
    assert.equal(ok.classification, 'excluded');
    const short = suggestClassification({ ...base, negativeSamples: [at('2022-07-01T08:00'), at('2022-07-02T07:00')] }, def);
    assert.equal(short.classification, 'suspected');
  });
});

describe('classification transitions (CASE-006, SC-15)', () => {
  it('SC-15: asymptomatic → confirmed is a correction (订正); the original is kept by the caller as history', () => {
    assert.equal(classificationChange({ from: 'asymptomatic', to: 'confirmed', toClinicalType: 'mild' }), 'correction');
    assert.equal(classificationChange({ from: 'suspected', to: 'confirmed', toClinicalType: 'severe' }), 'change');
    assert.equal(classificationChange({ from: null, to: 'suspected' }), 'initial');
  });
  it('refuses: confirmed without clinical type, excluded → anything, confirmed → asymptomatic, no change', () => {
    assert.throws(() => classificationChange({ from: 'suspected', to: 'confirmed' }), {
      field: 'clinicalType',
      code: 'clinicalTypeRequired',
    });
    assert.throws(() => classificationChange({ from: 'excluded', to: 'suspected' }), { code: 'transitionNotAllowed' });
    assert.throws(() => classificationChange({ from: 'confirmed', to: 'asymptomatic' }), { code: 'transitionNotAllowed' });
    assert.throws(() => classificationChange({ from: 'confirmed', to: 'confirmed', fromClinicalType: 'mild', toClinicalType: 'mild' }), {
      code: 'unchanged',
    });
    assert.equal(
      classificationChange({ from: 'confirmed', to: 'confirmed', fromClinicalType: 'mild', toClinicalType: 'severe' }),
      'change',
    );
    assert.throws(() => classificationChange({ from: null, to: 'excluded' }), { code: 'cannotOpenExcluded' });
  });
});

describe('report card (传染病报告卡, CASE-001, CASE-015)', () => {
  const card: ReportCard = {
    caseNumber: caseNumber('320412', 2020, 7),
    patientName: '张三',
    idNumber: '320412199001011234',
    sex: 'male',
    birthDate: '1990-01-01',
    phone: null,
    address: '湖塘镇',
    occupation: null,
    classification: 'confirmed',
    clinicalType: null,
    disease: 'COVID-19',
    onsetDate: null,
    diagnosedAt: null,
    discoveredAt: at('2020-11-20T10:00'),
    reportedAt: null,
    reportingUnit: '武进区疾控中心',
    reportingDoctor: null,
    correctedFrom: null,
    dischargedAt: null,
    releasedAt: null,
    diedAt: null,
    remarks: null,
  };
  it('case number county-year-sequence; missing required fields are named', () => {
    assert.equal(card.caseNumber, '320412-2020-0007');
    assert.deepEqual(cardCompleteness(card).missing, ['reportingDoctor', 'clinicalType', 'onsetDate']);
    const full = { ...card, reportingDoctor: '李医生', clinicalType: 'mild' as const, onsetDate: '2020-11-19' };
    assert.equal(cardCompleteness(full).complete, true);
  });
  it('bad dates: onset after discovery or report, report before discovery, future', () => {
    const now = at('2020-11-21T10:00');
    const discoveredAt = at('2020-11-20T10:00');
    assert.equal(caseDateProblem({ discoveredAt, onsetDate: '2020-11-21' }, now)?.code, 'onsetAfterDiscovery');
    assert.equal(caseDateProblem({ discoveredAt, reportedAt: at('2020-11-20T09:00') }, now)?.field, 'reportedAt');
    assert.equal(caseDateProblem({ discoveredAt, dischargedAt: at('2020-11-22T09:00') }, now)?.code, 'inFuture');
    assert.equal(caseDateProblem({ discoveredAt, onsetDate: '2020-11-19', reportedAt: at('2020-11-20T11:00') }, now), undefined);
  });
});
