/** Human messages for the information problem codes, zh-CN first, for the server's message table. */
export const INFORMATION_MESSAGES = {
  noInformationRules: { zh: '该防控方案未规定信息发布规则', en: 'The edition has no information release rules' },
  chainComplete: { zh: '审核已全部完成', en: 'Every approval on the chain is already given' },
  noApprovalChain: {
    zh: '本地防控方案未规定此类稿件的审核链，不能起草（请先修订方案）',
    en: 'The edition in force here sets no approval chain for this kind: it cannot be drafted (revise the edition first)',
  },
  drafterCannotApprove: {
    zh: '起草人（申请人）不能审核自己的稿件或申请',
    en: 'The drafter (or requester) cannot approve their own item',
  },
  approverAlreadySigned: {
    zh: '您已审核过这一稿件，下一级须由他人审核',
    en: 'You already approved this item: the next step is someone else’s',
  },
  approverLevelTooLow: {
    zh: '这一步须由{level}级（或更高）的发布审核权限审核（逐级上报）',
    en: 'This step needs an approver with release authority at the {level} level or above (reported upward level by level)',
  },
  releaseNotEditable: { zh: '稿件已上报审核，不能再修改', en: 'The item has been reported upward: it cannot be changed now' },
  kindFixed: { zh: '稿件类型不能修改', en: 'The kind of an item cannot change' },
  onlyForDailyOutbreak: { zh: '只有每日疫情信息需要填写日期', en: 'Only the daily outbreak information has a day' },
  releaseNotSubmitted: { zh: '稿件未上报审核', en: 'The item is not awaiting approval' },
  releaseNotApproved: {
    zh: '未经逐级上报并审核同意，不得发布',
    en: 'Not published: the item has not been reported upward and approved',
  },
  releaseNotPublished: { zh: '稿件未发布，无需撤回', en: 'The item is not published: there is nothing to withdraw' },
  interviewDecided: { zh: '该采访申请已有审核结果', en: 'This interview request has already been decided' },
  opinionNotOpen: { zh: '该舆情已有回应', en: 'This item has already been responded to' },
  opinionNotResponded: { zh: '请先回应（辟谣或答复）再办结', en: 'Respond first (refute or reply), then close' },
  opinionClosed: { zh: '该舆情已办结', en: 'This item is already closed' },
  unknownSignal: { zh: '未找到该预警信号，或不在您的管辖范围内', en: 'No such early-warning signal in your area' },
  onlyForWarning: { zh: '只有预警信息可以关联预警信号', en: 'Only a warning can be drafted from an early-warning signal' },
  signalOutsidePlace: {
    zh: '预警信号不在发布单位的辖区内',
    en: 'The early-warning signal is not in the area of the jurisdiction that issues the warning',
  },
} as const;
