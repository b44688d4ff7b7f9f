/** Messages of the supplies and preparedness error codes (issue 15 parts 4 and 6), zh-CN first; `http/messages.ts` takes them in. */
export const SUPPLY_MESSAGES: Record<string, { zh: string; en: string }> = {
  quantityNotPositive: {
    zh: '数量应为正整数（盘点调整可为负数，但不能为 0）',
    en: 'The quantity is a positive whole number (an adjustment may be negative, never 0)',
  },
  stockBelowZero: {
    zh: '库存不足：现有 {available}，出库后不能小于 0',
    en: 'Not enough stock: {available} held, and a balance cannot go below zero',
  },
  scarcePurposeRequired: {
    zh: '防护服、防护口罩等紧缺物资出库或调拨须写明用途（精准调配）',
    en: 'Scarce protective supplies go out only with their purpose stated (precise dispatch)',
  },
  adjustNeedsReason: { zh: '盘点调整须写明原因', en: 'An adjustment needs its reason' },
  donationNeedsDonor: { zh: '捐赠入库须写明捐赠方', en: 'A donation names its donor' },
  transferNeedsTarget: { zh: '调拨须选择调入的库存', en: 'A transfer names the stock it goes to' },
  transferToItself: { zh: '不能调拨给自身', en: 'A stock line cannot transfer to itself' },
  transferOtherItem: { zh: '只能调拨到同一物资的库存', en: 'A transfer goes to stock of the same item' },
  unknownStockItem: { zh: '库存不存在或不在您的辖区内', en: 'Unknown stock, or outside your jurisdiction' },
  stockItemExists: { zh: '该持有单位已有此物资的库存，请做入库', en: 'This holder already keeps this item: receive into it instead' },
  alreadyExpired: { zh: '有效期已过，不能作为可用库存登记', en: 'This has expired and cannot be recorded as usable stock' },
  belowDisinfectionNorm: { zh: '消毒频次不能低于规定的每周期 {min} 次', en: 'Disinfection cannot be less often than {min} times a period' },
  beforeSchedule: { zh: '不能早于消毒计划开始日期', en: 'Before the schedule began' },
  unknownChecklistItem: { zh: '不是应急准备清单中的事项（1–10）', en: 'Not an item of the preparation checklist (1–10)' },
  checklistOnly: { zh: '只有应急准备清单事项填写序号', en: 'Only a checklist item has a number' },
  capacityRequired: { zh: '隔离场所须填写可容纳人数', en: 'A quarantine site needs its capacity' },
  reviewBeforeIssue: { zh: '修订日期应晚于印发日期', en: 'The review date comes after the issue date' },
  attendanceOutOfRange: { zh: '参加人数应为不大于应到人数的非负整数', en: 'Attendance is a whole number, not above those expected' },
  unknownPlan: { zh: '预案不存在或不在您的辖区内', en: 'Unknown plan, or outside your jurisdiction' },
};
