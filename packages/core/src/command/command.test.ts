import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingState, onOneLine, taskState } from './command-rules.ts';
import {
  COMMAND_EXPERT_GROUP_TEMPLATES,
  expertTemplatesOf,
  findGroupTemplate,
  groupTemplatesOf,
  WORKING_GROUP_TEMPLATES,
} from './group-templates.ts';

const at = (iso: string) => new Date(iso);

describe('working-group templates (ORG-010, ORG-020…046)', () => {
  it('seed 002 has twelve district groups, seeds 001 and 004 Part A seven each (§0.5 "12 / 7 / 7")', () => {
    assert.equal(groupTemplatesOf('seed-002-district').length, 12);
    assert.equal(groupTemplatesOf('seed-001-township').length, 7);
    assert.equal(groupTemplatesOf('seed-004a-street').length, 7);
  });

  it('names the district groups in the order of seed 002 §六(一) (ORG-010)', () => {
    assert.deepEqual(
      groupTemplatesOf('seed-002-district').map((t) => t.nameZh),
      [
        '综合协调组',
        '交通管控组',
        '社会及社区防控组',
        '农村防控组',
        '学校防控组',
        '企业防控组',
        '疫情防控和医疗救治组',
        '医疗物资保障组',
        '生活物资保障组',
        '经济运行保障组',
        '新闻宣传组',
        '督查检查组',
      ],
    );
  });

  it('keys are unique, and every group has an English name, a lead unit, duties and a clause', () => {
    const keys = WORKING_GROUP_TEMPLATES.map((t) => t.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const t of WORKING_GROUP_TEMPLATES) {
      assert.ok(t.nameEn.length > 0 && t.leadUnits.length > 0 && t.duties.length > 0, t.key);
      assert.match(t.clause, /^seed 00[124]/, t.key);
      assert.match(t.requirement, /^ORG-0\d\d$/, t.key);
    }
  });

  it('every group carries the residual duty of tasks assigned by leaders (ORG-010)', () => {
    for (const t of WORKING_GROUP_TEMPLATES) assert.ok(t.duties.includes('承担领导交办的其他工作'), t.key);
  });

  it('ORG-022: the social and community group has the twelve member units of the seed', () => {
    assert.equal(findGroupTemplate('district.social_community')?.memberUnits.length, 12);
  });

  it('ORG-050: the decision-consultation expert group is recorded as not established, and the reviewers above are outside bodies', () => {
    const district = expertTemplatesOf('seed-002-district');
    assert.equal(district.find((t) => t.kind === 'decision_advisory')?.established, false);
    assert.deepEqual(
      district.filter((t) => t.kind === 'outside_reviewer').map((t) => t.level),
      ['city', 'province', 'national'],
    );
    assert.equal(new Set(COMMAND_EXPERT_GROUP_TEMPLATES.map((t) => t.key)).size, COMMAND_EXPERT_GROUP_TEMPLATES.length);
  });
});

describe('task state (ORG-060, SUP-008)', () => {
  const due = at('2020-03-02T18:00:00+08:00');
  it('is open before its deadline and overdue after it while open', () => {
    assert.deepEqual(taskState({ status: 'open', dueAt: due, closedAt: null }, at('2020-03-02T17:00:00+08:00')), {
      state: 'open',
      late: false,
    });
    assert.deepEqual(taskState({ status: 'open', dueAt: due, closedAt: null }, at('2020-03-02T19:00:00+08:00')), {
      state: 'overdue',
      late: true,
    });
  });

  it('LVL-014 LVL-017: a measure task the level no longer requires is cancelled, never overdue', () => {
    assert.deepEqual(taskState({ status: 'cancelled', dueAt: due, closedAt: due }, at('2020-03-09T00:00:00+08:00')), {
      state: 'cancelled',
      late: false,
    });
  });

  it('is done once closed, late when closed after the deadline', () => {
    const closed = { status: 'closed', dueAt: due };
    assert.deepEqual(taskState({ ...closed, closedAt: at('2020-03-02T12:00:00+08:00') }, at('2020-03-05T00:00:00+08:00')), {
      state: 'done',
      late: false,
    });
    assert.equal(taskState({ ...closed, closedAt: at('2020-03-03T12:00:00+08:00') }, at('2020-03-05T00:00:00+08:00')).late, true);
  });

  it('never goes overdue without a deadline', () => {
    assert.equal(taskState({ status: 'open', dueAt: null, closedAt: null }, at('2030-01-01T00:00:00Z')).state, 'open');
  });
});

describe('finding state (SUP-008, SUP-009: issue → rectification → re-check → closure)', () => {
  const now = at('2020-03-03T10:00:00+08:00');
  const task = (status: string, dueAt: string) => ({ status, dueAt: at(dueAt), closedAt: status === 'closed' ? now : null });
  it('follows the rectification task until a re-check passes', () => {
    assert.equal(findingState({ passedAt: null }, task('open', '2020-03-04T00:00:00+08:00'), now), 'rectifying');
    assert.equal(findingState({ passedAt: null }, task('open', '2020-03-02T00:00:00+08:00'), now), 'overdue');
    assert.equal(findingState({ passedAt: null }, task('closed', '2020-03-04T00:00:00+08:00'), now), 'awaiting_recheck');
    assert.equal(findingState({ passedAt: now }, task('closed', '2020-03-04T00:00:00+08:00'), now), 'passed');
  });
});

describe('one line of the jurisdiction tree', () => {
  it('holds for an ancestor and a descendant, not for siblings', () => {
    assert.ok(onOneLine('/32/3204/320412/', '/32/3204/320412/320412100/'));
    assert.ok(onOneLine('/32/3204/320412/320412100/', '/32/3204/320412/'));
    assert.ok(!onOneLine('/32/3204/320412/320412100/', '/32/3204/320412/320412102/'));
  });
});
