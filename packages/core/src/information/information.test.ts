import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { dailyOutbreakDueAt, dailyOutbreakState, dailyOutbreakText } from './daily-outbreak.ts';
import { INFORMATION_MESSAGES } from './information-messages.ts';
import { type Approval, approvalChain, authorityLevel, type InfoResult, informationRules, levelOfPath } from './information-rules.ts';
import { decideInterview, type InterviewRequest } from './interview.ts';
import { closeOpinion, type OpinionItem, opinionClock, respondToOpinion } from './opinion.ts';
import {
  approveRelease,
  isPublic,
  publishRelease,
  type Release,
  type ReleaseDraft,
  rejectRelease,
  releaseDraftProblem,
  submitRelease,
  withdrawRelease,
} from './release-workflow.ts';

const rules = informationRules(SEED_2020);
const NOW = new Date('2020-02-10T09:00:00+08:00');
const at = (text: string) => new Date(text);

function value<T>(result: InfoResult<T>): T {
  if (!result.ok) throw result.problem;
  return result.value;
}
function problemOf<T>(result: InfoResult<T>) {
  assert.equal(result.ok, false);
  return result.ok ? null : result.problem;
}

const draft: ReleaseDraft = {
  kind: 'notice',
  title: '关于南街社区返乡人员登记的通告',
  body: '请近期返乡人员到社区登记。',
  interpretation: '',
  audience: 'public',
  channels: ['platform', 'wechat_group'],
  forDate: null,
};
const release = (over: Partial<Release> = {}): Release => ({
  ...draft,
  status: 'draft',
  draftedBy: 'grid',
  jurisdictionLevel: 'village',
  approvals: [],
  publishedAt: null,
  withdrawnAt: null,
  reason: null,
  ...over,
});
const approval = (by: string, level: Approval['level']): Approval => ({ by, level, at: NOW, note: '' });

describe('information release (INFO-001…003, SC-68)', () => {
  it('INFO-001 SC-68: a community notice cannot be published before it is reported upward and approved', () => {
    const drafted = release();
    assert.equal(problemOf(publishRelease(drafted, NOW))?.code, 'releaseNotApproved');
    const submitted = value(submitRelease(drafted));
    assert.equal(problemOf(publishRelease(submitted, NOW))?.code, 'releaseNotApproved');
    const approved = value(approveRelease(submitted, approval('town', 'town'), rules));
    assert.equal(approved.status, 'approved');
    const published = value(publishRelease(approved, NOW));
    assert.equal(published.status, 'published');
    assert.equal(published.publishedAt, NOW);
    assert.ok(isPublic(published));
  });

  it('INFO-001: the drafter never approves their own item (four eyes)', () => {
    const submitted = value(submitRelease(release({ draftedBy: 'office', jurisdictionLevel: 'county' })));
    assert.equal(problemOf(approveRelease(submitted, approval('office', 'county'), rules))?.code, 'drafterCannotApprove');
  });

  it('INFO-001: a community approver cannot approve what the town must (逐级上报)', () => {
    const submitted = value(submitRelease(release()));
    const problem = problemOf(approveRelease(submitted, approval('secretary', 'village'), rules));
    assert.equal(problem?.code, 'approverLevelTooLow');
    assert.equal(problem?.params.level, 'town');
    // A district authority covers the town step.
    assert.equal(value(approveRelease(submitted, approval('commander', 'county'), rules)).status, 'approved');
  });

  it('INFO-003 DAILY-007: the daily information goes town then district, two different approvers', () => {
    const daily = release({ kind: 'daily_outbreak', forDate: '2020-02-10', interpretation: '解读', draftedBy: 'grid' });
    assert.deepEqual(
      approvalChain(rules, 'daily_outbreak', 'village').map((s) => s.level),
      ['town', 'county'],
    );
    const submitted = value(submitRelease(daily));
    const afterTown = value(approveRelease(submitted, approval('town', 'town'), rules));
    assert.equal(afterTown.status, 'submitted');
    assert.equal(problemOf(approveRelease(afterTown, approval('town', 'county'), rules))?.code, 'approverAlreadySigned');
    assert.equal(problemOf(approveRelease(afterTown, approval('town2', 'town'), rules))?.code, 'approverLevelTooLow');
    assert.equal(value(approveRelease(afterTown, approval('commander', 'county'), rules)).status, 'approved');
  });

  it('INFO-001: a district item skips the town step; the district approves it itself (another person)', () => {
    assert.deepEqual(
      approvalChain(rules, 'daily_outbreak', 'county').map((s) => s.level),
      ['county'],
    );
    assert.deepEqual(
      approvalChain(rules, 'notice', 'county').map((s) => s.level),
      ['county'],
    );
    assert.equal(approvalChain(rules, 'notice', 'county')[0]?.basis.source, 'seed 001');
  });

  it('INFO-001: the approver’s authority is the level of their grant over the item', () => {
    assert.equal(levelOfPath('/'), 'country');
    assert.equal(levelOfPath('/32/3204/320412/'), 'county');
    assert.equal(levelOfPath('/32/3204/320412/320412100/320412100002/'), 'village');
    assert.equal(levelOfPath('/32/3204/320412/320412100/320412100002/320412100002001/'), 'grid');
    const item = '/32/3204/320412/320412100/320412100002/';
    assert.equal(authorityLevel(['/32/3204/320412/320412100/'], item), 'town');
    assert.equal(authorityLevel(['/32/3204/320412/320412101/'], item), null);
  });

  it('INFO-007: warnings are approved at the district (the health authority)', () => {
    assert.deepEqual(
      approvalChain(rules, 'warning', 'town').map((s) => s.level),
      ['county'],
    );
  });

  it('a rejection needs a reason and sends the item back for editing; withdrawal takes it off the public page', () => {
    const submitted = value(submitRelease(release()));
    assert.equal(problemOf(rejectRelease(submitted, 'town', ' '))?.code, 'reasonRequired');
    const rejected = value(rejectRelease(submitted, 'town', '数字待核实'));
    assert.equal(rejected.status, 'rejected');
    assert.equal(value(submitRelease(rejected)).status, 'submitted');
    const published = release({ status: 'published', publishedAt: NOW });
    const withdrawn = value(withdrawRelease(published, '信息有误', NOW));
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(isPublic(withdrawn), false);
    assert.equal(problemOf(withdrawRelease(release(), '信息有误', NOW))?.code, 'releaseNotPublished');
  });

  it('COMM-043: bad drafts name the field (title, channels, the daily information’s day and interpretation)', () => {
    assert.equal(releaseDraftProblem({ ...draft, title: ' ' })?.field, 'title');
    assert.equal(releaseDraftProblem({ ...draft, channels: [] })?.field, 'channels');
    assert.equal(releaseDraftProblem({ ...draft, kind: 'daily_outbreak' })?.field, 'forDate');
    assert.equal(releaseDraftProblem({ ...draft, kind: 'daily_outbreak', forDate: '2020-02-10' })?.field, 'interpretation');
    assert.equal(releaseDraftProblem({ ...draft, forDate: '2020-02-10' })?.field, 'forDate');
    assert.equal(
      releaseDraftProblem({ ...draft, kind: 'daily_outbreak', forDate: '2020-02-30', interpretation: '解读' })?.field,
      'forDate',
    );
    assert.equal(releaseDraftProblem(draft), null);
  });
});

describe('daily outbreak information (DAILY-007, INFO-006)', () => {
  it('DAILY-007: due at the configured hour in Asia/Shanghai, whatever the server clock zone', () => {
    assert.equal(dailyOutbreakDueAt(rules, '2020-02-10').toISOString(), '2020-02-10T02:00:00.000Z');
    assert.equal(rules.dailyOutbreak.basis.configured, true);
    assert.equal(dailyOutbreakState(rules, '2020-02-10', at('2020-02-10T09:59:00+08:00'), NOW), 'on_time');
    assert.equal(dailyOutbreakState(rules, '2020-02-10', at('2020-02-10T10:01:00+08:00'), NOW), 'late');
    assert.equal(dailyOutbreakState(rules, '2020-02-10', null, at('2020-02-10T09:30:00+08:00')), 'due_soon');
    assert.equal(dailyOutbreakState(rules, '2020-02-10', null, at('2020-02-10T10:30:00+08:00')), 'missing');
  });

  it('INFO-006: the text is pre-filled from the platform figures', () => {
    const text = dailyOutbreakText('武进区', '2020-02-10', {
      newConfirmed: 2,
      newAsymptomatic: 1,
      newSuspected: 0,
      cumulativeConfirmed: 7,
      underManagement: 35,
      releasedToday: 4,
      sampledToday: 120,
    });
    assert.equal(text.title, '武进区2月10日疫情防控信息');
    assert.match(text.body, /新增确诊病例2例/);
    assert.match(text.body, /累计报告确诊病例7例/);
    assert.match(text.body, /在管重点人员35人/);
  });
});

describe('media interviews (INFO-002, SC-68)', () => {
  const request: InterviewRequest = { status: 'pending', requestedBy: 'grid', jurisdictionLevel: 'village', approvals: [], reason: null };

  it('INFO-002 SC-68: pending until the township headquarters approves; never the requester, never the community', () => {
    assert.equal(
      problemOf(decideInterview(request, { approve: true, approval: approval('grid', 'county') }, rules))?.code,
      'drafterCannotApprove',
    );
    assert.equal(
      problemOf(decideInterview(request, { approve: true, approval: approval('secretary', 'village') }, rules))?.code,
      'approverLevelTooLow',
    );
    assert.equal(value(decideInterview(request, { approve: true, approval: approval('town', 'town') }, rules)).status, 'approved');
  });

  it('INFO-002: a refusal needs a reason; a decided request is not decided again', () => {
    assert.equal(problemOf(decideInterview(request, { approve: false, approval: approval('town', 'town') }, rules))?.field, 'note');
    const refused = value(decideInterview(request, { approve: false, approval: { ...approval('town', 'town'), note: '不宜接受' } }, rules));
    assert.equal(refused.status, 'rejected');
    assert.equal(
      problemOf(decideInterview(refused, { approve: true, approval: approval('town2', 'town') }, rules))?.code,
      'interviewDecided',
    );
  });
});

describe('public opinion (INFO-004)', () => {
  const rumour: OpinionItem = {
    kind: 'rumour',
    status: 'open',
    loggedAt: at('2020-02-10T08:00:00+08:00'),
    respondedAt: null,
    closedAt: null,
  };

  it('INFO-004: a rumour is refuted within the configured hours, with the clause', () => {
    const clock = opinionClock(rules, rumour, at('2020-02-10T09:59:00+08:00'));
    assert.equal(clock.respondBy.toISOString(), '2020-02-10T02:00:00.000Z');
    assert.equal(clock.responseOverdue, false);
    const late = opinionClock(rules, rumour, at('2020-02-10T10:01:00+08:00'));
    assert.equal(late.responseOverdue, true);
    assert.equal(late.because[0]?.rule, 'opinionResponseLate');
    assert.equal(late.because[0]?.configured, true);
    assert.ok(opinionClock(rules, { ...rumour, kind: 'complaint' }, at('2020-02-10T10:01:00+08:00')).responseOverdue === false);
  });

  it('INFO-004: closed only after a response, with an outcome', () => {
    assert.equal(problemOf(closeOpinion(rumour, 'clarified', NOW))?.code, 'opinionNotResponded');
    assert.equal(problemOf(respondToOpinion(rumour, ' ', NOW))?.field, 'response');
    const responded = value(respondToOpinion(rumour, '经核实，该消息不实。', NOW));
    const closed = value(closeOpinion(responded, 'clarified', at('2020-02-10T12:00:00+08:00')));
    assert.equal(closed.status, 'closed');
    assert.equal(opinionClock(rules, closed, at('2020-02-12T12:00:00+08:00')).closeOverdue, false);
    assert.equal(problemOf(closeOpinion(closed, 'clarified', NOW))?.code, 'opinionClosed');
  });
});

it('every information problem code has zh-CN and English words', () => {
  for (const [code, words] of Object.entries(INFORMATION_MESSAGES)) {
    assert.ok(words.zh.length > 0 && words.en.length > 0, code);
  }
});

describe('the leading group’s work bulletin (工作动态, DAILY-008, seed 004 Part A §二(一))', () => {
  const bulletin = (over: Partial<Release> = {}) =>
    release({
      kind: 'work_bulletin',
      title: '湖塘镇疫情防控工作动态（第12期）',
      audience: 'internal',
      draftedBy: 'town-coordinator',
      ...over,
    });

  it('DAILY-008: a town’s bulletin is approved by another person of the town (its leading group), then published; the clause says the hour and frequency are not the seed’s', () => {
    const chain = approvalChain(rules, 'work_bulletin', 'town');
    assert.deepEqual(
      chain.map((step) => [step.level, step.basis.source, step.basis.clause, step.basis.configured]),
      [['town', 'seed 004', 'Part A §二(一)', true]],
    );
    const submitted = value(submitRelease(bulletin({ jurisdictionLevel: 'town' })));
    assert.equal(problemOf(approveRelease(submitted, approval('town-coordinator', 'town'), rules))?.code, 'drafterCannotApprove');
    const approved = value(approveRelease(submitted, approval('town-head', 'town'), rules));
    const published = value(publishRelease(approved, NOW));
    assert.equal(published.status, 'published');
    assert.equal(isPublic(published), false, 'an internal bulletin never reaches the public page');
  });

  it('DAILY-008: a community’s bulletin goes up to the town; the district’s is signed within the district', () => {
    assert.deepEqual(
      approvalChain(rules, 'work_bulletin', 'village').map((step) => step.level),
      ['town'],
    );
    assert.deepEqual(
      approvalChain(rules, 'work_bulletin', 'county').map((step) => step.level),
      ['county'],
    );
  });

  it('DAILY-008: a bulletin is not for a day (forDate is the daily information’s) and needs its text', () => {
    assert.equal(releaseDraftProblem({ ...bulletin(), forDate: '2020-02-10' })?.field, 'forDate');
    assert.equal(releaseDraftProblem({ ...bulletin(), body: ' ' })?.field, 'body');
    assert.equal(releaseDraftProblem(bulletin()), null);
  });

  it('an edition stored before the bulletin existed has no chain for it: nothing to approve, never publishable', () => {
    const { work_bulletin: _dropped, ...older } = rules.chains;
    const olderRules = { ...rules, chains: older as typeof rules.chains };
    assert.deepEqual(approvalChain(olderRules, 'work_bulletin', 'town'), []);
    const submitted = value(submitRelease(bulletin({ jurisdictionLevel: 'town' })));
    assert.equal(problemOf(approveRelease(submitted, approval('town-head', 'town'), olderRules))?.code, 'chainComplete');
  });
});
