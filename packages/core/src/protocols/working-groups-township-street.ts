import { clause } from './clause.ts';
import type { WorkingGroupTemplateSet } from './working-group-templates.ts';
import { type GroupText, groupTemplate } from './working-group-text.ts';

/**
 * The seven groups of the township headquarters (seed 001 §二(二), ORG-011 … ORG-017) and the seven
 * groups of the street leading group (seed 004 Part A §二, ORG-040 … ORG-046): a different set each
 * (VARIANT V20). `handles` maps the district plan's groups onto them so the level measures, which seed
 * 002 writes for district groups, reach these headquarters too; the mapping is ours [analysis].
 */
const TOWNSHIP: GroupText[] = [
  {
    key: 'comprehensive_coordination',
    where: '§二(二)1',
    name: { zh: '综合协调组', en: 'Comprehensive Coordination Group' },
    lead: { zh: '党政办', en: 'Party and government office' },
    memberUnits: ['镇纪委', '卫生院', '综治办', '司法所'],
    duties: {
      zh: '会议组织、综合材料起草；疫情防控应急预案起草，疫情信息统一上报；疑似病例留置、确诊病例隔离等执法监督和法律服务；对各村（居）、各部门落实情况进行暗访。',
      en: 'Meetings and materials; the emergency plan and one channel for epidemic information; legal services for detention and isolation; unannounced inspections.',
    },
    handles: ['comprehensive_coordination', 'supervision', 'enterprise'],
  },
  {
    key: 'health_medical',
    where: '§二(二)2',
    name: { zh: '卫生医疗组', en: 'Health and Medical Group' },
    lead: { zh: '镇卫生院', en: 'Township health centre' },
    memberUnits: ['文化站', '镇中心校', '派出所'],
    duties: {
      zh: '制定疫情防控技术方案，实施各项预防控制措施，依法提出隔离、封锁有关地区的建议；学校防控；协助登记观察和强制隔离；组建突发公共卫生事件咨询组。',
      en: 'The technical plan and prevention measures; propose isolation and blockade of areas; school prevention; registration, observation and compulsory isolation; the public-health emergency consultation group.',
    },
    handles: ['epidemic_control_medical', 'school'],
  },
  {
    key: 'logistics',
    where: '§二(二)3',
    name: { zh: '后勤保障组', en: 'Logistics Support Group' },
    lead: { zh: '财政所', en: 'Finance office' },
    memberUnits: ['卫计办', '社保所', '农经站', '市场监管所'],
    duties: {
      zh: '药品、医疗器械质量安全监管；防控物资储备；应急处置经费和防控人员补助；工伤保险待遇；社会捐助、医疗救助和临时救助、善后工作。',
      en: 'Drug and device safety; supply reserves; funds and staff allowances; work-injury insurance; donations, medical and temporary aid, aftermath.',
    },
    handles: ['medical_supplies', 'living_supplies', 'economic_operation'],
  },
  {
    key: 'traffic_control',
    where: '§二(二)4',
    name: { zh: '交通管控组', en: 'Traffic Control Group' },
    lead: { zh: '镇交管站', en: 'Township traffic station' },
    memberUnits: ['派出所', '城管执法中队'],
    duties: {
      zh: '对乘坐公路交通工具的人员进行检疫、检验；保障应急人员、药品、器械和标本运送；疫区交通管理；将发现的病人、疑似病人和密切接触者移交医疗卫生机构。',
      en: 'Quarantine checks of road passengers; transport of staff, drugs, devices and specimens; traffic in the epidemic area; hand over patients and contacts found.',
    },
    handles: ['traffic_control'],
  },
  {
    key: 'public_security',
    where: '§二(二)5',
    name: { zh: '治安管理组', en: 'Public Security Group' },
    lead: { zh: '派出所', en: 'Police station' },
    memberUnits: [],
    duties: {
      zh: '密切关注与疫情防控有关的社会治安动态，依法查处打击违法犯罪活动，维护社会稳定。',
      en: 'Watch public order related to the epidemic, act against crime, keep stability.',
    },
    handles: ['social_community'],
  },
  {
    key: 'environment',
    where: '§二(二)6',
    name: { zh: '环境治理组', en: 'Environment Group' },
    lead: { zh: '镇环保办', en: 'Township environment office' },
    memberUnits: ['镇畜牧站', '镇农业站', '镇市场监管所', '镇卫计办'],
    duties: {
      zh: '爱国卫生运动；家禽相关疫情防控；活禽交易市场管理；野生动物交易管控和监测；环境整治。',
      en: 'Patriotic Health Campaign; poultry-related control; live-poultry markets; wild-animal trading control and monitoring; environmental clean-up.',
    },
    handles: ['rural'],
  },
  {
    key: 'publicity',
    where: '§二(二)7',
    name: { zh: '新闻宣传组', en: 'News and Publicity Group' },
    lead: { zh: '党政办', en: 'Party and government office' },
    memberUnits: ['镇卫计办', '镇文化站'],
    duties: {
      zh: '疫情防控信息发布和宣传报道；网上舆论引导和舆情监测，及时处置谣言类不实信息；会同发布疫情信息。',
      en: 'Information release and reporting; online opinion and monitoring; handle rumours; release epidemic information.',
    },
    handles: ['publicity'],
  },
];

const STREET: GroupText[] = [
  {
    key: 'comprehensive_coordination',
    where: 'Part A §二(一)',
    name: { zh: '综合协调组', en: 'Comprehensive Coordination Group' },
    lead: { zh: '党工委委员', en: 'Member of the party working committee' },
    memberUnits: ['党政综合办', '党建办', '文化服务中心', '纪工委', '社区卫生服务中心'],
    duties: {
      zh: '领导小组日常事务；起草审核重要文稿；组织工作会议；收集、整理、上报疫情防控工作信息；编写工作动态；发布疫情与防控工作动态。',
      en: 'Day-to-day business; important documents; meetings; collect, compile and report prevention information; the work bulletin; release updates.',
    },
    handles: ['comprehensive_coordination'],
  },
  {
    key: 'social_control',
    where: 'Part A §二(二)',
    name: { zh: '社会防控组', en: 'Social Control Group' },
    lead: { zh: '党工委副书记、政法委书记', en: 'Deputy party secretary and political-legal secretary' },
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
    duties: {
      zh: '农贸市场监管和家畜家禽疫病监测；各类学校预防处置；应急人员补助和工伤保险；医疗废物处理；交通运输保障，必要时客运车辆乘客检疫查验，交通场站清洁消毒通风；导游游客风险提示；查处野生动物违法行为。',
      en: 'Farmers’ markets and animal disease; schools; staff allowances and work-injury insurance; medical waste; transport and passenger checks; stations; tourists; wildlife enforcement.',
    },
    handles: ['social_community', 'traffic_control', 'school', 'rural', 'enterprise'],
  },
  {
    key: 'epidemic_control_medical',
    where: 'Part A §二(三)',
    name: { zh: '疫情防控和医疗救治组', en: 'Epidemic Control and Medical Treatment Group' },
    lead: { zh: '社区卫生服务中心主任', en: 'Director of the community health service centre' },
    memberUnits: ['社区卫生服务中心', '各村（社区）卫生站'],
    duties: {
      zh: '执行预案和技术方案并督导检查；指导监测、网络直报、流行病学调查、标本采集和检测、疫情处置；交通工具卫生检疫；选派医护人员；指导医疗救治和医疗保障。',
      en: 'Carry out plans and inspect; guide surveillance, direct reporting, investigation, specimen collection and testing, handling; vehicle quarantine; send medical staff; treatment and medical security.',
    },
    handles: ['epidemic_control_medical'],
  },
  {
    key: 'comprehensive_support',
    where: 'Part A §二(四)',
    name: { zh: '综合保障工作组', en: 'Comprehensive Support Group' },
    lead: { zh: '街道办副主任', en: 'Deputy director of the street office' },
    memberUnits: ['党政综合办', '市场监督所', '社区卫生服务中心', '财管所'],
    duties: {
      zh: '统筹防控应急物资保障，掌握物资需求、生产、流通、库存，协调供需、储备、运输和采购资金；监测生活必需品和卫生清洁用品市场，稳定物价，查处违规经营。',
      en: 'Emergency supplies: demand, production, circulation, stock, reserves, transport and funds; necessities and cleaning products; prices; illegal operators.',
    },
    handles: ['medical_supplies', 'living_supplies', 'economic_operation'],
  },
  {
    key: 'opinion_publicity',
    where: 'Part A §二(五)',
    name: { zh: '舆情宣传组', en: 'Public Opinion and Publicity Group' },
    lead: { zh: '党工委委员', en: 'Member of the party working committee' },
    memberUnits: ['党政综合办', '宣传办', '社区卫生服务中心'],
    duties: {
      zh: '组织新闻媒体报道，引导舆论；跟踪舆情，及时澄清事实；加强网上新闻发布的管理；宣传防病知识；收集报送舆情监测信息。',
      en: 'Media reporting and opinion; clarify facts; online news releases; prevention knowledge; public-opinion monitoring reports.',
    },
    handles: ['publicity'],
  },
  {
    key: 'stability',
    where: 'Part A §二(六)',
    name: { zh: '综治维稳组', en: 'Stability Maintenance Group' },
    lead: { zh: '党工委副书记、政法委书记', en: 'Deputy party secretary and political-legal secretary' },
    memberUnits: ['综治办', '信访办', '派出所'],
    duties: {
      zh: '加强公共安全管理，排查整治交通、食品、药品安全隐患；协调涉及社会稳定的重大问题；处理造谣传谣、哄抬物价、囤积居奇、造假售假等违法犯罪。',
      en: 'Public safety; traffic, food and drug hazards; stability issues; rumours, price gouging, hoarding and counterfeiting.',
    },
    handles: [],
  },
  {
    key: 'supervision',
    where: 'Part A §二(七)',
    name: { zh: '综合督查组', en: 'Comprehensive Supervision Group' },
    lead: { zh: '纪工委书记', en: 'Discipline secretary' },
    memberUnits: ['纪工委', '党建办'],
    duties: {
      zh: '督查各级决策部署的落实；国务院互联网+督查线索转办核查；对责任落实不到位、推诿扯皮的单位和个人依法依规处理。',
      en: 'Check that decisions are carried out; verify leads from the State Council Internet + Supervision platform; deal with units and people who shirk.',
    },
    handles: ['supervision'],
  },
];

const MAPPING_NOTE = 'Which district groups’ measures each group takes on is our reading of the duties [analysis]';

export const TOWNSHIP_GROUPS: WorkingGroupTemplateSet = {
  id: 'township_seed_001',
  zh: '镇指挥部七个工作组（乡镇方案）',
  en: 'Township headquarters: seven working groups (township plan)',
  groups: TOWNSHIP.map(groupTemplate('seed 001')),
  basis: clause('seed 001', '§二', `The township headquarters has an office and seven working groups. ${MAPPING_NOTE}`, true),
};

export const STREET_GROUPS: WorkingGroupTemplateSet = {
  id: 'street_seed_004',
  zh: '街道领导小组七个工作组（街道方案）',
  en: 'Street leading group: seven working groups (street plan)',
  groups: STREET.map(groupTemplate('seed 004')),
  basis: clause('seed 004', 'Part A §二', `The street leading group has seven working groups. ${MAPPING_NOTE}`, true),
};
