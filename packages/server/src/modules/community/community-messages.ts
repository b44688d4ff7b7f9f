/** Error messages of community daily work (issue 16 §7), zh-CN first. */
export const COMMUNITY_MESSAGES: Record<string, { zh: string; en: string }> = {
  notCommunity: { zh: '请选择社区（村）一级', en: 'Choose a community (village level)' },
  notInCommunity: { zh: '该户不在本轮排查的社区内', en: 'This household is not in the community of this round' },
  roundClosed: { zh: '本轮排查已结束', en: 'This screening round is closed' },
  nobodyHome: { zh: '无人在家时不能登记人员', en: 'Nobody was home: record no people' },
  personOrNewPerson: {
    zh: '请选择本户成员，或登记新发现的人员（二选一）',
    en: 'Pick a household member or register a new person (one of the two)',
  },
  notInHousehold: { zh: '此人不是该户成员', en: 'This person is not a member of the household' },
  pastDate: { zh: '须在活动之前报备，日期不能早于今天', en: 'Must be filed before the event: the date cannot be in the past' },
  notSealed: {
    zh: '该户未封闭管理（无居家隔离人员，也不在封控区内），请自行采购',
    en: 'This household is not sealed (nobody under home quarantine, not in a sealed zone)',
  },
  supplyClosed: { zh: '该物资需求已送达或已取消', en: 'This supply request is already delivered or cancelled' },
  maskRequired: { zh: '进入须全程佩戴口罩', en: 'A mask is required to enter' },
  feverRefused: { zh: '体温异常，不得进入', en: 'Temperature at or above fever: entry refused' },
  notCommunityStaff: { zh: '陪同人员须为本社区工作人员', en: 'The escort must be staff of this community' },
  alreadyClosed: { zh: '该登记已销号', en: 'This entry is already closed out' },
  reportClosed: { zh: '该报告已办结', en: 'This report is already closed' },
  notForThisKind: {
    zh: '外来人员报告以"已找到/未找到"办结，拒不配合以"移交公安"办结',
    en: 'An outsider report ends found or not found; a refusal ends referred to the police',
  },
  onlyForRefusal: { zh: '仅拒不配合的报告填写拒绝的措施', en: 'Only a refusal names the refused measure' },
  noHomeCommunity: { zh: '仅居民可向所在社区报告', en: 'Only a resident reports to their own community' },
};
