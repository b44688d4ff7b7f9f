import { ROSTER_ROLE_ZH, type RosterRole } from '@fangkong/core';
import ExcelJS from 'exceljs';
import type { HeadquartersDetail } from './headquarters.service.ts';
import type { RosterEntry } from './roster-view.ts';

const roleZh = (role: string) => ROSTER_ROLE_ZH[role as RosterRole] ?? role;

/** 张三（区卫健局局长） */
const named = (entry: RosterEntry) => (entry.title ? `${entry.name}（${entry.title}）` : entry.name);
/** 李四（136****4910） */
const withPhone = (entry: RosterEntry) => (entry.phone ? `${entry.name}（${entry.phone}）` : entry.name);

const holding = (roster: RosterEntry[], role: RosterRole, show: (e: RosterEntry) => string) =>
  roster
    .filter((e) => e.role === role)
    .map(show)
    .join('、');

function titled(sheet: ExcelJS.Worksheet, title: string, columns: Partial<ExcelJS.Column>[]) {
  sheet.columns = columns;
  sheet.spliceRows(1, 0, [title]);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(2).font = { bold: true };
}

/** 工作组名单及职责 (Annex A16; seed 002 §六(一), seed 001 §二(二), seed 004 Part A §二): one row per group. */
function groupSheet(book: ExcelJS.Workbook, hq: HeadquartersDetail) {
  const sheet = book.addWorksheet('工作组名单及职责');
  titled(sheet, `${hq.name}工作组名单及职责`, [
    { header: '序号', key: 'n', width: 6 },
    { header: '工作组', key: 'group', width: 20 },
    { header: '牵头领导', key: 'official', width: 18 },
    { header: '牵头单位', key: 'lead', width: 22 },
    { header: '组长', key: 'leaders', width: 22 },
    { header: '常务副组长', key: 'executive', width: 22 },
    { header: '副组长', key: 'deputies', width: 22 },
    { header: '成员单位', key: 'members', width: 40 },
    { header: '职责', key: 'duties', width: 60 },
    { header: '联络员（电话）', key: 'liaison', width: 24 },
    { header: '信息收集联系人（电话）', key: 'info', width: 24 },
    { header: '依据', key: 'clause', width: 22 },
  ]);
  hq.groups
    .filter((g) => g.status === 'active')
    .forEach((g, i) => {
      const row = sheet.addRow({
        n: i + 1,
        group: g.nameZh,
        official: g.leadOfficial ?? '',
        lead: g.leadUnits.map((u) => u.name).join('、'),
        leaders: holding(g.roster, 'group_leader', named),
        executive: holding(g.roster, 'executive_deputy_leader', named),
        deputies: holding(g.roster, 'deputy_leader', named),
        members: g.memberUnits.map((u) => u.name).join('、'),
        duties: g.duties.map((d, k) => `${k + 1}. ${d}`).join('\n'),
        liaison: holding(g.roster, 'liaison', withPhone),
        info: holding(g.roster, 'info_collection_contact', withPhone),
        clause: g.clause ?? '',
      });
      row.alignment = { wrapText: true, vertical: 'top' };
    });
}

/** 领导小组成员名单 (Annex A15): the leadership with title, role and phone. */
function leadershipSheet(book: ExcelJS.Workbook, hq: HeadquartersDetail) {
  const sheet = book.addWorksheet('领导小组成员名单');
  titled(sheet, `${hq.name}成员名单`, [
    { header: '序号', key: 'n', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '职务', key: 'title', width: 28 },
    { header: '角色', key: 'role', width: 14 },
    { header: '所在单位', key: 'unit', width: 20 },
    { header: '联系电话', key: 'phone', width: 16 },
  ]);
  hq.leadership.forEach((e, i) => {
    sheet.addRow({ n: i + 1, name: e.name, title: e.title ?? '', role: roleZh(e.role), unit: e.orgUnitName ?? '', phone: e.phone ?? '' });
  });
}

/** 专家组 (ORG-050): the headquarters' own groups and the outside reviewers, with status and duties. */
function expertSheet(book: ExcelJS.Workbook, hq: HeadquartersDetail) {
  const sheet = book.addWorksheet('专家组');
  titled(sheet, `${hq.name}专家组`, [
    { header: '序号', key: 'n', width: 6 },
    { header: '专家组', key: 'name', width: 24 },
    { header: '层级', key: 'level', width: 10 },
    { header: '状态', key: 'status', width: 12 },
    { header: '推荐单位', key: 'recommendedBy', width: 20 },
    { header: '职责', key: 'duties', width: 60 },
    { header: '成员', key: 'members', width: 30 },
  ]);
  const levels: Record<string, string> = { district: '区级', town: '镇级', city: '市级', province: '省级', national: '国家级' };
  hq.expertGroups.forEach((e, i) => {
    const row = sheet.addRow({
      n: i + 1,
      name: e.nameZh,
      level: levels[e.level] ?? e.level,
      status: e.established ? '已成立' : '目前未成立',
      recommendedBy: e.recommendedBy ?? '',
      duties: e.duties.map((d, k) => `${k + 1}. ${d}`).join('\n'),
      members: e.members.map(named).join('、'),
    });
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function groupTableXlsx(hq: HeadquartersDetail): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  groupSheet(book, hq);
  leadershipSheet(book, hq);
  expertSheet(book, hq);
  return Buffer.from(await book.xlsx.writeBuffer());
}
