import { clause } from './clause.ts';
import type { DistrictGroupKey } from './response-rule-types.ts';
import type { ExpertGroupTemplate, WorkingGroupTemplateSet } from './working-group-templates.ts';
import { type GroupText, groupTemplate } from './working-group-text.ts';

/** The twelve groups of the district headquarters, seed 002 §六(一) (ORG-020 … ORG-031), in the seed's order. */
const S002 = 'seed 002';

/** The district groups handle their own key: the plan's measures are written for them. */
type DistrictGroupText = Omit<GroupText, 'handles'> & { key: DistrictGroupKey };

const GROUPS: DistrictGroupText[] = [
  {
    key: 'comprehensive_coordination',
    where: '§六(一)1',
    name: { zh: '综合协调组', en: 'Comprehensive Coordination Group' },
    lead: { zh: '分管卫健副区长', en: 'Deputy district head for health' },
    memberUnits: ['区政府办公室', '区政府研究室', '区卫健局', '财政局'],
    duties: {
      zh: '服务保障区领导指挥全区疫情防控工作；负责疫情信息收集汇总和发布、报告，统筹调配疫情应急处置所需各类资源，督促指导协调各地、各工作组疫情防控工作。',
      en: 'Serve the district leaders in command; collect, summarize, release and report epidemic information; allocate resources; supervise localities and working groups.',
    },
  },
  {
    key: 'traffic_control',
    where: '§六(一)2',
    name: { zh: '交通管控组', en: 'Traffic Control Group' },
    lead: { zh: '分管交通运输副区长', en: 'Deputy district head for transport' },
    memberUnits: ['区交通运输局', '公安局', '卫健局', '各相关镇'],
    duties: {
      zh: '加强交通运输环节管控，督促指导对客车、公交、地铁、巡游车、网约车、出租车等交通工具落实防控措施，对重点地区来武车辆实施管控及检验检测，指导做好汽车客运站、收费站、服务区等重点场所通风消毒和人员体检检测工作。',
      en: 'Prevention on coaches, buses, metro and taxis; control and inspection of vehicles from key areas; ventilation, disinfection and checks at stations, toll gates and service areas.',
    },
  },
  {
    key: 'social_community',
    where: '§六(一)3',
    name: { zh: '社会及社区防控组', en: 'Social and Community Prevention Group' },
    lead: { zh: '分管公安副区长', en: 'Deputy district head for public security' },
    memberUnits: [
      '区公安局',
      '教育局',
      '民政局',
      '住建局',
      '城管局',
      '文体广旅局',
      '退役军人事务管理局',
      '机关后勤服务中心',
      '民宗局',
      '网格办',
      '团区委',
      '妇联',
    ],
    duties: {
      zh: '开展社会面整体防控和重点防控；实施网格化管理，压实社区防控责任；做好信息监测预警、涉稳问题处置、打击违法犯罪、应对突发事件，协助各地开展可疑病例查控、密切接触者查控、隔离等工作，维护社会大局稳定。',
      en: 'Society-wide and targeted control; grid management; monitoring and early warning, stability, crime and emergencies; help localities find suspicious cases and close contacts and isolate them.',
    },
  },
  {
    key: 'rural',
    where: '§六(一)4',
    name: { zh: '农村防控组', en: 'Rural Prevention Group' },
    lead: { zh: '分管农业农村副区长', en: 'Deputy district head for agriculture and rural affairs' },
    memberUnits: ['区农业农村局', '公安局', '人社局', '住建局', '交通运输局', '商务局', '文体广旅局', '卫健局', '网格办', '各相关镇'],
    duties: {
      zh: '负责农村地区疫情防控工作；健全乡镇、村居防控体系和农村疫情监测体系；指导做好农村地区人员排查、交通管控、医疗救治、居家隔离等综合防控措施；指导开展爱国卫生运动，强化健康宣教。',
      en: 'Rural prevention reaching every village; a rural monitoring system; screening, traffic control, treatment and home isolation in rural areas; the Patriotic Health Campaign and health education.',
    },
  },
  {
    key: 'school',
    where: '§六(一)5',
    name: { zh: '学校防控组', en: 'School Prevention Group' },
    lead: { zh: '分管教育副区长', en: 'Deputy district head for education' },
    memberUnits: ['区教育局', '民政局', '人社局', '文体广旅局', '卫健局', '市场监管局'],
    duties: {
      zh: '负责全区各级各类学校（含幼儿园、中等职业学校和校外教育培训机构）疫情防控工作；及时全面准确收集各校疫情信息，提出有针对性的应对措施；指导处置校园疫情。',
      en: 'Prevention in all schools, kindergartens, vocational schools and off-campus training; collect every school’s epidemic information; propose measures; guide the handling of campus outbreaks.',
    },
  },
  {
    key: 'enterprise',
    where: '§六(一)6',
    name: { zh: '企业防控组', en: 'Enterprise Prevention Group' },
    lead: { zh: '分管工信副区长', en: 'Deputy district head for industry and IT' },
    memberUnits: [
      '区工信局',
      '发改局',
      '科技局',
      '公安局',
      '人社局',
      '商务局',
      '财政局',
      '金融监管局',
      '住建局',
      '交通运输局',
      '卫健局',
      '市场监管局',
      '应急管理局',
      '总工会',
      '工商联',
      '人行',
    ],
    duties: {
      zh: '督促企业复工前制定应对预案，实施检疫查验和健康防护，复工后严格落实各项防控措施；组织协调疫情防控物资生产企业复产达产。',
      en: 'Enterprises draw up a response plan before resuming work; quarantine checks and health protection; measures after resumption; restart makers of prevention supplies.',
    },
  },
  {
    key: 'epidemic_control_medical',
    where: '§六(一)7',
    name: { zh: '疫情防控和医疗救治组', en: 'Epidemic Control and Medical Treatment Group' },
    lead: { zh: '分管卫健副区长', en: 'Deputy district head for health' },
    memberUnits: ['区卫健局', '公安局', '医保局', '科技局', '疾控中心', '各医疗机构'],
    duties: {
      zh: '组织制定和修订预案和预防控制技术方案，组织疫情监测、评估、预防与控制，联系专家组，汇总上报疫情防控信息；指挥医疗救治，统筹调配医疗资源，规范救治培训，汇总上报疫情诊疗信息；负责医学观察隔离点的设置和管理。',
      en: 'Plans and technical plans; surveillance, assessment, prevention and control; liaison with the expert groups; prevention and treatment information; command treatment, allocate medical resources, training; set up and run quarantine sites.',
    },
  },
  {
    key: 'medical_supplies',
    where: '§六(一)8',
    name: { zh: '医疗物资保障组', en: 'Medical Supplies Group' },
    lead: { zh: '发改、工信副区长和分管卫健副区长', en: 'Deputy district heads for development, industry and health' },
    memberUnits: ['区发改局', '工信局', '财政局', '商务局', '卫健局', '农业农村局', '市场监管局', '应急管理局', '红十字会'],
    duties: {
      zh: '负责疫情防控工作物资保障，组织做好医疗救护设备、救治药品、医疗器械等物资的调度、生产和供应工作。',
      en: 'Supplies for prevention: dispatch, production and supply of medical equipment, drugs and devices.',
    },
  },
  {
    key: 'living_supplies',
    where: '§六(一)（生活物资保障组）',
    name: { zh: '生活物资保障组', en: 'Living Supplies Group' },
    lead: { zh: '市场监督管理副区长', en: 'Deputy district head for market supervision' },
    memberUnits: ['区发改局', '工信局', '市场监管局', '农业农村局', '交通局', '卫健局'],
    duties: {
      zh: '督促超市卖场、农批市场、集贸市场、食品生产和物流企业做好生活必需品供应保障；监测预测粮油肉禽蛋奶菜果供需；做好超市、商场、农贸市场、餐饮等场所的疫情防控；监管价格、交易和食品安全；保障生活物资运输畅通。',
      en: 'Necessities at supermarkets, markets and food firms; monitoring and forecasting of food supply; prevention at supermarkets, malls, markets and catering; prices and food safety; supply transport.',
    },
  },
  {
    key: 'economic_operation',
    where: '§六(一)（经济运行保障组）',
    name: { zh: '经济运行保障组', en: 'Economic Operation Group' },
    lead: { zh: '常务副区长', en: 'Executive deputy district head' },
    memberUnits: [
      '区科技局',
      '工信局',
      '司法局',
      '财政局（国资办）',
      '人社局',
      '交通局',
      '农业农村局',
      '商务局',
      '文体广电和旅游局',
      '应急管理局',
      '行政审批局',
      '市场监管局',
      '统计局',
      '金融监管局',
      '武进海关办事处',
      '自然资源和规划局',
      '税务局',
      '人民银行武进支行',
      '住房公积金管理中心',
      '总工会',
    ],
    duties: {
      zh: '统筹协调经济运行保障，落实企业扶持政策，做好金融、财税、用工、安全生产、外资外贸、资源要素、项目服务、法律服务等方面的保障和服务，监测研判经济运行态势。',
      en: 'Support policies for enterprises; finance, tax, labour, work safety, foreign trade, resources, project and legal services; monitor the economy.',
    },
  },
  {
    key: 'publicity',
    where: '§六(一)11',
    name: { zh: '新闻宣传组', en: 'News and Publicity Group' },
    lead: { zh: '分管副区长', en: 'Deputy district head in charge' },
    memberUnits: ['区委宣传部', '网信办', '区卫健局'],
    duties: {
      zh: '向公众发布指挥部作出的疫情应急防控措施，组织新闻媒体及时报道，正确引导舆论，普及疫情防治知识；加强境内外舆情监测、研判与处置，发布权威信息，及时组织辟谣。',
      en: 'Publish the headquarters’ measures; media reporting; guide opinion; spread prevention knowledge; monitor and handle public opinion; release authoritative information; refute rumours.',
    },
  },
  {
    key: 'supervision',
    where: '§六(一)12',
    name: { zh: '督查检查组', en: 'Supervision and Inspection Group' },
    lead: { zh: '常务副区长', en: 'Executive deputy district head' },
    memberUnits: ['区纪委监委', '区委办', '政府办', '区委组织部', '区公安局', '交通运输局', '农业农村局', '卫健局'],
    duties: {
      zh: '负责对各地区、各部门疫情防控履职尽责情况的督查检查，总结好典型好做法，对工作不力、失职失责的实施问责。',
      en: 'Inspect how areas and departments do their duties; share good practice; hold accountable those who work poorly or neglect duty.',
    },
  },
];

export const DISTRICT_GROUPS: WorkingGroupTemplateSet = {
  id: 'district_seed_002',
  zh: '区指挥部十二个专项工作组（武进区应急预案）',
  en: 'District headquarters: twelve working groups (Wujin emergency plan)',
  groups: GROUPS.map((text) => groupTemplate(S002)({ ...text, handles: [text.key] })),
  basis: clause(S002, '§六(一)', 'The district headquarters sets up twelve working groups; member units change with the situation'),
};

/** The three expert groups under the district leading group, seed 002 §六(二) (ORG-050). */
export const DISTRICT_EXPERT_GROUPS: ExpertGroupTemplate[] = [
  {
    key: 'decision_consultation',
    zh: '决策咨询专家组',
    en: 'Decision-consultation expert group',
    established: false,
    duties: {
      zh: '开展疫情研判、分析和评估，提出防控策略和工作建议；技术指导和跟踪评价；提出科研需求；对疫情应急响应的终止、后期评估等提出咨询意见。',
      en: 'Assess the epidemic; propose strategy; technical guidance and follow-up evaluation; research needs; advise on ending the response and on post-event evaluation.',
    },
    basis: clause(S002, '§六(二)1', 'Decision-consultation expert group, recorded as not yet set up (目前未成立)'),
  },
  {
    key: 'epidemic_control',
    zh: '疫情防控专家组',
    en: 'Epidemic-control expert group',
    established: true,
    duties: {
      zh: '参与制定、修订疫情防控应急预案、实施方案和预防控制技术方案；参与疫情的处置工作和业务指导。',
      en: 'Draft and revise the emergency plan and technical plans; take part in handling and professional guidance.',
    },
    basis: clause(S002, '§六(二)2', 'Epidemic-control expert group'),
  },
  {
    key: 'medical_treatment',
    zh: '医疗救治专家组',
    en: 'Medical-treatment expert group',
    established: true,
    duties: {
      zh: '参与制定或修订诊疗方案；组织、参与医疗救治的会诊、巡诊和业务指导，必要时参与疫情的处置工作。',
      en: 'Diagnosis and treatment plans; consultations, ward rounds and guidance; take part in handling when needed.',
    },
    basis: clause(S002, '§六(二)3', 'Medical-treatment expert group of tertiary-hospital experts'),
  },
];
