/** Messages of the institutions' error codes (issue 16), zh-CN first; `http/messages.ts` takes them in. */
export const INSTITUTION_MESSAGES: Record<string, { zh: string; en: string }> = {
  moreClassesThanStudents: { zh: '班级数不能多于学生数', en: 'A school cannot have more classes than students' },
  notNonNegativeInteger: { zh: '应为非负整数', en: 'must be a whole number, not negative' },
  unknownType: { zh: '类型不在规定范围内', en: 'is not one of the known types' },
  duplicateCode: { zh: '机构编码已存在', en: 'An institution with this code exists' },
  notADutyOfKind: {
    zh: '该职责不是此类机构在当前响应级别下的职责',
    en: 'This is not a duty of this kind of institution at the level in force',
  },
  notASchool: { zh: '只有学校、幼儿园报告晨午检和因病缺课', en: 'Only schools and kindergartens report checks and illness absences' },
  notAMedicalInstitution: { zh: '只有医疗机构报告哨点就诊人数', en: 'Only medical institutions report sentinel visit counts' },
  notAPharmacy: { zh: '只有药店登记实名购药', en: 'Only pharmacies register real-name drug sales' },
  moreThanPresent: { zh: '发热人数不能多于到校人数', en: 'More feverish than present' },
  moreThanEnrolled: { zh: '到校与缺课人数之和不能多于在册学生数', en: 'Present and absent together exceed the enrolment' },
  notSentinelDrug: { zh: '仅登记退热、止咳、抗病毒、抗菌药物', en: 'Only fever, cough, antiviral and antibiotic drugs are registered' },
  reporterCannotReport: {
    zh: '该账号不能为此机构报告（须有机构报告权限并覆盖其辖区）',
    en: 'This account cannot report for this institution',
  },
  notNamedReporter: { zh: '须由机构指定的报告人提交', en: "Only the institution's named reporter submits its reports" },
  unknownKind: { zh: '未知的机构类型（见模板“机构类型”页）', en: "Unknown institution kind (see the template's kind sheet)" },
  notYesNo: { zh: '应填“是”或“否”', en: 'must be 是 (yes) or 否 (no)' },
  gradeForbids: {
    zh: '所在地为中、高风险地区，原则上不举办现场会议、考试（特殊紧急事项除外）',
    en: 'A medium- or high-risk area holds no on-site meetings or exams in principle (urgent matters excepted)',
  },
  alreadyDecided: { zh: '该申请已审批', en: 'This filing is already decided' },
  notAHotel: { zh: '只有宾馆登记住客', en: 'Only hotels register guests' },
  tooOld: { zh: '日期过早', en: 'The date is too far back' },
  notPositiveInteger: { zh: '应为正整数', en: 'must be a whole number above nought' },
};
