import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMUNITY_SEED_001 as RULES } from '../protocols/community-seed-001.ts';
import { communityReportHandling, communityReportProblem, communityReportTransitionAllowed } from './community-reports.ts';

const outsider = { kind: 'unregistered_outsider' as const, description: '3 号楼来了外地人，未登记', whereabouts: '3 号楼 2 单元' };
const refusal = {
  kind: 'refused_measure' as const,
  description: '拒绝测温',
  whereabouts: '小区东门',
  refusedMeasure: 'temperature_check' as const,
  subjectName: '张三',
};

describe('community reports: an unregistered outsider and a refusal (seed 001 §三(二)2–3)', () => {
  it('SC-38 KP-I02: a reported outsider is tracked by the town/street within the configured 24 hours, not referred to the police', () => {
    const handling = communityReportHandling(RULES, 'unregistered_outsider');
    assert.deepEqual([handling.trackingHours, handling.referToPolice], [24, false]);
    assert.deepEqual(
      handling.because.map((r) => [r.rule, r.clause]),
      [
        ['communityReport.outsider', '§三(二)2'],
        ['communityReport.tracking', '§三(二)2'],
      ],
    );
    assert.equal(handling.because[1]?.configured, true);
  });
  it('SC-39 KP-I03 KP-Q01 COMM-034: a refusal goes to the police with both clauses and no tracking task', () => {
    const handling = communityReportHandling(RULES, 'refused_measure');
    assert.deepEqual([handling.trackingHours, handling.referToPolice], [null, true]);
    assert.deepEqual(
      handling.because.map((r) => r.clause),
      ['§三(二)3', '§三(八)'],
    );
  });
  it('SC-38: an outsider report ends found or not found, once; never referred', () => {
    assert.ok(communityReportTransitionAllowed('unregistered_outsider', 'open', 'found'));
    assert.ok(communityReportTransitionAllowed('unregistered_outsider', 'open', 'not_found'));
    assert.ok(!communityReportTransitionAllowed('unregistered_outsider', 'open', 'referred'));
    assert.ok(!communityReportTransitionAllowed('unregistered_outsider', 'found', 'not_found'));
  });
  it('SC-39: a refusal ends referred, once; it is never "found"', () => {
    assert.ok(communityReportTransitionAllowed('refused_measure', 'open', 'referred'));
    assert.ok(!communityReportTransitionAllowed('refused_measure', 'open', 'found'));
    assert.ok(!communityReportTransitionAllowed('refused_measure', 'referred', 'referred'));
  });
  it('bad input: what happened and where are required; a refusal names the measure and the person', () => {
    assert.equal(communityReportProblem(outsider), null);
    assert.equal(communityReportProblem(refusal), null);
    assert.equal(communityReportProblem({ ...outsider, description: '  ' })?.field, 'description');
    assert.equal(communityReportProblem({ ...outsider, whereabouts: '' })?.field, 'whereabouts');
    assert.equal(communityReportProblem({ ...refusal, refusedMeasure: undefined })?.field, 'refusedMeasure');
    assert.equal(communityReportProblem({ ...refusal, subjectName: ' ' })?.field, 'subjectName');
    assert.equal(communityReportProblem({ ...outsider, refusedMeasure: 'temperature_check' })?.field, 'refusedMeasure');
  });
});
