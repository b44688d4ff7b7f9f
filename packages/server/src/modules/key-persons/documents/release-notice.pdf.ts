import { type EpisodePlan, shanghaiDate } from '@fangkong/core';
import PDFDocument from 'pdfkit';
import { RESULT_ZH, TEST_ZH, zhCategory, zhManagement } from './labels.ts';
import { CJK_FONT_PATH, pdfToBuffer } from './pdf-font.ts';
import type { ReleaseRecordRow } from './release-record.repository.ts';

export interface ReleaseNoticeData {
  record: ReleaseRecordRow;
  idNumber: string;
  tests: { test_kind: string; sampled_at: Date; result: string | null }[];
  editionName: string;
}

const timeText = (at: Date | null) =>
  at ? `${shanghaiDate(at)} ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16)}` : '—';

function lines(data: ReleaseNoticeData): [string, string][] {
  const { record } = data;
  const plan = record.plan as unknown as EpisodePlan;
  const quarantine = plan.phases.filter((p) => plan.releaseDate === null || p.from <= plan.releaseDate);
  const place = record.site_name ? `${record.site_name}${record.room_code ? ` ${record.room_code} 房间` : ''}` : '居家';
  return [
    ['姓名', record.person_name],
    ['证件号码', data.idNumber],
    ['人员类别', zhCategory(record.category)],
    ['管理方式', quarantine.map((p) => `${zhManagement(p.type)}（${p.from} 至 ${p.to ?? '—'}）`).join('；')],
    ['隔离地点', place],
    ['所属辖区', record.jurisdiction_name],
    ['解除时间', timeText(record.released_at)],
    ['执行方案', data.editionName],
  ];
}

/** 解除隔离医学观察通知书: who, where, the period, the tests, both signatures, the protocol. */
export async function releaseNoticePdf(data: ReleaseNoticeData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: '解除隔离医学观察通知书', Author: 'fangkong' } });
  doc.registerFont('cjk', CJK_FONT_PATH).font('cjk');
  doc.fontSize(20).text('解除隔离医学观察通知书', { align: 'center' }).moveDown(0.3);
  doc.fontSize(9).fillColor('#666').text(`编号 ${data.record.episode_id}`, { align: 'center' }).fillColor('#000').moveDown(1.2);
  doc.fontSize(12);
  for (const [label, value] of lines(data)) doc.text(`${label}：${value}`).moveDown(0.4);
  doc.moveDown(0.6).fontSize(13).text('检测记录').fontSize(11).moveDown(0.3);
  for (const t of data.tests)
    doc.text(`${timeText(t.sampled_at)}  ${TEST_ZH[t.test_kind] ?? t.test_kind}  ${RESULT_ZH[t.result ?? 'pending'] ?? t.result}`);
  doc.moveDown(1).fontSize(12).text('经核查，该人员已满足解除隔离医学观察条件（期满、无症状、检测结果均为阴性），准予解除。').moveDown(1.2);
  doc.text(`包保干部：${data.record.cadre_name ?? '—'}    签字时间：${timeText(data.record.cadre_signed_at)}`).moveDown(0.5);
  doc.text(`包保医务人员：${data.record.medic_name ?? '—'}    签字时间：${timeText(data.record.medic_signed_at)}`).moveDown(1.5);
  doc.fontSize(9).fillColor('#666').text('本通知书由 fangkong 防控平台生成；签字记录与审计日志可按编号核验。');
  return pdfToBuffer(doc);
}
