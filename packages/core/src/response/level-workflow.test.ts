import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../errors/app-error.ts';
import type { ExpertBody, LevelBasis, ResponseLevel } from '../protocols/response-rule-types.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { confirmationChain, nextConfirmation } from './confirmation-chain.ts';
import { RESPONSE_LEVEL_MESSAGES } from './level-messages.ts';
import {
  approveLevelChange,
  confirmLevelChange,
  fileLevelChange,
  type LevelChange,
  type LevelResult,
  proposeLevelChange,
  type ResponseState,
  rejectLevelChange,
  responseStateOf,
} from './level-workflow.ts';
import { responseRules } from './response-rules.ts';
import { terminationCheck } from './termination.ts';
import { assessment, localCase, shanghai } from './test-support.ts';

const NOW = shanghai('2020-11-20');
const BUREAU = 'cdc-user';
const COMMANDER = 'commander-user';
const NONE: ResponseState = { level: null, phase: 'none', open: null };
const rules = responseRules(SEED_2020);
const problems: AppError[] = [];

function value<T>(result: LevelResult<T>): T {
  if (!result.ok) assert.fail(`unexpected problem ${result.problem.code} on ${result.problem.field}`);
  return result.value;
}
function problem<T>(result: LevelResult<T>): AppError {
  if (result.ok) assert.fail('expected a problem');
  problems.push(result.problem);
  return result.problem;
}
const expectProblem = <T>(result: LevelResult<T>, code: string, field: string) =>
  assert.deepEqual((({ code: c, field: f }) => ({ code: c, field: f }))(problem(result)), { code, field });

const propose = (state: ResponseState, to: ResponseLevel | null, basis: LevelBasis = 'trigger', records = assessment().records) =>
  proposeLevelChange(
    state,
    { to, basis, proposedBy: BUREAU, reason: 'expert analysis of the situation', assessment: { ...assessment(), records } },
    NOW,
    SEED_2020,
  );
const confirmBy = (change: LevelChange, bodies: ExpertBody[]) =>
  bodies.reduce(
    (c, body) => value(confirmLevelChange(c, { body, decision: 'confirmed', recordedBy: BUREAU, note: '' }, NOW, SEED_2020)),
    change,
  );
const approve = (state: ResponseState, change: LevelChange) => approveLevelChange(state, change, { approvedBy: COMMANDER }, NOW, SEED_2020);

/** A state with `level` in force, reached through the whole workflow. */
function active(level: ResponseLevel): ResponseState {
  const change = confirmBy(value(propose(NONE, level)), ['district']);
  return value(approve(NONE, change)).state;
}

describe('SC-27 start workflow: proposed → confirmed → approved (in force) → filed (LVL-010)', () => {
  it('a proposal to start level IV is not active; the district experts confirm; the commander approves; filing follows', () => {
    const proposed = value(propose(NONE, 'IV'));
    assert.deepEqual([proposed.direction, proposed.status, proposed.from, proposed.to], ['activate', 'proposed', null, 'IV']);
    assert.equal(responseStateOf([proposed]).level, null);
    assert.equal(responseStateOf([proposed]).open, proposed);
    const confirmed = confirmBy(proposed, ['district']);
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(responseStateOf([confirmed]).level, null);
    const { change: approved, state, checklist } = value(approve(NONE, confirmed));
    assert.equal(approved.status, 'approved');
    assert.deepEqual(state, { level: 'IV', phase: 'active', open: null });
    assert.deepEqual(responseStateOf([approved]), state);
    assert.equal(checklist.added.length, 11);
    const filed = value(fileLevelChange(approved, { filedBy: BUREAU, reference: '武卫备〔2020〕1号' }, NOW));
    assert.equal(filed.status, 'filed');
    assert.equal(filed.filing?.reference, '武卫备〔2020〕1号');
    assert.equal(responseStateOf([filed]).level, 'IV');
  });

  it('filing before approval is refused; filing twice is refused; a filing needs its reference', () => {
    const confirmed = confirmBy(value(propose(NONE, 'IV')), ['district']);
    expectProblem(fileLevelChange(confirmed, { filedBy: BUREAU, reference: 'x' }, NOW), 'notApproved', 'changeId');
    const approved = value(approve(NONE, confirmed)).change;
    expectProblem(fileLevelChange(approved, { filedBy: BUREAU, reference: ' ' }, NOW), 'required', 'reference');
    const filed = value(fileLevelChange(approved, { filedBy: BUREAU, reference: 'x' }, NOW));
    expectProblem(fileLevelChange(filed, { filedBy: BUREAU, reference: 'x' }, NOW), 'alreadyFiled', 'changeId');
  });

  it('a level change without a proposal is refused (noProposal), and the level comes only from approved changes', () => {
    expectProblem(approveLevelChange(NONE, null, { approvedBy: COMMANDER }, NOW, SEED_2020), 'noProposal', 'changeId');
    expectProblem(
      confirmLevelChange(null, { body: 'district', decision: 'confirmed', recordedBy: BUREAU, note: '' }, NOW, SEED_2020),
      'noProposal',
      'changeId',
    );
    const rejected = value(rejectLevelChange(value(propose(NONE, 'III')), { rejectedBy: COMMANDER, reason: 'not warranted' }, NOW));
    assert.deepEqual(responseStateOf([rejected]), NONE);
  });

  it('approval by the proposer is refused (403 approverIsProposer on approvedBy)', () => {
    const confirmed = confirmBy(value(propose(NONE, 'IV')), ['district']);
    const refused = problem(approveLevelChange(NONE, confirmed, { approvedBy: BUREAU }, NOW, SEED_2020));
    assert.deepEqual([refused.kind, refused.code, refused.field], ['forbidden', 'approverIsProposer', 'approvedBy']);
  });

  it('one change at a time; a proposal to the level in force, or to end no response, is refused on `to`', () => {
    const open = value(propose(NONE, 'IV'));
    expectProblem(propose({ ...NONE, open }, 'III'), 'changeInProgress', 'to');
    expectProblem(propose(active('III'), 'III'), 'sameLevel', 'to');
    expectProblem(propose(NONE, null), 'noResponseToTerminate', 'to');
  });

  it('a proposal needs its reason', () => {
    const result = proposeLevelChange(
      NONE,
      { to: 'IV', basis: 'trigger', proposedBy: BUREAU, reason: '  ', assessment: assessment() },
      NOW,
      SEED_2020,
    );
    expectProblem(result, 'reasonRequired', 'reason');
  });

  it('a change approved while the level moved since the proposal is refused', () => {
    const stale = confirmBy(value(propose(NONE, 'IV')), ['district']);
    expectProblem(approve(active('III'), stale), 'levelChangedSinceProposal', 'changeId');
  });

  it('a rejected or approved change cannot be approved again', () => {
    const confirmed = confirmBy(value(propose(NONE, 'IV')), ['district']);
    const approved = value(approve(NONE, confirmed)).change;
    expectProblem(approve(NONE, approved), 'changeClosed', 'changeId');
    const rejected = value(rejectLevelChange(confirmed, { rejectedBy: COMMANDER, reason: 'no' }, NOW));
    expectProblem(approve(NONE, rejected), 'changeClosed', 'changeId');
    expectProblem(rejectLevelChange(confirmed, { rejectedBy: COMMANDER, reason: '' }, NOW), 'reasonRequired', 'reason');
  });
});

describe('LVL-003 assessment form: three factor groups and the records each change needs', () => {
  it('the form has the epidemic (3 items), capacity (3) and social (4) factor groups of seed 002 §八', () => {
    assert.deepEqual(
      rules.assessment.factors.map((g) => [g.group, g.items.length]),
      [
        ['epidemic', 3],
        ['capacity', 3],
        ['social', 4],
      ],
    );
  });

  it('a proposal with a factor item left empty is refused on that item', () => {
    const form = assessment();
    const result = proposeLevelChange(
      NONE,
      { to: 'IV', basis: 'trigger', proposedBy: BUREAU, reason: 'r', assessment: { ...form, factors: { ...form.factors, treatment: '' } } },
      NOW,
      SEED_2020,
    );
    expectProblem(result, 'assessmentFactorMissing', 'assessment.factors.treatment');
  });

  it('LVL-012: an escalation rests on the trend analysis', () => {
    expectProblem(propose(active('IV'), 'III', 'trigger', {}), 'assessmentRecordMissing', 'assessment.records.trendAnalysis');
  });

  it('SC-30 / LVL-014: level II active, a de-escalation with only a trend analysis is refused for the effect evaluation', () => {
    const state = active('II');
    expectProblem(
      propose(state, 'III', 'trigger', { trendAnalysis: 'falling' }),
      'assessmentRecordMissing',
      'assessment.records.effectEvaluation',
    );
    const both = value(propose(state, 'III', 'trigger', assessment(['trendAnalysis', 'effectEvaluation']).records));
    assert.equal(both.direction, 'deescalate');
  });

  it('LVL-016: a termination proposal needs the trend, the measures review, the transmission and import risk and the effect evaluation', () => {
    const state = active('IV');
    expectProblem(
      propose(state, null, 'trigger', assessment(['trendAnalysis', 'effectEvaluation']).records),
      'assessmentRecordMissing',
      'assessment.records.measuresReview',
    );
    const all = value(
      propose(state, null, 'trigger', assessment(['trendAnalysis', 'measuresReview', 'transmissionRisk', 'effectEvaluation']).records),
    );
    assert.equal(all.direction, 'terminate');
  });
});

describe('SC-28 escalation step by step or skipping levels (LVL-012, LVL-013)', () => {
  it('level IV active: an escalation directly to level II is allowed, and brings the 13 measures of III and II', () => {
    const state = active('IV');
    const change = confirmBy(value(propose(state, 'II')), ['district']);
    assert.equal(change.direction, 'escalate');
    const { state: after, checklist } = value(approve(state, change));
    assert.equal(after.level, 'II');
    assert.equal(checklist.added.length, 13);
  });

  it('no response active: level I can be started directly, with all 31 measures', () => {
    const change = confirmBy(value(propose(NONE, 'I')), ['district']);
    const { state, checklist } = value(approve(NONE, change));
    assert.equal(state.level, 'I');
    assert.equal(checklist.added.length, 31);
  });

  it('LVL-014: de-escalation may skip levels too (II → IV)', () => {
    const state = active('II');
    const change = confirmBy(value(propose(state, 'IV', 'trigger', assessment(['trendAnalysis', 'effectEvaluation']).records)), [
      'district',
    ]);
    const { state: after, checklist } = value(approve(state, change));
    assert.equal(after.level, 'IV');
    assert.equal(checklist.removed.length, 13);
  });
});

describe('SC-29 confirmation chain for "other situations" (LVL-002)', () => {
  const chainOf = (to: ResponseLevel) => confirmationChain({ direction: 'activate', to, basis: 'other_situations' }, rules).chain;

  it('IV: district; III: district → city; II: + province; I: + nation', () => {
    assert.deepEqual(chainOf('IV'), ['district']);
    assert.deepEqual(chainOf('III'), ['district', 'city']);
    assert.deepEqual(chainOf('II'), ['district', 'city', 'province']);
    assert.deepEqual(chainOf('I'), ['district', 'city', 'province', 'nation']);
    assert.equal(confirmationChain({ direction: 'activate', to: 'I', basis: 'other_situations' }, rules).basis.clause, '§四(四)2');
  });

  it('on the level’s own trigger, and for termination, the district experts’ analysis is the chain', () => {
    assert.deepEqual(confirmationChain({ direction: 'activate', to: 'I', basis: 'trigger' }, rules).chain, ['district']);
    assert.deepEqual(confirmationChain({ direction: 'terminate', to: null, basis: 'trigger' }, rules).chain, ['district']);
  });

  it('level III: approval needs the district confirmation and the municipal review; without the review it is refused (chainIncomplete)', () => {
    const proposed = value(propose(NONE, 'III', 'other_situations'));
    const districtOnly = confirmBy(proposed, ['district']);
    assert.equal(districtOnly.status, 'proposed');
    assert.equal(nextConfirmation(districtOnly, rules), 'city');
    const refused = problem(approve(NONE, districtOnly));
    assert.deepEqual([refused.code, refused.field, refused.params.next], ['chainIncomplete', 'confirmations', 'city']);
    const reviewed = confirmBy(districtOnly, ['city']);
    assert.equal(reviewed.status, 'confirmed');
    assert.equal(value(approve(NONE, reviewed)).state.level, 'III');
  });

  it('level II also needs the provincial review; level I also the national review', () => {
    const two = confirmBy(value(propose(NONE, 'II', 'other_situations')), ['district', 'city']);
    assert.equal(nextConfirmation(two, rules), 'province');
    expectProblem(approve(NONE, two), 'chainIncomplete', 'confirmations');
    const one = confirmBy(value(propose(NONE, 'I', 'other_situations')), ['district', 'city', 'province']);
    assert.equal(nextConfirmation(one, rules), 'nation');
    assert.equal(value(approve(NONE, confirmBy(one, ['nation']))).state.level, 'I');
  });

  it('a chain skipped (the city before the district) is refused on `body`; a body outside the chain too; a body twice too', () => {
    const proposed = value(propose(NONE, 'III', 'other_situations'));
    const skipped = problem(
      confirmLevelChange(proposed, { body: 'city', decision: 'confirmed', recordedBy: BUREAU, note: '' }, NOW, SEED_2020),
    );
    assert.deepEqual([skipped.code, skipped.field, skipped.params.expected], ['chainSkipped', 'body', 'district']);
    expectProblem(
      confirmLevelChange(proposed, { body: 'nation', decision: 'confirmed', recordedBy: BUREAU, note: '' }, NOW, SEED_2020),
      'bodyNotInChain',
      'body',
    );
    const district = confirmBy(proposed, ['district']);
    expectProblem(
      confirmLevelChange(district, { body: 'district', decision: 'confirmed', recordedBy: BUREAU, note: '' }, NOW, SEED_2020),
      'alreadyConfirmed',
      'body',
    );
    const complete = confirmBy(district, ['city']);
    expectProblem(
      confirmLevelChange(complete, { body: 'city', decision: 'confirmed', recordedBy: BUREAU, note: '' }, NOW, SEED_2020),
      'chainComplete',
      'body',
    );
  });

  it('a body that does not confirm ends the change as rejected, with its reason', () => {
    const district = confirmBy(value(propose(NONE, 'III', 'other_situations')), ['district']);
    expectProblem(
      confirmLevelChange(district, { body: 'city', decision: 'rejected', recordedBy: BUREAU, note: '' }, NOW, SEED_2020),
      'reasonRequired',
      'note',
    );
    const rejected = value(
      confirmLevelChange(
        district,
        { body: 'city', decision: 'rejected', recordedBy: BUREAU, note: '市级专家组复核不予认定' },
        NOW,
        SEED_2020,
      ),
    );
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejection?.reason, '市级专家组复核不予认定');
    expectProblem(approve(NONE, rejected), 'changeClosed', 'changeId');
  });
});

describe('termination: approved only when its criteria hold, or as the commander’s audited override (LVL-015, LVL-016, SC-31)', () => {
  const records = assessment(['trendAnalysis', 'measuresReview', 'transmissionRisk', 'effectEvaluation']).records;
  const cases = [localCase('last', '2020-03-01')];
  const facts = (on: string, importRiskReduced: boolean | null = true) =>
    terminationCheck({ cases, importRiskReduced }, shanghai(on), SEED_2020);
  const proposal = () => {
    const state = active('IV');
    return { state, change: confirmBy(value(propose(state, null, 'trigger', records)), ['district']) };
  };

  it('criteria met on 29 March: approved, the response is terminated and every task ends', () => {
    const { state, change } = proposal();
    const {
      state: after,
      change: approved,
      checklist,
    } = value(approveLevelChange(state, change, { approvedBy: COMMANDER }, NOW, SEED_2020, facts('2020-03-29')));
    assert.deepEqual(after, { level: null, phase: 'terminated', open: null });
    assert.equal(approved.override, null);
    assert.equal(checklist.removed.length, 11);
    assert.equal(responseStateOf([approved]).phase, 'terminated');
  });

  it('before the criteria hold (28 March) it is refused on overrideReason, naming the earliest date', () => {
    const { state, change } = proposal();
    const refused = problem(approveLevelChange(state, change, { approvedBy: COMMANDER }, NOW, SEED_2020, facts('2020-03-28')));
    assert.deepEqual(
      [refused.code, refused.field, refused.params.eligibleFrom],
      ['terminationCriteriaNotMet', 'overrideReason', '2020-03-29'],
    );
    expectProblem(
      approveLevelChange(state, change, { approvedBy: COMMANDER }, NOW, SEED_2020, facts('2020-04-10', null)),
      'terminationCriteriaNotMet',
      'overrideReason',
    );
  });

  it('the commander may end it early with a reason: approved, the override and the unmet criteria kept for the audit', () => {
    const { state, change } = proposal();
    const { change: approved } = value(
      approveLevelChange(
        state,
        change,
        { approvedBy: COMMANDER, overrideReason: '上级统一部署提前终止' },
        NOW,
        SEED_2020,
        facts('2020-03-28'),
      ),
    );
    assert.deepEqual(approved.override, { reason: '上级统一部署提前终止', unmet: ['window'] });
  });

  it('an override reason where none is needed, or a termination without its criteria check, is refused', () => {
    const { state, change } = proposal();
    expectProblem(
      approveLevelChange(state, change, { approvedBy: COMMANDER, overrideReason: 'why not' }, NOW, SEED_2020, facts('2020-03-29')),
      'overrideNotNeeded',
      'overrideReason',
    );
    expectProblem(approveLevelChange(state, change, { approvedBy: COMMANDER }, NOW, SEED_2020), 'terminationFactsRequired', 'termination');
    const escalation = confirmBy(value(propose(state, 'III')), ['district']);
    expectProblem(
      approveLevelChange(state, escalation, { approvedBy: COMMANDER, overrideReason: 'x' }, NOW, SEED_2020),
      'overrideNotNeeded',
      'overrideReason',
    );
  });

  it('after termination a new response starts again from a proposal (LVL-017: back to normalized until then)', () => {
    const { state, change } = proposal();
    const ended = value(approveLevelChange(state, change, { approvedBy: COMMANDER }, NOW, SEED_2020, facts('2020-03-29'))).state;
    assert.equal(value(propose(ended, 'IV')).direction, 'activate');
  });
});

describe('problem messages', () => {
  it('every problem these tests met has a zh-CN and an English message (shared codes are worded by the server)', () => {
    const shared = new Set(['reasonRequired', 'required']);
    const codes = new Set(problems.map((p) => p.code));
    assert.ok(codes.size >= 15);
    for (const code of codes) assert.ok(shared.has(code) || code in RESPONSE_LEVEL_MESSAGES, code);
  });
});
