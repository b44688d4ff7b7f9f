import { clause } from './clause.ts';
import type { DistrictGroupKey, LevelMeasure, ResponseLevel, Wording } from './response-rule-types.ts';

/**
 * The measures of each response level, seed 002 §九 (REQUIREMENTS §2.3, LVL-IV-01 … LVL-I-07): the
 * seed's own words, an English rendering, and the working group whose duties (seed 002 §六(一)) name the
 * work. The group assignment is our reading of those duties [analysis]; the seed assigns no measure.
 */
const S002 = 'seed 002';
const SECTION: Record<ResponseLevel, string> = { IV: '§九(一)', III: '§九(二)', II: '§九(三)', I: '§九(四)' };

interface MeasureText {
  zh: string;
  en: string;
  group: DistrictGroupKey;
  supporting?: DistrictGroupKey[];
  steps?: Wording[];
}

const measures = (level: ResponseLevel, texts: MeasureText[]): LevelMeasure[] =>
  texts.map((text, index) => {
    const item = index + 1;
    return {
      id: `LVL-${level}-${String(item).padStart(2, '0')}`,
      zh: text.zh,
      en: text.en,
      group: text.group,
      supporting: text.supporting ?? [],
      steps: text.steps ?? [],
      basis: clause(S002, `${SECTION[level]}${item}`, text.en),
    };
  });

export const LEVEL_IV_MEASURES = measures('IV', [
  {
    zh: '启动新冠肺炎应急响应，各部门强化联防联控工作机制，进一步完善预案和各类相关工作技术方案。',
    en: 'Start the response; every department strengthens the joint prevention mechanism and improves plans and technical plans.',
    group: 'comprehensive_coordination',
    supporting: ['epidemic_control_medical'],
  },
  {
    zh: '医疗机构加强预检分诊，加强发热门诊对发热病人、不明原因肺炎、流感样病例的监测和新冠病毒核酸检测，开展风险评估，提出防控建议。',
    en: 'Medical institutions strengthen pre-examination triage; fever clinics monitor fever, pneumonia of unknown cause and influenza-like illness and test for SARS-CoV-2; risk assessments and recommendations.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '做好疑似病例报告、隔离留观和院感控制，严防院内感染事件的发生。疑似病例转诊市级定点收治医院。',
    en: 'Report suspected cases, keep them in isolation observation under hospital infection control; refer suspected cases to the municipal designated hospital.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '立即对疑似病例、确诊病例、无症状感染者的可能感染来源等开展流行病学调查。',
    en: 'Immediately investigate the likely source of infection of suspected cases, confirmed cases and asymptomatic infections.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '对疑似病例、确诊病例和无症状感染者的密切接触者开展排查和追踪，实行集中隔离医学观察。',
    en: 'Find and trace the close contacts of suspected, confirmed and asymptomatic cases and put them in centralized quarantine medical observation.',
    group: 'epidemic_control_medical',
    supporting: ['social_community'],
  },
  {
    zh: '根据病例接触的空间和人员范围确定防控区域，学校以班级、楼房以单元、工厂以工作间、工作场所以办公室、农村以户为最小防控单元。',
    en: 'Define the control area from the space and people the case had contact with; minimum control units: class, building unit, workshop, office, rural household.',
    group: 'epidemic_control_medical',
    steps: [
      { zh: '学校：以班级为最小防控单元', en: 'School: the class' },
      { zh: '楼房：以单元为最小防控单元', en: 'Residential building: the unit (stairwell)' },
      { zh: '工厂：以工作间为最小防控单元', en: 'Factory: the workshop' },
      { zh: '工作场所：以办公室为最小防控单元', en: 'Workplace: the office' },
      { zh: '农村：以户为最小防控单元', en: 'Rural area: the household' },
    ],
  },
  {
    zh: '对划定的防控区域实施封闭管理，对可能受病例污染的环境和物品实施终末消毒。养老院、福利院、监所、精神病院等重点场所实行严格管理，适度限制人员进出。',
    en: 'Closed management of the delineated control area and terminal disinfection; nursing homes, welfare homes, prisons and psychiatric hospitals strictly managed with moderate limits on entry and exit.',
    group: 'social_community',
    supporting: ['epidemic_control_medical'],
  },
  {
    zh: '对划定的防控区域近14天内有发热、呼吸道症状或腹泻等消化道症状者进行主动搜索，并送医排查。',
    en: 'In the control area, actively search for people with fever, respiratory or digestive symptoms in the last 14 days and send them for screening.',
    group: 'epidemic_control_medical',
    supporting: ['social_community'],
  },
  {
    zh: '根据公安部门提供的大数据信息，提前对入境人员开展摸排，安排好集中隔离场所，按要求开展集中医学观察和采样检测。',
    en: 'With big-data leads from the police, identify inbound travellers in advance, arrange centralized quarantine sites, and carry out centralized observation and sampling.',
    group: 'social_community',
    supporting: ['epidemic_control_medical'],
  },
  {
    zh: '有针对性地开展健康教育，提高人群自我防护意识，引导科学佩戴口罩、保持社交距离、做好手卫生和通风消毒等常规防控。',
    en: 'Targeted health education: masks, social distance, hand hygiene, ventilation and disinfection.',
    group: 'publicity',
  },
  {
    zh: '对医务人员等相关工作人员开展新冠肺炎防控技术培训，提高应对能力。',
    en: 'Train medical and related staff in COVID-19 prevention techniques.',
    group: 'epidemic_control_medical',
  },
]);

export const LEVEL_III_MEASURES = measures('III', [
  {
    zh: '向市级提出申请，指导传染源溯源、密切接触者追踪和管理等疫情处置工作。',
    en: 'Apply to the city level for guidance on source tracing and on tracing and managing close contacts.',
    group: 'epidemic_control_medical',
    supporting: ['comprehensive_coordination'],
  },
  {
    zh: '强化聚集性疫情的调查，重点分析病原传播模式、传播速度等重点流行病学特征，为科学防控提供依据。',
    en: 'Investigate clusters in depth: transmission mode and speed.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '根据病例接触的空间和人员范围，确定防控区域范围。可以学校、楼房、工厂、工作场所、自然村为最小单元，划定防控区域。',
    en: 'Define the control area; the minimum unit may be a whole school, building, factory, workplace or natural village.',
    group: 'epidemic_control_medical',
    steps: [
      { zh: '学校：可以整个学校为最小单元', en: 'School: the whole school' },
      { zh: '楼房：可以整栋楼为最小单元', en: 'Residential building: the whole building' },
      { zh: '工厂：可以整个工厂为最小单元', en: 'Factory: the whole factory' },
      { zh: '工作场所：可以整个工作场所为最小单元', en: 'Workplace: the whole workplace' },
      { zh: '农村：可以自然村为最小单元', en: 'Rural area: the natural village' },
    ],
  },
  {
    zh: '在防控区域范围内采取停工、停业、停课等管控措施。',
    en: 'Stop work, business and classes inside the control area.',
    group: 'comprehensive_coordination',
    supporting: ['enterprise', 'living_supplies', 'school'],
  },
  {
    zh: '防控区域范围内商场、超市等公共场所采取限流等方式营业。影剧院等密闭式娱乐休闲场所暂停开放，暂停举办会议、会展活动等。',
    en: 'Malls and supermarkets in the control area open with capacity limits; cinemas and other enclosed entertainment venues close; meetings and exhibitions are suspended.',
    group: 'living_supplies',
    supporting: ['social_community'],
  },
  {
    zh: '区域内养老院、福利院、监所、精神病院等重点场所实行封闭管理。',
    en: 'Nursing homes, welfare homes, prisons and psychiatric hospitals in the area go under closed management.',
    group: 'social_community',
  },
  {
    zh: '在高速公路出入口、国省县道设置检疫站，实行机动车有效管控，对驾乘人员进行体温检测，应急物资运输车辆优先通行。',
    en: 'Quarantine checkpoints at expressway entrances and exits and on national, provincial and county roads: vehicles controlled, drivers and passengers temperature-checked, emergency-supply vehicles first.',
    group: 'traffic_control',
    supporting: ['social_community'],
    steps: [
      { zh: '高速公路出入口设置检疫站', en: 'A quarantine checkpoint at each expressway entrance and exit' },
      { zh: '国道、省道、县道设置检疫站', en: 'Quarantine checkpoints on national, provincial and county roads' },
      { zh: '对驾乘人员进行体温检测', en: 'Temperature checks of drivers and passengers' },
      { zh: '应急物资运输车辆优先通行', en: 'A priority lane for emergency-supply vehicles' },
    ],
  },
  {
    zh: '对自愿提出检测需求的人群，提供“愿检尽检”服务，早期发现和处置传染源。',
    en: 'Offer voluntary testing (愿检尽检) to anyone who asks, to find sources of infection early.',
    group: 'epidemic_control_medical',
  },
]);

export const LEVEL_II_MEASURES = measures('II', [
  {
    zh: '合理调配医疗卫生资源，实现分类救治，启用区级定点收治医院，重点救治轻症病人和无症状感染者，严防院内感染。重症病人转诊市级定点收治医院，降低病死率。',
    en: 'Triage by severity: open the district designated hospital for mild cases and asymptomatic infections; severe cases go to the municipal designated hospital.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '实施区域封闭管理措施，限制人员流动与聚集。所有社区、居民小区、村进行严格管理，对进出人员开展体温检测和“苏康码”查验。组织入户排查，及时转运有发热、呼吸道症状或腹泻等消化道症状者。',
    en: 'Regional closed management: every community, compound and village strictly managed with temperature and health-code checks at entry and exit; door-to-door screening and prompt transfer of symptomatic people.',
    group: 'social_community',
    supporting: ['rural', 'epidemic_control_medical'],
  },
  {
    zh: '区域内工厂、商业设施或教育机构采取停工、停业、停课等管控措施。',
    en: 'Factories, commercial facilities and educational institutions in the region stop work, business and classes.',
    group: 'comprehensive_coordination',
    supporting: ['enterprise', 'living_supplies', 'school'],
  },
  {
    zh: '区域内商场、超市等生活必需场所采取限流措施，开展体温检测和“苏康码”查验。',
    en: 'Malls, supermarkets and other essential venues limit capacity and check temperatures and health codes.',
    group: 'living_supplies',
  },
  {
    zh: '关闭区域内公园、旅游景点、运动场所，图书馆、博物馆、美术馆等室内场馆和影剧院、游艺厅等密闭式娱乐休闲场所。',
    en: 'Close parks, tourist sites, sports venues, libraries, museums, galleries, cinemas, arcades and other enclosed entertainment venues.',
    group: 'social_community',
  },
]);

export const LEVEL_I_MEASURES = measures('I', [
  {
    zh: '区域进行全封闭管理，限制车辆和人员进出（生活物资、防护物资运输车辆除外）。',
    en: 'Full closure of the region: no vehicles or people in or out, except vehicles carrying living or protective supplies.',
    group: 'traffic_control',
    supporting: ['social_community', 'living_supplies'],
  },
  {
    zh: '监控医疗卫生机构资源（床位、人员、实验室检测、急救转运能力等）供需情况，合理配置。',
    en: 'Monitor supply and demand of health resources (beds, staff, lab testing, emergency transfer) and allocate them.',
    group: 'epidemic_control_medical',
    supporting: ['medical_supplies'],
  },
  {
    zh: '依托体育场馆等有条件的场所，改造建设一批集中救治场所（方舱医院）。',
    en: 'Convert stadiums and similar venues into centralized treatment sites (Fangcang hospitals).',
    group: 'epidemic_control_medical',
    supporting: ['medical_supplies'],
  },
  {
    zh: '建立不同诊疗需求患者的动态转运机制。对方舱医院隔离治疗（医学观察）的病例或无症状感染者及时评估病情，根据病情变化及时转送相应级别定点收治医院。',
    en: 'A dynamic transfer mechanism: re-assess Fangcang patients and asymptomatic infections and move them to a designated hospital of the right tier as their condition changes.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '调整流调重点，简化溯源调查，重点排查密切接触者，提高流调效率。',
    en: 'Change the focus of investigation: simplify source tracing and concentrate on finding close contacts.',
    group: 'epidemic_control_medical',
  },
  {
    zh: '开展舆情监测，开通心理咨询热线，进行心理干预。',
    en: 'Monitor public opinion; open a psychological counselling hotline and provide psychological intervention.',
    group: 'publicity',
    supporting: ['epidemic_control_medical'],
  },
  {
    zh: '制定发现、管理脆弱人群保护计划，重点关注他们的监护照料情况，协助基层政府保障其救助途径，使其家庭基本生活不受严重影响。',
    en: 'A protection plan for vulnerable groups: find them, watch their guardianship and care, and keep their aid channels and basic family life working.',
    group: 'social_community',
    supporting: ['rural'],
  },
]);
