import { type SubmittedTemplate, shanghaiDate } from '@fangkong/core';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** `2020-02-10 12:55` in Asia/Shanghai, as printed tables show times. */
export function localTime(at: Date): string {
  return `${shanghaiDate(at)} ${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)}`;
}

export interface SignedFacts {
  submittedAt: Date | null;
  late: boolean;
  signerName: string | null;
  signedAt: Date | null;
  sealHolder: string | null;
  revision: number;
}

/** The table's foot: who signed when, who holds the seal, when it was sent and whether late (DAILY-003). */
export function signatureLine(template: SubmittedTemplate, facts: SignedFacts): string {
  const parts: string[] = [];
  if (template.signature.required || facts.signerName) {
    parts.push(
      `负责人（签字）：${facts.signerName ? `${facts.signerName}（电子签名 ${facts.signedAt ? localTime(facts.signedAt) : ''}）` : '未签字'}`,
    );
  }
  if (template.signature.seal || facts.sealHolder) parts.push(`单位盖章（印章保管人）：${facts.sealHolder ?? '未盖章'}`);
  parts.push(`报送时间：${facts.submittedAt ? localTime(facts.submittedAt) : '未报送'}${facts.late ? '（逾期）' : ''}`);
  if (facts.revision > 1) parts.push(`第${facts.revision}次修订`);
  return parts.join('    ');
}
