import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupTemplatesOf } from '../command/group-templates.ts';
import { CN_2022_9TH } from '../protocols/cn-2022-9th.ts';
import { DISTRICT_GROUP_KEYS, RESPONSE_LEVELS, type ResponseLevel } from '../protocols/response-rule-types.ts';
import { SEED_2020 } from '../protocols/seed-2020.ts';
import { assignChecklist, checklistChange, measuresForLevel } from './measures.ts';
import { responseRules } from './response-rules.ts';

const ids = (level: ResponseLevel) => measuresForLevel(level, SEED_2020).map((item) => item.id);
const own = (level: ResponseLevel) => responseRules(SEED_2020).levels.find((rule) => rule.level === level)?.measures ?? [];

describe('measures per level as protocol data (seed 002 §九, LVL-IV-01 … LVL-I-07)', () => {
  it('the four levels, lowest first, with 11 / 8 / 5 / 7 measures of their own (REQUIREMENTS §0.5)', () => {
    assert.deepEqual(
      responseRules(SEED_2020).levels.map((rule) => rule.level),
      [...RESPONSE_LEVELS],
    );
    assert.deepEqual(
      RESPONSE_LEVELS.map((level) => own(level).length),
      [11, 8, 5, 7],
    );
  });

  it('ids run LVL-IV-01 … LVL-IV-11, LVL-III-01 … and each cites its own item of §九', () => {
    assert.deepEqual(
      own('IV')
        .map((m) => m.id)
        .slice(0, 2),
      ['LVL-IV-01', 'LVL-IV-02'],
    );
    assert.equal(own('IV').at(-1)?.id, 'LVL-IV-11');
    assert.equal(own('I').at(-1)?.id, 'LVL-I-07');
    const iii7 = own('III')[6];
    assert.equal(iii7?.id, 'LVL-III-07');
    assert.deepEqual([iii7?.basis.source, iii7?.basis.clause], ['seed 002', '§九(二)7']);
    assert.equal(own('I')[0]?.basis.clause, '§九(四)1');
  });

  it('every measure has zh and en text and a district working group as its owner (ORG-020 … ORG-031)', () => {
    for (const item of measuresForLevel('I', SEED_2020)) {
      assert.ok(item.zh.length > 5 && item.en.length > 5, item.id);
      assert.ok(DISTRICT_GROUP_KEYS.includes(item.group), item.id);
      for (const key of item.supporting) assert.ok(DISTRICT_GROUP_KEYS.includes(key) && key !== item.group, item.id);
    }
  });

  it('the measures are assigned to the groups whose duties name them: checkpoints to traffic, health education to publicity', () => {
    const byId = new Map(measuresForLevel('I', SEED_2020).map((item) => [item.id, item]));
    assert.equal(byId.get('LVL-III-07')?.group, 'traffic_control');
    assert.equal(byId.get('LVL-IV-10')?.group, 'publicity');
    assert.equal(byId.get('LVL-IV-04')?.group, 'epidemic_control_medical');
    assert.deepEqual(byId.get('LVL-IV-05')?.supporting, ['social_community']);
  });
});

/** Each measure: a phrase of its seed item (seed 002 §九) and the district group whose duties name the work. */
const SEED_ITEMS: [string, string, string][] = [
  ['LVL-IV-01', '强化联防联控工作机制', 'comprehensive_coordination'],
  ['LVL-IV-02', '预检分诊', 'epidemic_control_medical'],
  ['LVL-IV-03', '疑似病例转诊市级定点收治医院', 'epidemic_control_medical'],
  ['LVL-IV-04', '流行病学调查', 'epidemic_control_medical'],
  ['LVL-IV-05', '集中隔离医学观察', 'epidemic_control_medical'],
  ['LVL-IV-06', '最小防控单元', 'epidemic_control_medical'],
  ['LVL-IV-07', '终末消毒', 'social_community'],
  ['LVL-IV-08', '主动搜索', 'epidemic_control_medical'],
  ['LVL-IV-09', '公安部门提供的大数据信息', 'social_community'],
  ['LVL-IV-10', '健康教育', 'publicity'],
  ['LVL-IV-11', '防控技术培训', 'epidemic_control_medical'],
  ['LVL-III-01', '向市级提出申请', 'epidemic_control_medical'],
  ['LVL-III-02', '传播模式、传播速度', 'epidemic_control_medical'],
  ['LVL-III-03', '自然村为最小单元', 'epidemic_control_medical'],
  ['LVL-III-04', '停工、停业、停课', 'comprehensive_coordination'],
  ['LVL-III-05', '暂停举办会议、会展活动', 'living_supplies'],
  ['LVL-III-06', '重点场所实行封闭管理', 'social_community'],
  ['LVL-III-07', '检疫站', 'traffic_control'],
  ['LVL-III-08', '愿检尽检', 'epidemic_control_medical'],
  ['LVL-II-01', '启用区级定点收治医院', 'epidemic_control_medical'],
  ['LVL-II-02', '入户排查', 'social_community'],
  ['LVL-II-03', '工厂、商业设施或教育机构', 'comprehensive_coordination'],
  ['LVL-II-04', '生活必需场所采取限流措施', 'living_supplies'],
  ['LVL-II-05', '关闭区域内公园、旅游景点', 'social_community'],
  ['LVL-I-01', '生活物资、防护物资运输车辆除外', 'traffic_control'],
  ['LVL-I-02', '床位、人员、实验室检测、急救转运能力', 'epidemic_control_medical'],
  ['LVL-I-03', '方舱医院', 'epidemic_control_medical'],
  ['LVL-I-04', '动态转运机制', 'epidemic_control_medical'],
  ['LVL-I-05', '简化溯源调查', 'epidemic_control_medical'],
  ['LVL-I-06', '心理咨询热线', 'publicity'],
  ['LVL-I-07', '脆弱人群保护计划', 'social_community'],
];

describe('each measure carries its seed item’s words and its owner group', () => {
  const byId = new Map(measuresForLevel('I', SEED_2020).map((item) => [item.id, item]));
  for (const [id, phrase, group] of SEED_ITEMS) {
    it(`${id}: “${phrase}”, carried out by ${group}`, () => {
      assert.ok(byId.get(id)?.zh.includes(phrase), id);
      assert.equal(byId.get(id)?.group, group);
    });
  }
  it('the table covers all 31 measures', () => assert.equal(new Set(SEED_ITEMS.map(([id]) => id)).size, byId.size));
});

describe('measuresForLevel: the cumulative checklist (LVL-018)', () => {
  it('SC-32: level II holds all level IV (11), III (8) and II (5) items = 24', () => {
    const items = measuresForLevel('II', SEED_2020);
    assert.equal(items.length, 24);
    assert.deepEqual(
      RESPONSE_LEVELS.map((level) => items.filter((item) => item.level === level).length),
      [11, 8, 5, 0],
    );
  });

  it('level III includes level IV’s measures first, then its own (19); level IV its 11; level I all 31', () => {
    assert.deepEqual(ids('III'), [...ids('IV'), ...own('III').map((m) => m.id)]);
    assert.deepEqual(
      (['IV', 'III', 'II', 'I'] as const).map((level) => ids(level).length),
      [11, 19, 24, 31],
    );
    assert.equal(new Set(ids('I')).size, 31);
  });

  it('each level above IV cites the clause that keeps the lower level’s work (在做好X级响应工作的基础上)', () => {
    const rules = responseRules(SEED_2020).levels;
    assert.equal(rules[0]?.cumulative, undefined);
    assert.deepEqual(
      rules.slice(1).map((rule) => rule.cumulative?.clause),
      ['§九(二)', '§九(三)', '§九(四)'],
    );
  });

  it('SC-33: level III brings road checkpoint tasks at expressway exits and national/provincial/county roads with temperature checks and a priority lane', () => {
    const checkpoints = measuresForLevel('III', SEED_2020).find((item) => item.id === 'LVL-III-07');
    assert.equal(checkpoints?.group, 'traffic_control');
    const steps = checkpoints?.steps.map((step) => step.zh) ?? [];
    assert.deepEqual(steps, [
      '高速公路出入口设置检疫站',
      '国道、省道、县道设置检疫站',
      '对驾乘人员进行体温检测',
      '应急物资运输车辆优先通行',
    ]);
    assert.equal(
      measuresForLevel('IV', SEED_2020).some((item) => item.id === 'LVL-III-07'),
      false,
    );
  });

  it('SC-72: level I’s checklist holds the vulnerable-group protection plan (LVL-I-07); level II’s does not', () => {
    const plan = measuresForLevel('I', SEED_2020).find((item) => item.id === 'LVL-I-07');
    assert.match(plan?.zh ?? '', /脆弱人群保护计划/);
    assert.equal(plan?.group, 'social_community');
    assert.equal(ids('II').includes('LVL-I-07'), false);
  });

  it('LVL-IV-06 and LVL-III-03 list their minimum control units as steps (the data behind SC-22/SC-23; the control-area default is the zoning rule’s)', () => {
    const units = (id: string) =>
      measuresForLevel('III', SEED_2020)
        .find((item) => item.id === id)
        ?.steps.map((s) => s.en) ?? [];
    assert.deepEqual(units('LVL-IV-06'), [
      'School: the class',
      'Residential building: the unit (stairwell)',
      'Factory: the workshop',
      'Workplace: the office',
      'Rural area: the household',
    ]);
    assert.equal(units('LVL-III-03').at(-1), 'Rural area: the natural village');
  });

  it('the 9th edition keeps the district plan’s levels and measures (the national protocol has no district levels)', () => {
    assert.deepEqual(
      measuresForLevel('I', CN_2022_9TH).map((item) => item.id),
      ids('I'),
    );
  });
});

describe('checklistChange: the tasks a change creates, keeps and ends (LVL-012, LVL-014, LVL-017)', () => {
  it('SC-28: IV → II directly adds level III and II measures (13) and keeps IV’s 11', () => {
    const change = checklistChange('IV', 'II', SEED_2020);
    assert.equal(change.added.length, 13);
    assert.equal(change.kept.length, 11);
    assert.equal(change.removed.length, 0);
    assert.equal(change.added[0]?.id, 'LVL-III-01');
  });

  it('activation of level I (LVL-013) creates all 31 tasks; de-escalation II → IV ends 13; termination ends them all', () => {
    assert.equal(checklistChange(null, 'I', SEED_2020).added.length, 31);
    const lower = checklistChange('II', 'IV', SEED_2020);
    assert.deepEqual([lower.added.length, lower.kept.length, lower.removed.length], [0, 11, 13]);
    const end = checklistChange('III', null, SEED_2020);
    assert.deepEqual([end.added.length, end.kept.length, end.removed.length], [0, 0, 19]);
  });
});

describe('the working-group templates the measures land on (ORG-010, VARIANT V20; one list: core/command/group-templates.ts)', () => {
  const district = groupTemplatesOf('seed-002-district');
  const township = groupTemplatesOf('seed-001-township');
  const street = groupTemplatesOf('seed-004a-street');

  it('the district set holds seed 002’s twelve groups in the seed’s order, each handling one district key in order (ORG-020 … ORG-031)', () => {
    assert.deepEqual(
      district.map((g) => g.handles),
      DISTRICT_GROUP_KEYS.map((key) => [key]),
    );
    assert.deepEqual(district.map((g) => g.nameZh).slice(0, 3), ['综合协调组', '交通管控组', '社会及社区防控组']);
  });

  it('every district group is handled by exactly one group of each set, except the street’s 综治维稳组 which takes none', () => {
    for (const groups of [district, township, street]) {
      for (const key of DISTRICT_GROUP_KEYS) {
        assert.equal(groups.filter((g) => g.handles.includes(key)).length, 1, `${groups[0]?.set} ${key}`);
      }
    }
    assert.deepEqual(street.find((g) => g.key === 'street.stability')?.handles, []);
  });

  it('LVL-018 SC-33: a township headquarters gets level III’s checkpoints on its traffic group and the health education on its publicity group', () => {
    const assigned = assignChecklist(measuresForLevel('III', SEED_2020), township);
    const owner = (id: string) => assigned.find((a) => a.item.id === id)?.group?.key;
    assert.equal(owner('LVL-III-07'), 'township.traffic_control');
    assert.equal(owner('LVL-IV-10'), 'township.news_publicity');
    assert.equal(owner('LVL-IV-02'), 'township.health_medical');
    assert.ok(assigned.every((a) => a.group !== undefined));
    // social_community and the township's public-security group: a supporting group, never the owner twice
    const contacts = assigned.find((a) => a.item.id === 'LVL-IV-05');
    assert.deepEqual(
      contacts?.supporting.map((g) => g.key),
      ['township.public_security'],
    );
  });

  it('LVL-018: the district headquarters gets every level I measure on the group its duties name', () => {
    const assigned = assignChecklist(measuresForLevel('I', SEED_2020), district);
    assert.equal(assigned.length, 31);
    assert.ok(assigned.every((a) => a.group?.handles.includes(a.item.group)));
  });
});

/**
 * ZONE-014 (seed 002 §九): closure escalates with the level — IV closes the control area, III stops work, business
 * and classes there and sets up checkpoints, II closes the region and manages every community, I closes the
 * region to all but supply vehicles. Each step is on its level's checklist and on none below it.
 */
describe('closure escalation by response level (ZONE-014)', () => {
  const closure: [ResponseLevel, string, string][] = [
    ['IV', 'LVL-IV-07', '封闭管理'],
    ['III', 'LVL-III-04', '停工、停业、停课'],
    ['III', 'LVL-III-07', '检疫站'],
    ['II', 'LVL-II-02', '区域封闭管理'],
    ['I', 'LVL-I-01', '生活物资、防护物资运输车辆除外'],
  ];
  for (const [level, id, words] of closure) {
    it(`ZONE-014: ${id} “${words}” from level ${level} up, not below`, () => {
      const from = RESPONSE_LEVELS.indexOf(level);
      for (const [index, each] of RESPONSE_LEVELS.entries()) {
        const item = measuresForLevel(each, SEED_2020).find((measure) => measure.id === id);
        assert.equal(Boolean(item), index >= from, `${id} at level ${each}`);
        if (item) assert.ok(item.zh.includes(words), `${id} says ${words}`);
      }
    });
  }
});
