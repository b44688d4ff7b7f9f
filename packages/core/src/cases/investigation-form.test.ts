import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { caseRules } from './case-rules.ts';
import { type InvestigationFacts, type InvestigationForm, investigationFormOf, investigationGaps } from './investigation-form.ts';

const seed = caseRules(SEED_2020);
const COMPLETE: InvestigationForm = {
  symptoms: ['发热', '干咳'],
  exposureHistory: '11月10日在湖塘菜市场与确诊病例同一摊位',
  travelHistory: '14天内无外地旅居史',
  occupation: '菜市场摊主',
  vaccinationDoses: 2,
  householdSize: 3,
};
const WITH_ONSET: InvestigationFacts = { classification: 'confirmed', onsetDate: '2020-11-18', trajectoryPoints: 2 };
const gapsOf = (form: InvestigationForm, facts = WITH_ONSET) =>
  investigationGaps(form, facts, seed).map((r) => r.rule.replace('investigation.missing.', ''));

// Issue 11 item 3, CASE-002, CASE-003, SC-20: the 24-hour investigation is complete only when its questions are answered
describe('investigation completeness (CASE-002, CASE-003, SC-20)', () => {
  it('a complete form with a trajectory point and an onset date has no gaps', () => {
    assert.deepEqual(gapsOf(COMPLETE), []);
  });

  it('an empty form lists every question, and the trajectory, each with its clause', () => {
    const gaps = investigationGaps({}, { classification: 'confirmed', onsetDate: null, trajectoryPoints: 0 }, seed);
    assert.deepEqual(
      gaps.map((r) => r.rule),
      [
        'investigation.missing.symptoms',
        'investigation.missing.onsetDate',
        'investigation.missing.exposureHistory',
        'investigation.missing.travelHistory',
        'investigation.missing.occupation',
        'investigation.missing.vaccinationDoses',
        'investigation.missing.householdSize',
        'investigation.missing.trajectory',
      ],
    );
    assert.equal(gaps[0]?.clause, seed.investigation.basis.clause);
    assert.equal(gaps[2]?.says, seed.exposureLookbackDays.basis.says, 'the history covers the look-back window');
  });

  it('an asymptomatic case answering "no symptoms" needs no onset date; a confirmed one does', () => {
    const none = { ...COMPLETE, symptoms: [], noSymptoms: true };
    assert.deepEqual(gapsOf(none, { classification: 'asymptomatic', onsetDate: null, trajectoryPoints: 1 }), []);
    assert.deepEqual(gapsOf(none, { classification: 'confirmed', onsetDate: null, trajectoryPoints: 1 }), ['onsetDate']);
  });

  it('blank text is not an answer; zero doses is one', () => {
    assert.deepEqual(gapsOf({ ...COMPLETE, occupation: '   ', vaccinationDoses: 0 }), ['occupation']);
  });

  it('the 2022 edition asks the same questions over its own window', () => {
    const gaps = investigationGaps({}, { classification: 'suspected', onsetDate: null, trajectoryPoints: 0 }, caseRules(CN_2022_9TH));
    assert.equal(gaps.find((r) => r.rule.endsWith('travelHistory'))?.source, caseRules(CN_2022_9TH).exposureLookbackDays.basis.source);
  });
});

describe('the stored form read back (CASE-002)', () => {
  it('keeps the known, well-typed answers and drops the rest', () => {
    assert.deepEqual(
      investigationFormOf({ occupation: '教师', vaccinationDoses: -1, householdSize: 3, symptoms: ['发热', 7], other: 'x' }),
      {
        occupation: '教师',
        householdSize: 3,
        symptoms: ['发热'],
      },
    );
  });
});
