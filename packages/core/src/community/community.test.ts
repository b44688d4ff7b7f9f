import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMUNITY_SEED_001 as RULES } from '../protocols/community-seed-001.ts';
import { gatheringDecision, gatheringProblem, sixOnesReadiness, supplyTransitionAllowed } from './community-duties.ts';
import {
  arrivalCategoryFor,
  dateWindowVerdict,
  symptomaticTransportMode,
  symptomaticTransportProblem,
  type TravelStop,
} from './screening.ts';
import { screeningProgress } from './screening-progress.ts';

const VISIT = '2020-02-10';
const stop = (over: Partial<TravelStop>): TravelStop => ({
  place: '温州市',
  riskGrade: 'high',
  inbound: false,
  leftOn: '2020-01-31',
  ...over,
});

describe('door-to-door screening: the arrival category (COMM-040, SC-41, seed 001 §三(四)2)', () => {
  it('SC-41: a stay in a high-risk area 10 days ago opens a risk-area arrival for home medical observation', () => {
    const verdict = arrivalCategoryFor(RULES.screening, [stop({})], VISIT);
    assert.deepEqual([verdict.category, verdict.stop, verdict.because[0]?.clause], ['risk_area_arrival', 0, '§三(四)2']);
  });
  it('SC-41: the same stay 20 days ago opens nothing under this rule', () => {
    const verdict = arrivalCategoryFor(RULES.screening, [stop({ leftOn: '2020-01-21' })], VISIT);
    assert.deepEqual([verdict.category, verdict.because[0]?.rule], [null, 'screening.noArrival']);
  });
  it('the window counts its 14th day and no further', () => {
    assert.equal(arrivalCategoryFor(RULES.screening, [stop({ leftOn: '2020-01-27' })], VISIT).category, 'risk_area_arrival');
    assert.equal(arrivalCategoryFor(RULES.screening, [stop({ leftOn: '2020-01-26' })], VISIT).category, null);
  });
  it('a stay in a low-risk or ungraded place opens nothing', () => {
    assert.equal(arrivalCategoryFor(RULES.screening, [stop({ riskGrade: 'low' }), stop({ riskGrade: null })], VISIT).category, null);
  });
  it('a medium-risk area is not a severely affected area (疫情严重地区 is the high grade)', () => {
    assert.equal(arrivalCategoryFor(RULES.screening, [stop({ riskGrade: 'medium' })], VISIT).category, null);
  });
  it('an arrival from abroad in the window is an inbound traveller, before any risk area', () => {
    const verdict = arrivalCategoryFor(RULES.screening, [stop({}), stop({ inbound: true, riskGrade: null })], VISIT);
    assert.deepEqual([verdict.category, verdict.stop], ['inbound_traveller', 1]);
  });
  it('a stay ending after the visit day is not travel history', () => {
    assert.equal(arrivalCategoryFor(RULES.screening, [stop({ leftOn: '2020-02-11' })], VISIT).category, null);
  });
});

describe('date-window screening (KP-G04, SC-40, seed 004 Part B §二(一)4)', () => {
  const listed = (areas: string[], arrivedOn: string) => dateWindowVerdict(RULES.screening, { areas, arrivedOn }).listed;
  it('SC-40 (a)(b): from Wuhan, arriving 3 Jan is not listed, 6 Jan is', () => {
    assert.equal(listed(['武汉市', '湖北省'], '2020-01-03'), false);
    assert.equal(listed(['武汉市', '湖北省'], '2020-01-06'), true);
  });
  it('SC-40 (c)(d): from Hubei outside Wuhan, arriving 19 Jan is not listed, 21 Jan is', () => {
    assert.equal(listed(['孝感市', '湖北省'], '2020-01-19'), false);
    assert.equal(listed(['孝感市', '湖北省'], '2020-01-21'), true);
  });
  it('SC-40 (e): from another area, arriving 29 Jan is listed; 27 Jan is not', () => {
    assert.equal(listed(['广州市', '广东省'], '2020-01-29'), true);
    assert.equal(listed(['广州市', '广东省'], '2020-01-27'), false);
  });
  it('SC-40: Wuhan is judged by its own window, not Hubei’s; the listed isolate alone at home and do not go out', () => {
    const verdict = dateWindowVerdict(RULES.screening, { areas: ['武汉市', '湖北省'], arrivedOn: '2020-01-10' });
    assert.deepEqual(
      [verdict.listed, verdict.window, verdict.because[0]?.clause],
      [true, { area: '武汉市', from: '2020-01-05' }, 'Part B §二(一)4'],
    );
    assert.deepEqual([RULES.screening.dateWindows.management, RULES.screening.dateWindows.goingOut], ['home_quarantine', false]);
  });
});

describe('a fever patient at home (SC-54, seed 001 §三(四)4)', () => {
  it('SC-54: the transport mode is arranged by the institution; self-drive and public transport are refused naming the field', () => {
    assert.equal(symptomaticTransportProblem(RULES.screening, 'arranged_by_institution'), null);
    assert.deepEqual(symptomaticTransportProblem(RULES.screening, 'self_drive')?.field, 'transportMode');
    assert.deepEqual(symptomaticTransportProblem(RULES.screening, 'public_transport')?.because[0]?.clause, '§三(四)4');
    assert.equal(symptomaticTransportMode(RULES.screening).mode, 'arranged_by_institution');
  });
});

describe('screening progress (COMM-040: every household, nobody missed)', () => {
  const households = ['h1', 'h2', 'h3', 'h4'];
  it('counts screened, not-home and remaining households and the people found', () => {
    const progress = screeningProgress(households, [
      { householdId: 'h1', outcome: 'screened', categories: ['risk_area_arrival'], symptomatic: 0 },
      { householdId: 'h2', outcome: 'not_home', categories: [], symptomatic: 0 },
      { householdId: 'h3', outcome: 'screened', categories: [], symptomatic: 1 },
    ]);
    assert.deepEqual(progress, {
      households: 4,
      screened: 2,
      notHome: 1,
      remaining: 2,
      riskAreaArrivals: 1,
      inboundTravellers: 0,
      symptomatic: 1,
      complete: false,
    });
  });
  it('a household nobody was home at is screened on a later visit, and the round completes', () => {
    const visits = households.map((householdId) => ({ householdId, outcome: 'screened' as const, categories: [], symptomatic: 0 }));
    const progress = screeningProgress(households, [{ householdId: 'h2', outcome: 'not_home', categories: [], symptomatic: 0 }, ...visits]);
    assert.deepEqual([progress.screened, progress.notHome, progress.complete], [4, 0, true]);
  });
  it('a later not-home visit does not undo a screened household', () => {
    const progress = screeningProgress(
      ['h1'],
      [
        { householdId: 'h1', outcome: 'screened', categories: [], symptomatic: 0 },
        { householdId: 'h1', outcome: 'not_home', categories: [], symptomatic: 0 },
      ],
    );
    assert.equal(progress.complete, true);
  });
});

describe('the six ones (COMM-001…006, seed 001 §三(一))', () => {
  it('ready only when all six duties are done; the missing ones name their requirement', () => {
    const entries = (['one_entrance', 'one_team', 'one_desk', 'one_equipment_set', 'one_rule_set'] as const).map((duty) => ({
      duty,
      done: true,
    }));
    const readiness = sixOnesReadiness(RULES, [...entries, { duty: 'one_inspection_team', done: false }]);
    assert.deepEqual([readiness.ready, readiness.missing.map((m) => m.requirement)], [false, ['COMM-006']]);
    assert.equal(sixOnesReadiness(RULES, [...entries, { duty: 'one_inspection_team', done: true }]).ready, true);
  });
});

describe('gatherings (COMM-031, SC-44, seed 001 §三(八))', () => {
  it('SC-44: a wedding is refused (suspended)', () => {
    const verdict = gatheringDecision(RULES, { kind: 'wedding', eventDate: VISIT, simplified: true });
    assert.deepEqual([verdict.decision, verdict.because[0]?.clause], ['refused', '§三(八)']);
  });
  it('SC-44: a simplified funeral is filed; one not simplified is refused', () => {
    assert.equal(gatheringDecision(RULES, { kind: 'funeral', eventDate: VISIT, simplified: true }).decision, 'filed');
    const refused = gatheringDecision(RULES, { kind: 'funeral', eventDate: VISIT, simplified: false });
    assert.deepEqual([refused.decision, refused.because[0]?.rule], ['refused', 'gathering.funeral.notSimplified']);
  });
  it('SC-44: a funeral must be filed before the event: a past date is bad input naming the field', () => {
    const problem = gatheringProblem(RULES, { kind: 'funeral', eventDate: '2020-02-09', simplified: true }, VISIT);
    assert.deepEqual([problem?.field, problem?.code], ['eventDate', 'pastDate']);
    assert.equal(gatheringProblem(RULES, { kind: 'funeral', eventDate: VISIT, simplified: true }, VISIT), null);
  });
  it('COMM-031: a banquet is refused', () => {
    assert.equal(gatheringDecision(RULES, { kind: 'banquet', eventDate: VISIT, simplified: true }).decision, 'refused');
  });
});

describe('supplies of sealed households (COMM-022)', () => {
  it('a request is delivered or cancelled once', () => {
    assert.equal(supplyTransitionAllowed('requested', 'delivered'), true);
    assert.equal(supplyTransitionAllowed('delivered', 'cancelled'), false);
  });
});
