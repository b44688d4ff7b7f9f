import type { Language } from './messages.ts';

/** Words for the release decision's machine gaps (`test:nucleic_acid:1`, `signature:assigned_medic`…), as the web's release panel says them. */
const WORDS: Record<string, { zh: string; en: string }> = {
  period: { zh: '管理期未满', en: 'the period is not complete' },
  symptoms: { zh: '管理期间报告过发热或症状', en: 'fever or symptoms were reported' },
  'result:positive': { zh: '有阳性检测结果', en: 'a test is positive' },
  'result:indeterminate': { zh: '有可疑检测结果，需复检', en: 'a test is indeterminate: retest' },
  'result:pending': { zh: '有检测结果尚未录入', en: 'a test result is still pending' },
  'signature:sameSigner': { zh: '两个签字须由不同的人完成', en: 'the two signatures must be by different people' },
  'signature:assigned_cadre': { zh: '待包保干部签字', en: "the assigned cadre's signature" },
  'signature:assigned_medic': { zh: '待包保医务人员签字', en: "the assigned medic's signature" },
};
const TEST_KINDS: Record<string, { zh: string; en: string }> = {
  nucleic_acid: { zh: '核酸检测', en: 'nucleic acid test' },
  antibody: { zh: '抗体检测', en: 'antibody test' },
};
const OTHER = { zh: '其他解除条件未满足', en: 'another release condition is not met' };

function gapWords(gap: string, language: Language): string {
  const pick = (entry: { zh: string; en: string }) => (language === 'en' ? entry.en : entry.zh);
  const [head, kind, count = '1'] = gap.split(':');
  if (head === 'test' && kind) {
    const name = pick(TEST_KINDS[kind] ?? OTHER);
    return language === 'en' ? `${count} more ${name}${count === '1' ? '' : 's'}` : `还需${name}${count}次`;
  }
  return pick(WORDS[gap] ?? OTHER);
}

/** `test:nucleic_acid:1, signature:assigned_medic` → 「还需核酸检测1次、待包保医务人员签字」. */
export function releaseGapsInWords(gaps: string, language: Language): string {
  const words = gaps
    .split(',')
    .map((gap) => gap.trim())
    .filter(Boolean)
    .map((gap) => gapWords(gap, language));
  return words.join(language === 'en' ? '; ' : '、');
}
