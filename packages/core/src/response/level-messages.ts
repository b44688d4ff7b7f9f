/**
 * Human messages for the response-level problem codes, zh-CN first, for the server's message table
 * (`{name}` placeholders take the error's params). `reasonRequired` and `required` are shared codes the
 * server already words.
 */
export const RESPONSE_LEVEL_MESSAGES = {
  noResponseRules: { zh: '该防控方案未规定应急响应等级', en: 'The edition has no emergency response levels' },
  levelNotInEdition: { zh: '该防控方案没有这一响应等级', en: 'The edition has no such response level' },
  changeInProgress: {
    zh: '已有一项响应等级调整正在办理，请先批准或驳回',
    en: 'A level change is already under way: approve or reject it first',
  },
  sameLevel: { zh: '建议的响应等级与当前等级相同', en: 'The proposed level is the level already in force' },
  noResponseToTerminate: { zh: '当前没有启动的应急响应，无需终止', en: 'No response is in force: there is nothing to end' },
  noResponseToReassess: { zh: '当前没有启动的应急响应，无需研判调整', en: 'No response is in force: there is nothing to re-assess' },
  noReassessmentRule: { zh: '该防控方案未规定响应期间的专家研判', en: 'The edition in force asks for no re-assessment during a response' },
  assessmentFactorMissing: {
    zh: '级别评估缺少一项因素的研判意见（疫情、防控能力、社会综合因素三方面均须填写）',
    en: 'The assessment lacks a finding on one factor (the epidemic, capacity and social factors are all required)',
  },
  assessmentRecordMissing: {
    zh: '缺少必需的评估材料（如疫情趋势研判、防控效果评估）',
    en: 'A required assessment record is missing (such as the trend analysis or the effect evaluation)',
  },
  noProposal: {
    zh: '响应等级的变更必须先有建议（区卫健局提出）',
    en: 'A level change needs a proposal first (from the district health bureau)',
  },
  chainComplete: { zh: '专家确认已全部完成', en: 'Every expert confirmation is already recorded' },
  changeClosed: { zh: '该响应等级变更已办结', en: 'This level change is already closed' },
  bodyNotInChain: { zh: '该级专家组不在本次变更的确认链中', en: 'This expert body is not in the confirmation chain of this change' },
  alreadyConfirmed: { zh: '该级专家组已确认', en: 'This expert body has already confirmed' },
  chainSkipped: {
    zh: '确认须逐级进行：下一级专家组尚未认定',
    en: 'Confirmations go level by level: the body below has not confirmed yet',
  },
  chainIncomplete: {
    zh: '专家认定及复核尚未完成，不能批准',
    en: 'The expert confirmation and reviews are not complete: the change cannot be approved',
  },
  levelChangedSinceProposal: {
    zh: '提出建议后响应等级已变化，请重新提出建议',
    en: 'The level has changed since the proposal: propose again',
  },
  approverIsProposer: { zh: '不能批准自己提出的响应等级建议', en: 'You cannot approve a level change you proposed yourself' },
  terminationCriteriaNotMet: {
    zh: '尚不满足响应终止条件（最早可终止日期 {eligibleFrom}）：如确需提前终止，请由指挥长填写理由',
    en: 'The termination criteria are not met (earliest date {eligibleFrom}): to end early, the commander must give a reason',
  },
  overrideNotNeeded: { zh: '终止条件已满足或本次不是终止，无需提前终止理由', en: 'No override reason is needed here' },
  terminationFactsRequired: {
    zh: '批准终止须附终止条件核查结果',
    en: 'Approving a termination needs the termination criteria check',
  },
  notApproved: { zh: '响应等级变更尚未批准，不能备案', en: 'The level change is not approved yet: it cannot be filed' },
  alreadyFiled: { zh: '该响应等级变更已备案', en: 'This level change is already filed' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ResponseLevelProblemCode = keyof typeof RESPONSE_LEVEL_MESSAGES;
