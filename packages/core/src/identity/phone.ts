const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export function normalizePhone(raw: string): string {
  return raw.replace(/[\s()]/g, '').replace(/^\+?86/, '');
}

export function phoneProblem(raw: string): string | null {
  const phone = normalizePhone(raw);
  return MAINLAND_MOBILE.test(phone) || LANDLINE.test(phone) ? null : 'phone.format';
}
