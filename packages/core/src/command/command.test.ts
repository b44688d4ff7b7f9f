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

/**
 * Each group template against its requirement (REQUIREMENTS §1.2): lead, member units as the seed lists them and one
 * duty the requirement marks. One row per requirement id, so a template that drifts from its seed fails by name.
 */
describe('each working group as its seed gives it (ORG-011…017, ORG-020…031, ORG-040…046)', () => {
  const rows: { id: string; name: string; lead: string; members: string[] | number; duty: RegExp }[] = [
    { id: 'ORG-011', name: '综合协调组', lead: '党政办', members: ['镇纪委', '卫生院', '综治办', '司法所'], duty: /会议|交办/ },
    { id: 'ORG-012', name: '卫生医疗组', lead: '卫生院', members: ['文化站', '中心学校', '派出所'], duty: /封锁/ },
    { id: 'ORG-013', name: '后勤保障组', lead: '财政所', members: ['卫计办', '社保所', '农经站', '市场监管所'], duty: /捐赠|捐助/ },
    { id: 'ORG-014', name: '交通管控组', lead: '交管站', members: ['派出所', '城管执法中队'], duty: /标本/ },
    { id: 'ORG-015', name: '治安管理组', lead: '派出所', members: [], duty: /治安/ },
    { id: 'ORG-016', name: '环境治理组', lead: '环保办', members: ['畜牧站', '农业站', '市场监管所', '卫计办'], duty: /爱国卫生运动/ },
    { id: 'ORG-017', name: '新闻宣传组', lead: '党政办', members: ['卫计办', '文化站'], duty: /谣言/ },
    {
      id: 'ORG-020',
      name: '综合协调组',
      lead: '分管卫健副区长',
      members: ['区政府办公室', '区政府研究室', '区卫健局', '区财政局'],
      duty: /疫情信息收集汇总和发布、报告/,
    },
    {
      id: 'ORG-021',
      name: '交通管控组',
      lead: '分管交通运输副区长',
      members: ['区交通运输局', '区公安局', '区卫健局', '各相关镇'],
      duty: /重点地区来武车辆/,
    },
    { id: 'ORG-022', name: '社会及社区防控组', lead: '分管公安副区长', members: 12, duty: /密切接触者查控/ },
    { id: 'ORG-023', name: '农村防控组', lead: '分管农业农村副区长', members: 10, duty: /居家隔离/ },
    {
      id: 'ORG-024',
      name: '学校防控组',
      lead: '分管教育副区长',
      members: ['区教育局', '区民政局', '区人社局', '区文体广旅局', '区卫健局', '区市场监管局'],
      duty: /校外教育培训/,
    },
    { id: 'ORG-025', name: '企业防控组', lead: '分管工信副区长', members: 16, duty: /复工前制定应对预案/ },
    { id: 'ORG-026', name: '疫情防控和医疗救治组', lead: '分管卫健副区长', members: 6, duty: /医学观察隔离点/ },
    { id: 'ORG-027', name: '医疗物资保障组', lead: '分管发改、工信副区长和分管卫健副区长', members: 9, duty: /调度、生产和供应/ },
    { id: 'ORG-028', name: '生活物资保障组', lead: '分管市场监督管理副区长', members: 6, duty: /实时监测和需求预测/ },
    { id: 'ORG-029', name: '经济运行保障组', lead: '常务副区长', members: 20, duty: /监测研判经济运行/ },
    { id: 'ORG-030', name: '新闻宣传组', lead: '分管副区长', members: ['区委宣传部', '区委网信办', '区卫健局'], duty: /辟谣/ },
    { id: 'ORG-031', name: '督查检查组', lead: '常务副区长', members: 8, duty: /问责/ },
    {
      id: 'ORG-040',
      name: '综合协调组',
      lead: '党政综合办',
      members: ['党政综合办', '党建办', '文化服务中心', '纪工委', '社区卫生服务中心'],
      duty: /上报疫情防控工作信息/,
    },
    { id: 'ORG-041', name: '社会防控组', lead: '综治办', members: 12, duty: /乘客检疫查验/ },
    {
      id: 'ORG-042',
      name: '疫情防控和医疗救治组',
      lead: '社区卫生服务中心',
      members: ['社区卫生服务中心', '各村（社区）卫生站'],
      duty: /网络直报/,
    },
    {
      id: 'ORG-043',
      name: '综合保障工作组',
      lead: '财管所',
      members: ['党政综合办', '市场监督所', '社区卫生服务中心', '财管所'],
      duty: /库存/,
    },
    { id: 'ORG-044', name: '舆情宣传组', lead: '宣传办', members: ['党政综合办', '宣传办', '社区卫生服务中心'], duty: /网上新闻发布/ },
    { id: 'ORG-045', name: '综治维稳组', lead: '综治办', members: ['综治办', '信访办', '派出所'], duty: /哄抬物价、囤积居奇/ },
    { id: 'ORG-046', name: '综合督查组', lead: '纪工委', members: ['纪工委', '党建办'], duty: /互联网\+督查/ },
  ];
  for (const row of rows) {
    it(`${row.id}: ${row.name} led by ${row.lead}`, () => {
      const template = WORKING_GROUP_TEMPLATES.filter((t) => t.requirement === row.id);
      assert.equal(template.length, 1, `one template for ${row.id}`);
      const [group] = template;
      assert.equal(group?.nameZh, row.name);
      assert.ok(group?.leadOfficial === row.lead || group?.leadUnits.includes(row.lead), `${row.id} lead ${row.lead}`);
      if (typeof row.members === 'number') assert.equal(group?.memberUnits.length, row.members);
      else assert.deepEqual(group?.memberUnits, row.members);
      assert.ok(
        group?.duties.some((duty) => row.duty.test(duty)),
        `${row.id} duty ${row.duty}`,
      );
    });
  }
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
