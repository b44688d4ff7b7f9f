import type { DistrictGroupKey } from '../protocols/response-rule-types.ts';

/**
 * Working-group and expert-group templates of the seeds (REQUIREMENTS §1.2, §1.3; ORG-010…046, ORG-050):
 * a headquarters is set up from one template set and then edited (member units "are adjusted in time
 * according to the epidemic situation", seed 002 §六(一)). Titles, never names or phones: the seeds' people
 * stay in the seeds. Every group also carries the residual duty "承担领导交办的其他工作" (ORG-010), which
 * the platform meets with ad-hoc tasks to the group.
 */

export const GROUP_TEMPLATE_SETS = ['seed-002-district', 'seed-001-township', 'seed-004a-street'] as const;
export type GroupTemplateSet = (typeof GROUP_TEMPLATE_SETS)[number];

export interface CommandGroupTemplate {
  /** Stable key, e.g. `district.epidemic_medical`: what a group made from the template remembers. */
  key: string;
  set: GroupTemplateSet;
  order: number;
  nameZh: string;
  nameEn: string;
  /** 牵头领导: the official who leads (seed 002) or null where the seed names a lead unit only. */
  leadOfficial: string | null;
  /** 组长 / 常务副组长 / 副组长 as titles. */
  leaders: string[];
  deputyLeaders: string[];
  /** 牵头单位 (seed 001) or the group leaders' departments (seed 002, seed 004 Part A). */
  leadUnits: string[];
  /** 成员单位 / 参加单位. */
  memberUnits: string[];
  duties: string[];
  clause: string;
  requirement: string;
  /**
   * The district groups (seed 002 §六(一)) whose work this group takes on, so a level's measures, which seed
   * 002 writes for district groups, reach a headquarters of any template set (LVL-018). A district group
   * handles its own key; the township and street mapping is our reading of their duties [analysis].
   */
  handles: DistrictGroupKey[];
}

/** Which district groups' measures each template group takes on (see `handles`). */
const HANDLES: Readonly<Record<string, readonly DistrictGroupKey[]>> = {
  'district.comprehensive_coordination': ['comprehensive_coordination'],
  'district.traffic_control': ['traffic_control'],
  'district.social_community': ['social_community'],
  'district.rural': ['rural'],
  'district.school': ['school'],
  'district.enterprise': ['enterprise'],
  'district.epidemic_medical': ['epidemic_control_medical'],
  'district.medical_supplies': ['medical_supplies'],
  'district.living_supplies': ['living_supplies'],
  'district.economic_operation': ['economic_operation'],
  'district.news_publicity': ['publicity'],
  'district.supervision_inspection': ['supervision'],
  'township.comprehensive_coordination': ['comprehensive_coordination', 'supervision', 'enterprise'],
  'township.health_medical': ['epidemic_control_medical', 'school'],
  'township.logistics': ['medical_supplies', 'living_supplies', 'economic_operation'],
  'township.traffic_control': ['traffic_control'],
  'township.public_security': ['social_community'],
  'township.environment': ['rural'],
  'township.news_publicity': ['publicity'],
  'street.comprehensive_coordination': ['comprehensive_coordination'],
  'street.social_control': ['social_community', 'traffic_control', 'school', 'rural', 'enterprise'],
  'street.epidemic_medical': ['epidemic_control_medical'],
  'street.comprehensive_support': ['medical_supplies', 'living_supplies', 'economic_operation'],
  'street.public_opinion': ['publicity'],
  'street.stability': [],
  'street.supervision': ['supervision'],
};

const OTHER_WORK = '承担领导交办的其他工作';

type Draft = Omit<CommandGroupTemplate, 'set' | 'order' | 'leaders' | 'deputyLeaders' | 'handles'> &
  Partial<Pick<CommandGroupTemplate, 'leaders' | 'deputyLeaders'>>;

function inSet(set: GroupTemplateSet, drafts: Draft[]): CommandGroupTemplate[] {
  return drafts.map((draft, i) => ({
    leaders: [],
    deputyLeaders: [],
    ...draft,
    set,
    order: i + 1,
    handles: [...(HANDLES[draft.key] ?? [])],
    duties: draft.duties.includes(OTHER_WORK) ? draft.duties : [...draft.duties, OTHER_WORK],
  }));
}

/** Seed 002 §六(一): the twelve groups of the 武进区 district headquarters (groups 9 and 10 are unnumbered in the seed). */
const DISTRICT: Draft[] = [
  {
    key: 'district.comprehensive_coordination',
    nameZh: '综合协调组',
    nameEn: 'Comprehensive Coordination Group',
    leadOfficial: '分管卫健副区长',
    leaders: ['区政府办主任', '区卫健局局长'],
    deputyLeaders: ['区政府研究室副主任'],
    leadUnits: ['区政府办公室', '区卫健局'],
    memberUnits: ['区政府办公室', '区政府研究室', '区卫健局', '区财政局'],
    duties: [
      '服务保障区领导指挥全区疫情防控工作',
      '负责疫情信息收集汇总和发布、报告',
      '统筹调配疫情应急处置所需各类资源',
      '督促指导协调各地、各工作组疫情防控工作',
    ],
    clause: 'seed 002 §六(一)1',
    requirement: 'ORG-020',
  },
  {
    key: 'district.traffic_control',
    nameZh: '交通管控组',
    nameEn: 'Traffic Control Group',
    leadOfficial: '分管交通运输副区长',
    leaders: ['区政府办副主任', '区交通运输局局长'],
    leadUnits: ['区交通运输局'],
    memberUnits: ['区交通运输局', '区公安局', '区卫健局', '各相关镇'],
    duties: [
      '督促指导对客车、公交、地铁、巡游车、网约车、出租车等交通工具落实防控措施',
      '对重点地区来武车辆实施管控及检验检测',
      '指导做好汽车客运站、收费站、服务区等重点场所通风消毒和人员体检检测工作',
    ],
    clause: 'seed 002 §六(一)2',
    requirement: 'ORG-021',
  },
  {
    key: 'district.social_community',
    nameZh: '社会及社区防控组',
    nameEn: 'Social and Community Prevention Group',
    leadOfficial: '分管公安副区长',
    leaders: ['区政府办副主任', '区公安局副局长'],
    leadUnits: ['区公安局'],
    memberUnits: [
      '区公安局',
      '区教育局',
      '区民政局',
      '区住建局',
      '区城管局',
      '区文体广旅局',
      '区退役军人事务管理局',
      '区机关后勤服务中心',
      '区民宗局',
      '区网格办',
      '团区委',
      '区妇联',
    ],
    duties: [
      '开展社会面整体防控和重点防控',
      '实施网格化管理，压实社区防控责任',
      '做好信息监测预警、涉稳问题处置、打击违法犯罪、应对突发事件',
      '协助各地开展可疑病例查控、密切接触者查控、隔离等工作',
      '防止发生涉及疫情的重大不稳定事端、治安问题、舆情事件和政治敏感性问题',
    ],
    clause: 'seed 002 §六(一)3',
    requirement: 'ORG-022',
  },
  {
    key: 'district.rural',
    nameZh: '农村防控组',
    nameEn: 'Rural Prevention Group',
    leadOfficial: '分管农业农村副区长',
    leaders: ['区政府办副主任', '区农业农村局局长'],
    leadUnits: ['区农业农村局'],
    memberUnits: [
      '区农业农村局',
      '区公安局',
      '区人社局',
      '区住建局',
      '区交通运输局',
      '区商务局',
      '区文体广旅局',
      '区卫健局',
      '区网格办',
      '各相关镇',
    ],
    duties: [
      '负责各地农村地区疫情防控工作，指导督促各地区落实属地责任',
      '健全乡镇、村居防控体系和农村疫情监测体系，建立横向到边、纵向到底的防范网络',
      '指导做好农村地区人员排查、交通管控、医疗救治、居家隔离等综合防控措施',
      '指导农村地区开展爱国卫生运动，强化健康宣教',
    ],
    clause: 'seed 002 §六(一)4',
    requirement: 'ORG-023',
  },
  {
    key: 'district.school',
    nameZh: '学校防控组',
    nameEn: 'School Prevention Group',
    leadOfficial: '分管教育副区长',
    leaders: ['区政府办副主任', '区教育局局长', '科教城教育发展处处长'],
    leadUnits: ['区教育局'],
    memberUnits: ['区教育局', '区民政局', '区人社局', '区文体广旅局', '区卫健局', '区市场监管局'],
    duties: [
      '督促指导幼儿园、普通中小学校、中等职业学校（含技工学校）以及校外教育培训机构落实疫情防控责任',
      '及时全面准确收集各地各校疫情信息，提出有针对性的应对措施',
      '指导处置校园疫情',
    ],
    clause: 'seed 002 §六(一)5',
    requirement: 'ORG-024',
  },
  {
    key: 'district.enterprise',
    nameZh: '企业防控组',
    nameEn: 'Enterprise Prevention Group',
    leadOfficial: '分管工信副区长',
    leaders: ['区外事办副主任', '区工信局局长', '科教城科技创新处处长'],
    leadUnits: ['区工信局'],
    memberUnits: [
      '区工信局',
      '区发改局',
      '区科技局',
      '区公安局',
      '区人社局',
      '区商务局',
      '区财政局',
      '区金融监管局',
      '区住建局',
      '区交通运输局',
      '区卫健局',
      '区市场监管局',
      '区应急管理局',
      '区总工会',
      '区工商联',
      '人民银行武进支行',
    ],
    duties: [
      '督促企业复工前制定应对预案，实施检疫查验和健康防护',
      '复工后严格落实各项防控措施，做好职工健康防护工作',
      '组织协调疫情防控物资生产企业复产达产，协调解决原材料、用工、水电气、物流等困难',
    ],
    clause: 'seed 002 §六(一)6',
    requirement: 'ORG-025',
  },
  {
    key: 'district.epidemic_medical',
    nameZh: '疫情防控和医疗救治组',
    nameEn: 'Epidemic Control and Medical Treatment Group',
    leadOfficial: '分管卫健副区长',
    leaders: ['区政府办副主任', '区卫健局分管疾控副局长', '区卫健局分管医政副局长'],
    leadUnits: ['区卫健局'],
    memberUnits: ['区卫健局', '区公安局', '区医保局', '区科技局', '区疾控中心', '各医疗机构'],
    duties: [
      '组织制定和修订疫情相关预案和预防控制技术方案',
      '组织开展疫情监测、评估、预防与控制，提出防控策略和措施建议',
      '联系专家组开展预防控制和医疗救治',
      '汇总上报疫情防控信息和诊疗信息',
      '指挥医疗救治工作，统筹调配医疗资源，规范救治培训',
      '负责医学观察隔离点的设置和管理工作',
    ],
    clause: 'seed 002 §六(一)7',
    requirement: 'ORG-026',
  },
  {
    key: 'district.medical_supplies',
    nameZh: '医疗物资保障组',
    nameEn: 'Medical Supplies Group',
    leadOfficial: '分管发改、工信副区长和分管卫健副区长',
    leaders: ['区外事办副主任', '区工信局局长', '区商务局局长', '区市场监管局局长', '区财政局副局长', '区卫健局副局长'],
    leadUnits: ['区发改局', '区工信局', '区卫健局'],
    memberUnits: ['区发改局', '区工信局', '区财政局', '区商务局', '区卫健局', '区农业农村局', '区市场监管局', '区应急管理局', '区红十字会'],
    duties: ['负责疫情防控工作物资保障', '组织做好医疗救护设备、救治药品、医疗器械等物资的调度、生产和供应工作'],
    clause: 'seed 002 §六(一)8',
    requirement: 'ORG-027',
  },
  {
    key: 'district.living_supplies',
    nameZh: '生活物资保障组',
    nameEn: 'Living Supplies Group',
    leadOfficial: '分管市场监督管理副区长',
    leaders: ['区政府办副主任', '区商务局局长'],
    leadUnits: ['区商务局'],
    memberUnits: ['区发改局', '区工信局', '区市场监管局', '区农业农村局', '区交通运输局', '区卫健局'],
    duties: [
      '督促超市卖场、农批市场、集贸市场、食品生产和物流企业做好生活必需品供应保障',
      '加强粮油、肉类、禽蛋、牛奶、蔬菜、水果等食品供应的实时监测和需求预测',
      '做好超市、商场、城市商业综合体、农贸市场、餐饮等场所的疫情防控',
      '做好市场价格、市场交易、食品安全、质量安全等方面的监测和监管，保障生活物资运输畅通',
    ],
    clause: 'seed 002 §六(一) 生活物资保障组',
    requirement: 'ORG-028',
  },
  {
    key: 'district.economic_operation',
    nameZh: '经济运行保障组',
    nameEn: 'Economic Operation Group',
    leadOfficial: '常务副区长',
    leaders: ['区政府研究室主任', '区发改局局长'],
    leadUnits: ['区政府研究室', '区发改局'],
    memberUnits: [
      '区科技局',
      '区工信局',
      '区司法局',
      '区财政局',
      '区人社局',
      '区交通运输局',
      '区农业农村局',
      '区商务局',
      '区文体广旅局',
      '区应急管理局',
      '区行政审批局',
      '区市场监管局',
      '区统计局',
      '区金融监管局',
      '武进海关办事处',
      '区自然资源和规划局',
      '区税务局',
      '人民银行武进支行',
      '住房公积金管理中心',
      '区总工会',
    ],
    duties: [
      '统筹协调经济运行保障相关工作，贯彻落实上级企业扶持政策',
      '做好金融运行、财税政策、劳动用工、安全生产、外资外贸、资源要素、项目服务、法律服务等保障和服务',
      '监测研判经济运行态势',
    ],
    clause: 'seed 002 §六(一) 经济运行保障组',
    requirement: 'ORG-029',
  },
  {
    key: 'district.news_publicity',
    nameZh: '新闻宣传组',
    nameEn: 'News and Publicity Group',
    leadOfficial: '分管副区长',
    leaders: ['区政府办副主任', '区委宣传部副部长', '区新闻办主任', '区委网信办主任'],
    leadUnits: ['区委宣传部'],
    memberUnits: ['区委宣传部', '区委网信办', '区卫健局'],
    duties: [
      '向公众发布指挥部作出的疫情应急防控措施',
      '组织新闻媒体及时报道疫情防控工作相关信息，正确引导舆论',
      '加强境内外舆情监测、研判与处置，发布权威信息，及时组织辟谣',
    ],
    clause: 'seed 002 §六(一)11',
    requirement: 'ORG-030',
  },
  {
    key: 'district.supervision_inspection',
    nameZh: '督查检查组',
    nameEn: 'Supervision and Inspection Group',
    leadOfficial: '常务副区长',
    leaders: ['区政府研究室主任', '区纪委副书记', '区委组织部副部长'],
    leadUnits: ['区政府研究室', '区纪委监委', '区委组织部'],
    memberUnits: ['区纪委监委', '区委办', '区政府办公室', '区委组织部', '区公安局', '区交通运输局', '区农业农村局', '区卫健局'],
    duties: ['对各地区、各部门疫情防控履职尽责情况进行督查检查', '总结典型好做法', '对工作不力、失职失责的实施问责'],
    clause: 'seed 002 §六(一)12',
    requirement: 'ORG-031',
  },
];

/** Seed 001 §二(二): the township headquarters' seven groups (its office sits at the health centre). */
const TOWNSHIP: Draft[] = [
  {
    key: 'township.comprehensive_coordination',
    nameZh: '综合协调组',
    nameEn: 'Comprehensive Coordination Group',
    leadOfficial: null,
    leadUnits: ['党政办'],
    memberUnits: ['镇纪委', '卫生院', '综治办', '司法所'],
    duties: [
      '党政办：会议组织、综合材料起草及指挥部交办的相关工作；突发疫情防控事务',
      '卫生院：疫情防控应急预案、工作方案起草申报；疫情信息统一上报；协调联防联控成员单位信息报送',
      '司法所：活禽交易、野生动物管控及疑似病例留置、确诊病例隔离等行政执法监督和法律服务',
      '镇纪委：对各村（居）、各部门落实部署情况进行暗访，做好领导批示件督办',
    ],
    clause: 'seed 001 §二(二)1',
    requirement: 'ORG-011',
  },
  {
    key: 'township.health_medical',
    nameZh: '卫生医疗组',
    nameEn: 'Health and Medical Group',
    leadOfficial: null,
    leadUnits: ['卫生院'],
    memberUnits: ['文化站', '中心学校', '派出所'],
    duties: [
      '卫生院：制定疫情防控技术方案，实施各项预防控制措施，依法提出隔离、封锁有关地区的建议',
      '中心学校：配合实施学校疫情防控措施，加强师生宣传教育和自我防护',
      '文化站：指导文化娱乐场所做好疫情防控；必要时协助卫生院做好人员宣传、登记、观察',
      '派出所：协助卫生健康部门依法做好强制隔离等应急处置',
      '组建突发公共卫生事件咨询组，对事件级别和重要措施提出建议',
    ],
    clause: 'seed 001 §二(二)2',
    requirement: 'ORG-012',
  },
  {
    key: 'township.logistics',
    nameZh: '后勤保障组',
    nameEn: 'Logistics Support Group',
    leadOfficial: null,
    leadUnits: ['财政所'],
    // 民政所 has duties but is not listed as a member (seed 001 §二(二)3).
    memberUnits: ['卫计办', '社保所', '农经站', '市场监管所'],
    duties: [
      '市场监管所：疫情防控药品、医疗器械质量安全的监督管理',
      '卫生院：配合做好防控物资储备',
      '财政所：安排应急处置、药品、物资储备、防控人员补助等经费，监督经费和捐赠资金使用',
      '社保所：落实应急处置工作人员的工伤保险待遇',
      '民政所：社会捐助及款物管理发放；困难患者医疗救助和临时救助；协调死亡人员火化和善后',
    ],
    clause: 'seed 001 §二(二)3',
    requirement: 'ORG-013',
  },
  {
    key: 'township.traffic_control',
    nameZh: '交通管控组',
    nameEn: 'Traffic Control Group',
    leadOfficial: null,
    leadUnits: ['交管站'],
    memberUnits: ['派出所', '城管执法中队'],
    duties: [
      '交管站：公路交通工具乘员检疫检验；应急人员、药品器械和标本运送；疫区交通管理',
      '派出所：道路交通管理，人群密集场所劝阻疏散',
      '城管执法中队：乘车人员检疫检验，将发现的传染病人、疑似病人及密切接触者移交指定医疗机构',
    ],
    clause: 'seed 001 §二(二)4',
    requirement: 'ORG-014',
  },
  {
    key: 'township.public_security',
    nameZh: '治安管理组',
    nameEn: 'Public Security Group',
    leadOfficial: null,
    leadUnits: ['派出所'],
    memberUnits: [],
    duties: ['密切关注与疫情防控有关的社会治安动态，依法查处打击违法犯罪活动，维护社会稳定'],
    clause: 'seed 001 §二(二)5',
    requirement: 'ORG-015',
  },
  {
    key: 'township.environment',
    nameZh: '环境治理组',
    nameEn: 'Environment Group',
    leadOfficial: null,
    leadUnits: ['环保办'],
    memberUnits: ['畜牧站', '农业站', '市场监管所', '卫计办'],
    duties: [
      '卫计办：组织开展爱国卫生运动',
      '畜牧站：与家禽有关的疫情防控、检测、流行病调查和应急处置',
      '市场监管所：活禽交易市场管理，必要时关停活禽交易市场',
      '畜牧站、农业站会同市场监管所：野生动物交易管控、监测和样品采集',
      '环保办：组织环境整治，维护环境安全',
    ],
    clause: 'seed 001 §二(二)6',
    requirement: 'ORG-016',
  },
  {
    key: 'township.news_publicity',
    nameZh: '新闻宣传组',
    nameEn: 'News and Publicity Group',
    leadOfficial: null,
    leadUnits: ['党政办'],
    memberUnits: ['卫计办', '文化站'],
    duties: ['党政办：疫情防控信息发布和宣传报道，网上舆情监测，及时处置谣言类不实信息', '卫计办：会同党政办及时发布疫情信息'],
    clause: 'seed 001 §二(二)7',
    requirement: 'ORG-017',
  },
];

/** Seed 004 Part A §二: the street leading group's seven groups (liaisons and their phones are roster entries, not template data). */
const STREET: Draft[] = [
  {
    key: 'street.comprehensive_coordination',
    nameZh: '综合协调组',
    nameEn: 'Comprehensive Coordination Group',
    leadOfficial: null,
    leaders: ['党工委委员'],
    deputyLeaders: ['党政综合办主任', '纪工委副书记', '党建办主任', '文化服务中心主任', '社区卫生服务中心主任'],
    leadUnits: ['党政综合办'],
    memberUnits: ['党政综合办', '党建办', '文化服务中心', '纪工委', '社区卫生服务中心'],
    duties: [
      '综合协调领导小组内部日常事务，起草审核重要文稿，组织领导小组工作会议',
      '收集、整理、上报疫情防控工作信息',
      '编写领导小组工作动态，发布疫情与防控工作动态',
    ],
    clause: 'seed 004 Part A §二(一)',
    requirement: 'ORG-040',
  },
  {
    key: 'street.social_control',
    nameZh: '社会防控组',
    nameEn: 'Social Control Group',
    leadOfficial: null,
    leaders: ['党工委副书记、政法书记'],
    deputyLeaders: ['综治办专职副主任', '派出所所长', '信访办主任'],
    leadUnits: ['综治办'],
    memberUnits: [
      '党政综合办',
      '环保办',
      '自然资源所',
      '文教办',
      '派出所',
      '人社所',
      '交通办',
      '农业办',
      '文化服务中心',
      '市场监督所',
      '市场物业站',
      '环卫公司',
    ],
    duties: [
      '农贸市场监管，加强家畜家禽疫病监测',
      '督促各类学校落实预防处置工作',
      '落实应急处置人员临时性补助和工伤保险待遇',
      '医疗废物处理和污染监测',
      '交通运输保障，必要时开展客运车辆乘客检疫查验，督促交通场站清洁消毒通风',
      '依法查处违法经营、运输野生动物行为',
    ],
    clause: 'seed 004 Part A §二(二)',
    requirement: 'ORG-041',
  },
  {
    key: 'street.epidemic_medical',
    nameZh: '疫情防控和医疗救治组',
    nameEn: 'Epidemic Control and Medical Treatment Group',
    leadOfficial: null,
    leaders: ['社区卫生服务中心主任'],
    deputyLeaders: ['社区卫生服务中心副主任'],
    leadUnits: ['社区卫生服务中心'],
    memberUnits: ['社区卫生服务中心', '各村（社区）卫生站'],
    duties: [
      '贯彻执行国家、省疫情预案及技术方案并督导检查落实情况',
      '对疫情监测、网络直报、流行病学调查、标本采集和检测、疫情处置提供指导',
      '做好交通工具卫生检疫，选派医护人员赴重点区域',
      '指导村（社区）做好医疗救治和医疗保障，保障诊断试剂、药品',
    ],
    clause: 'seed 004 Part A §二(三)',
    requirement: 'ORG-042',
  },
  {
    key: 'street.comprehensive_support',
    nameZh: '综合保障工作组',
    nameEn: 'Comprehensive Support Group',
    leadOfficial: null,
    leaders: ['街道办副主任'],
    deputyLeaders: ['党工委委员'],
    leadUnits: ['财管所'],
    memberUnits: ['党政综合办', '市场监督所', '社区卫生服务中心', '财管所'],
    duties: [
      '统筹防控应急物资保障，掌握物资需求、生产、流通、库存情况',
      '协调物资供需、储备、运输，安排采购、储备专项资金',
      '监测生活必需品和卫生清洁用品市场动态，稳定物价，查处违规经营',
    ],
    clause: 'seed 004 Part A §二(四)',
    requirement: 'ORG-043',
  },
  {
    key: 'street.public_opinion',
    nameZh: '舆情宣传组',
    nameEn: 'Public Opinion and Publicity Group',
    leadOfficial: null,
    leaders: ['党工委委员'],
    deputyLeaders: ['党政综合办主任', '文化服务中心主任', '社区卫生服务中心副主任'],
    leadUnits: ['宣传办'],
    memberUnits: ['党政综合办', '宣传办', '社区卫生服务中心'],
    duties: [
      '组织新闻媒体及时报道疫情变化和防控工作进展，正确引导舆论',
      '跟踪舆情，及时澄清事实，加强网上新闻发布的管理和引导',
      '宣传防病知识，收集、整理和报送舆情监测信息',
    ],
    clause: 'seed 004 Part A §二(五)',
    requirement: 'ORG-044',
  },
  {
    key: 'street.stability',
    nameZh: '综治维稳组',
    nameEn: 'Stability Maintenance Group',
    leadOfficial: null,
    leaders: ['党工委副书记、政法书记'],
    deputyLeaders: ['综治办专职副主任', '派出所所长', '信访办主任'],
    leadUnits: ['综治办'],
    memberUnits: ['综治办', '信访办', '派出所'],
    duties: [
      '加强公共安全管理，排查整治交通、食品、药品等安全隐患',
      '协调涉及社会稳定的重大问题',
      '及时处理造谣传谣、哄抬物价、囤积居奇、造假售假等违法犯罪行为',
    ],
    clause: 'seed 004 Part A §二(六)',
    requirement: 'ORG-045',
  },
  {
    key: 'street.supervision',
    nameZh: '综合督查组',
    nameEn: 'Comprehensive Supervision Group',
    leadOfficial: null,
    leaders: ['党工委委员、纪工委书记'],
    deputyLeaders: ['纪工委副书记', '党建办主任'],
    leadUnits: ['纪工委'],
    memberUnits: ['纪工委', '党建办'],
    duties: [
      '督查街道各级、各部门贯彻落实上级和街道疫情防控决策部署情况',
      '做好国务院互联网+督查问题线索转办核查',
      '对责任落实不到位、防控不力、推诿扯皮、敷衍塞责的单位和个人依法依规处理',
    ],
    clause: 'seed 004 Part A §二(七)',
    requirement: 'ORG-046',
  },
];

export const WORKING_GROUP_TEMPLATES: readonly CommandGroupTemplate[] = [
  ...inSet('seed-002-district', DISTRICT),
  ...inSet('seed-001-township', TOWNSHIP),
  ...inSet('seed-004a-street', STREET),
];

export function groupTemplatesOf(set: GroupTemplateSet): CommandGroupTemplate[] {
  return WORKING_GROUP_TEMPLATES.filter((t) => t.set === set);
}

/** The group of a template set that carries out work the district plan gives to `districtGroup`. */
export function groupHandling(groups: readonly CommandGroupTemplate[], districtGroup: DistrictGroupKey): CommandGroupTemplate | undefined {
  return groups.find((group) => group.handles.includes(districtGroup));
}

export function findGroupTemplate(key: string): CommandGroupTemplate | undefined {
  return WORKING_GROUP_TEMPLATES.find((t) => t.key === key);
}

/** The template set a headquarters of this jurisdiction level starts from: the district plan, else the township plan. */
export function defaultTemplateSet(level: string): GroupTemplateSet | null {
  if (level === 'county') return 'seed-002-district';
  if (level === 'town') return 'seed-001-township';
  return null;
}

export const EXPERT_GROUP_KINDS = [
  'decision_advisory',
  'epidemic_control',
  'medical_treatment',
  'consultation',
  /** A higher level's expert group that reviews the district's findings (city, province, national): an outside body. */
  'outside_reviewer',
] as const;
export type ExpertGroupKind = (typeof EXPERT_GROUP_KINDS)[number];

export const EXPERT_GROUP_LEVELS = ['district', 'town', 'city', 'province', 'national'] as const;
export type ExpertGroupLevel = (typeof EXPERT_GROUP_LEVELS)[number];

export interface CommandExpertGroupTemplate {
  key: string;
  set: GroupTemplateSet;
  kind: ExpertGroupKind;
  level: ExpertGroupLevel;
  nameZh: string;
  nameEn: string;
  /** "not yet established (目前未成立)" is recorded as a status (ORG-050). */
  established: boolean;
  recommendedBy: string | null;
  duties: string[];
  clause: string;
  requirement: string;
}

/** Seed 002 §六(二) and §四: three district expert groups, and the city/province/national groups that review (复核认定) the district's findings. */
export const COMMAND_EXPERT_GROUP_TEMPLATES: readonly CommandExpertGroupTemplate[] = [
  {
    key: 'district.decision_advisory',
    set: 'seed-002-district',
    kind: 'decision_advisory',
    level: 'district',
    nameZh: '决策咨询专家组',
    nameEn: 'Decision-Consultation Expert Group',
    established: false,
    recommendedBy: '区卫健局',
    duties: [
      '开展疫情研判、分析和评估，提出防控策略和工作建议',
      '开展疫情防控应急工作技术指导和跟踪评价',
      '提出疫情防控应急的科研需求及优先领域',
      '对疫情应急响应的终止、后期评估等提出咨询意见',
    ],
    clause: 'seed 002 §六(二)1',
    requirement: 'ORG-050',
  },
  {
    key: 'district.epidemic_control_experts',
    set: 'seed-002-district',
    kind: 'epidemic_control',
    level: 'district',
    nameZh: '疫情防控专家组',
    nameEn: 'Epidemic-Control Expert Group',
    established: true,
    recommendedBy: '区卫健局',
    duties: ['参与制定、修订疫情防控应急预案、实施方案和技术方案', '参与疫情的处置工作和业务指导'],
    clause: 'seed 002 §六(二)2',
    requirement: 'ORG-050',
  },
  {
    key: 'district.medical_treatment_experts',
    set: 'seed-002-district',
    kind: 'medical_treatment',
    level: 'district',
    nameZh: '医疗救治专家组',
    nameEn: 'Medical-Treatment Expert Group',
    established: true,
    recommendedBy: '区卫健局（三级医院专家）',
    duties: ['参与制定或修订诊疗方案', '组织、参与医疗救治的会诊、巡诊和业务指导，必要时参与疫情处置'],
    clause: 'seed 002 §六(二)3',
    requirement: 'ORG-050',
  },
  ...(['city', 'province', 'national'] as const).map(
    (level): CommandExpertGroupTemplate => ({
      key: `outside.${level}_reviewers`,
      set: 'seed-002-district',
      kind: 'outside_reviewer',
      level,
      nameZh: { city: '市级专家组', province: '省级专家组', national: '国家专家组' }[level],
      nameEn: { city: 'City expert group', province: 'Provincial expert group', national: 'National expert group' }[level],
      established: true,
      recommendedBy: null,
      duties: ['对区级疫情防控救治专家组认定的情形进行复核认定'],
      clause: 'seed 002 §四',
      requirement: 'ORG-050',
    }),
  ),
  {
    key: 'township.consultation',
    set: 'seed-001-township',
    kind: 'consultation',
    level: 'town',
    nameZh: '突发公共卫生事件咨询组',
    nameEn: 'Public-Health-Emergency Consultation Group',
    established: true,
    recommendedBy: '卫生院',
    duties: ['对确定突发公共卫生事件的级别以及采取相应的重要措施提出建议', '参与制定、修订应急预案和技术方案', '对应急处置进行技术指导'],
    clause: 'seed 001 §二(二)2(5)',
    requirement: 'ORG-012',
  },
];

export function expertTemplatesOf(set: GroupTemplateSet): CommandExpertGroupTemplate[] {
  return COMMAND_EXPERT_GROUP_TEMPLATES.filter((t) => t.set === set);
}

/**
 * Unit names the seeds spell more than one way (ORG-060 data-quality note, SC-70): the canonical name
 * a template uses and the other spellings an org unit answers to.
 */
export const UNIT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  区交通运输局: ['区交通局', '交通局', '交通运输局'],
  区文体广旅局: ['区文体广电和旅游局', '文体广电和旅游局', '文体广旅局'],
  区市场监管局: ['市场监管局', '市市场监管局', '市场监督局', '市场监督管理局'],
  区卫健局: ['卫健局', '卫生规划局', '卫计局', '区卫生健康局'],
  区公安局: ['公安局', '公安分局'],
  区财政局: ['财政局', '财政局(国资办)'],
  区委网信办: ['网信办'],
};

export function aliasesOfUnit(name: string): readonly string[] {
  return UNIT_ALIASES[name] ?? [];
}
