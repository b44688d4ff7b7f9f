/** Human messages for error codes, zh-CN first. `{name}` placeholders take the error's params. */
const MESSAGES: Record<string, { zh: string; en: string }> = {
  notFound: { zh: '记录不存在或不在您的辖区内', en: 'Not found, or outside your jurisdiction' },
  forbidden: { zh: '无权执行此操作', en: 'You do not have permission for this' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in first' },
  csrf: { zh: '请求校验失败，请刷新页面后重试', en: 'Request check (CSRF) failed: reload the page and retry' },
  badCredentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  accountLocked: { zh: '账号已锁定，请 {minutes} 分钟后重试', en: 'Account locked: try again in {minutes} minutes' },
  accountDisabled: { zh: '账号已停用', en: 'Account disabled' },
  tooManyRequests: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests: try again later' },
  required: { zh: '必填项', en: 'is required' },
  unknownField: { zh: '不允许的字段', en: 'is not an allowed field' },
  invalidValue: { zh: '取值不合法：{detail}', en: 'is not valid: {detail}' },
  malformedJson: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  bodyTooLarge: { zh: '请求体过大', en: 'The request body is too large' },
  unsupportedMediaType: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  'residentId.length': { zh: '身份证号应为 18 位', en: 'A resident ID number has 18 characters' },
  'residentId.characters': { zh: '身份证号只能包含数字，末位可为 X', en: 'A resident ID number is digits, last may be X' },
  'residentId.birthDate': { zh: '身份证号中的出生日期无效', en: 'The birth date inside the ID number is not a real past date' },
  'residentId.checkDigit': { zh: '身份证号校验位错误', en: 'The ID number check digit is wrong (GB 11643)' },
  'passport.format': { zh: '护照号格式错误', en: 'Passport number format is wrong' },
  'other.format': { zh: '证件号格式错误', en: 'Document number format is wrong' },
  'phone.format': { zh: '手机号或电话格式错误', en: 'Phone number format is wrong' },
  duplicatePerson: { zh: '该证件号的人员已登记', en: 'A person with this ID number is already registered' },
  duplicateUsername: { zh: '用户名已存在', en: 'This username is taken' },
  unknownJurisdiction: { zh: '行政区划不存在或不在您的辖区内', en: 'Unknown jurisdiction, or outside your jurisdiction' },
  unknownDivisionCode: { zh: '未知的行政区划代码 {code}', en: 'Unknown division code {code}' },
  householdMismatch: { zh: '户不属于所选辖区', en: 'The household is not in the chosen jurisdiction' },
  weakPassword: { zh: '密码至少 10 位，且包含字母和数字', en: 'A password needs 10+ characters with letters and digits' },
  reasonRequired: { zh: '请填写原因', en: 'A reason is required' },
  cannotRemoveOwnAdmin: { zh: '不能移除自己的管理员角色', en: 'You cannot remove your own admin role' },
  unknownEdition: { zh: '未知的防控方案版本', en: 'Unknown protocol edition' },
  unknownProfile: { zh: '未知的地方方案', en: 'Unknown local profile' },
  noEditionInForce: { zh: '该日期没有生效的防控方案', en: 'No protocol edition was in force on that date' },
  categoryNotInEdition: { zh: '方案 {edition} 未规定该类人员', en: 'Edition {edition} has no rules for this category' },
  invalidDate: { zh: '日期格式应为 YYYY-MM-DD', en: 'A date is written YYYY-MM-DD' },
  futureDate: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  activeEpisodeExists: { zh: '该人员已有同类别的在管记录', en: 'This person already has an active episode of this category' },
  notAssignable: { zh: '该用户无权为此辖区的人员签字', en: 'This user cannot sign for people of this jurisdiction' },
  roomNotInSite: { zh: '房间不属于该隔离点', en: 'The room is not in this quarantine site' },
  roomFull: { zh: '房间已满', en: 'The room is full' },
  episodeNotActive: { zh: '该管控记录已结束', en: 'This episode is no longer active' },
  beforeEpisodeStart: { zh: '采样时间早于管控开始日期', en: 'The sample was taken before the episode started' },
  alreadyReleased: { zh: '已解除隔离', en: 'Already released' },
  alreadySigned: { zh: '该角色已签字', en: 'This role has already signed' },
  notAssignedSigner: {
    zh: '只有指定的包保干部或包保医务人员本人可以签字',
    en: 'Only the assigned cadre or medic can sign, each with their own account',
  },
  releaseRefused: { zh: '暂不能解除隔离：{missing}', en: 'Release refused: {missing}' },
  transferPending: { zh: '已有待接收的转移申请', en: 'A transfer is already pending' },
  transferDecided: { zh: '该转移申请已处理', en: 'This transfer has already been decided' },
  siteNotInJurisdiction: { zh: '隔离点不在目标辖区内', en: 'The site is not inside the target jurisdiction' },
  sameCategory: { zh: '类别未改变', en: 'The category is unchanged' },
  unknownIdType: { zh: '证件类型应为 居民身份证 / 护照 / 其他', en: 'ID type must be resident ID, passport or other' },
  unknownCategory: { zh: '未知的人员类别（见模板“人员类别”页）', en: "Unknown category (see the template's category sheet)" },
  notReleased: { zh: '该人员尚未解除隔离，或不在您的辖区内', en: 'Not released yet, or outside your jurisdiction' },
  assistRequestDecided: { zh: '该协查已处理', en: 'This assist request has already been decided' },
  internal: { zh: '服务器内部错误（请求号 {requestId}）', en: 'Internal error (request {requestId})' },
  demoNotEmpty: {
    zh: '数据库中已有人员或场所，演示数据只能写入空数据库',
    en: 'The database already holds people or places: demo data is only seeded into an empty database',
  },
};

export type Language = 'zh-CN' | 'en';

export function languageOf(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function messageFor(code: string, language: Language, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[code] ?? MESSAGES.invalidValue;
  const template = language === 'en' ? (entry?.en ?? code) : (entry?.zh ?? code);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? (key === 'detail' ? code : '')));
}
