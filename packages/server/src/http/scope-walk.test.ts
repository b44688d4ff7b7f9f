import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hasPermissionAnywhere, type Permission } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { App } from '../app.ts';
import { grantsOfUser } from '../auth/auth.repository.ts';
import { queryRows } from '../db/query-rows.ts';
import { XLSX_MIME } from '../imports/import-http.ts';
import { type ClosedManagementWalkIds, closedManagementWalkFixture } from '../modules/closed-management/closed-management.walk-fixture.ts';
import { type CodeWalkIds, codeWalkFixture } from '../modules/codes/codes.walk-fixture.ts';
import { type CommandWalkIds, commandWalkFixture } from '../modules/command/command.walk-fixture.ts';
import { PNG_EVIDENCE } from '../modules/command/evidence.fixture.ts';
import { type CommunityWalkIds, communityWalkFixture } from '../modules/community/community.walk-fixture.ts';
import { type DashboardWalkIds, dashboardWalkFixture } from '../modules/dashboard/dashboard.walk-fixture.ts';
import { type InformationWalkIds, informationWalkFixture } from '../modules/information/information.walk-fixture.ts';
// Institutions (issue 16)
import { type InstitutionWalkIds, institutionWalkFixture } from '../modules/institutions/institutions.walk-fixture.ts';
import { ROSTER_COLUMNS } from '../modules/key-persons/roster/roster-columns.ts';
import { insertPlace } from '../modules/places/place.repository.ts';
import { type ProtocolWalkIds, protocolWalkFixture } from '../modules/protocols/protocols.walk-fixture.ts';
import { homeObservationProfile } from '../modules/protocols/sample-profile.ts';
import { type ReportWalkIds, reportWalkFixture } from '../modules/reports/reports.walk-fixture.ts';
import { type SupplyWalkIds, supplyWalkFixture } from '../modules/supplies/supplies.walk-fixture.ts';
import { type TestingWalkIds, testingWalkFixture } from '../modules/testing/testing.walk-fixture.ts';
import { type ZoneWalkIds, zoneWalkFixture } from '../modules/zones/zones.walk-fixture.ts';
import { addHousehold, addTwoTowns, addUser, completeAssessment, loginAs, residentId, type TestClient } from '../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';

/**
 * The scope walk: town A holds data; a user of town B who holds every permission inside B calls every
 * API route with A's ids in the path and A's jurisdiction in the query or body. Each answer must be
 * 403/404, or a 200 that carries nothing of A. A route without a case here fails the first test, so a
 * new route cannot ship without saying how it keeps to its scope.
 */

const TODAY = '2020-03-01';
const NOW = `${TODAY}T10:00:00+08:00`;

interface TownA
  extends TestingWalkIds,
    ClosedManagementWalkIds,
    CodeWalkIds,
    ZoneWalkIds,
    ReportWalkIds,
    CommandWalkIds,
    ProtocolWalkIds,
    SupplyWalkIds,
    InformationWalkIds,
    InstitutionWalkIds,
    CommunityWalkIds,
    DashboardWalkIds {
  countyId: string;
  townId: string;
  villageId: string;
  townBId: string;
  villageBId: string;
  householdId: string;
  personId: string;
  personName: string;
  idNumber: string;
  phone: string;
  gridUserId: string;
  assignmentId: string;
  walkerId: string;
  bPersonId: string;
  siteId: string;
  marketId: string;
  roomId: string;
  episodeId: string;
  scheduleItemId: string;
  alertId: string;
  transferId: string | null;
  importId: string;
  assistId: string;
  bAssistId: string;
  rosterA: Buffer;
  rosterBIntoA: Buffer;
  caseId: string;
  trajectoryPointId: string;
  eventId: string;
  responseChangeId: string;
  expectedArrivalId: string;
}

interface WalkCase {
  path: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  /** Sent as a file body (.xlsx unless `contentType` says otherwise) instead of JSON. */
  upload?: Buffer;
  contentType?: string;
  /** `refused`: 403 or 404 (or `status`). `empty`: `status` (200) without anything of A. */
  expect: 'refused' | 'empty';
  status?: number;
  /** More that the answer must say. */
  says?: RegExp;
  /** A GET the owner (admin of town A) repeats: it must answer 200, and a list must show A's data. */
  control?: boolean;
}

type RouteEntry = { cases: (a: TownA) => WalkCase[] } | { exception: string };

const refused = (path: string, body?: Record<string, unknown>): WalkCase => ({
  path,
  expect: 'refused',
  control: true,
  ...(body ? { body } : {}),
});
const empty = (path: string, query?: Record<string, string>, control = true): WalkCase => ({
  path,
  expect: 'empty',
  control,
  ...(query ? { query } : {}),
});
const newPerson = (jurisdictionId: string) => ({
  idType: 'resident_id',
  idNumber: residentId('19700101', 975),
  name: '越界',
  jurisdictionId,
});

const assistRequest = (name: string, idNumber: string) => ({
  sourceOrg: '外省疾控中心',
  category: 'close_contact',
  startDate: TODAY,
  name,
  idType: 'resident_id',
  idNumber,
  address: '牛塘镇乙社区2幢201室',
});

/** A one-row roster; `jurisdictionCode` empty means the upload's own jurisdiction. */
async function roster(name: string, idNumber: string, jurisdictionCode = ''): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名单');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  sheet.addRow([name, '居民身份证', idNumber, '13900000000', '', jurisdictionCode, '密切接触者', TODAY, '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const ROUTES: Record<string, RouteEntry> = {
  'POST /api/auth/login': { exception: 'public: signs in and returns only a CSRF token' },
  'POST /api/auth/logout': { exception: "self: ends the caller's own session" },
  'GET /api/auth/me': { exception: "self: the caller's own account, roles and permissions" },
  'POST /api/auth/password': { exception: "self: changes the caller's own password" },
  'GET /api/protocols': { cases: () => [empty('/api/protocols', undefined, false)] },
  'GET /api/protocols/plan': {
    cases: () => [empty('/api/protocols/plan', { edition: 'seed-2020', category: 'close_contact', start: TODAY }, false)],
  },
  'GET /api/jurisdictions/roots': { cases: () => [empty('/api/jurisdictions/roots')] },
  'GET /api/jurisdictions/search': {
    cases: () => [empty('/api/jurisdictions/search', { q: '湖塘' }), empty('/api/jurisdictions/search', { q: '320412100' })],
  },
  'GET /api/jurisdictions/:id': {
    cases: (a) => [refused(`/api/jurisdictions/${a.townId}`), refused(`/api/jurisdictions/${a.villageId}`)],
  },
  'GET /api/jurisdictions/:id/children': {
    cases: (a) => [
      refused(`/api/jurisdictions/${a.townId}/children`),
      // The county above both towns: its children include town A. The owner (an admin of town A) cannot list it either.
      { ...refused(`/api/jurisdictions/${a.countyId}/children`), control: false },
    ],
  },
  'GET /api/places': {
    cases: (a) => [
      refused(`/api/places?jurisdictionId=${a.villageId}`),
      empty('/api/places', { q: 'A-1' }),
      empty('/api/places', { parentPlaceId: a.householdId }, false),
    ],
  },
  'GET /api/places/:id': { cases: (a) => [refused(`/api/places/${a.householdId}`), refused(`/api/places/${a.siteId}`)] },
  'GET /api/persons': {
    cases: (a) => [
      refused(`/api/persons?jurisdictionId=${a.villageId}`),
      empty('/api/persons', { q: a.idNumber }),
      empty('/api/persons', { q: a.phone }),
      empty('/api/persons', { q: a.personName }),
    ],
  },
  'GET /api/persons/:id': { cases: (a) => [refused(`/api/persons/${a.personId}?purpose=walk`)] },
  'POST /api/persons': { cases: (a) => [refused('/api/persons', newPerson(a.villageId))] },
  'PATCH /api/persons/:id': { cases: (a) => [refused(`/api/persons/${a.personId}`, { name: '改名', reason: '越界修改' })] },
  'GET /api/users': { cases: () => [empty('/api/users', { q: 'grid-a' }), empty('/api/users', { pageSize: '200' })] },
  'POST /api/users': {
    cases: (a) => [
      refused('/api/users', {
        username: 'planted-a',
        displayName: '越界',
        password: 'planted-pass-2026',
        role: 'grid_worker',
        jurisdictionId: a.villageId,
      }),
    ],
  },
  'PATCH /api/users/:id': { cases: (a) => [refused(`/api/users/${a.gridUserId}`, { disabled: true, reason: '越界停用' })] },
  'POST /api/users/:id/reset-password': { cases: (a) => [refused(`/api/users/${a.gridUserId}/reset-password`, { reason: '越界重置' })] },
  'POST /api/users/:id/roles': {
    cases: (a) => [
      refused(`/api/users/${a.gridUserId}/roles`, { role: 'town_cadre', jurisdictionId: a.townBId }),
      refused(`/api/users/${a.walkerId}/roles`, { role: 'town_cadre', jurisdictionId: a.townId }),
    ],
  },
  'DELETE /api/users/:id/roles/:assignmentId': { cases: (a) => [refused(`/api/users/${a.gridUserId}/roles/${a.assignmentId}`)] },
  'GET /api/audit': {
    cases: (a) => [
      empty('/api/audit', { pageSize: '200' }),
      empty('/api/audit', { entityId: a.personId }),
      empty('/api/audit', { actor: 'admin-a' }),
    ],
  },
  'GET /api/key-persons/episodes': { cases: () => [empty('/api/key-persons/episodes')] },
  'POST /api/key-persons/episodes': {
    cases: (a) => [
      refused('/api/key-persons/episodes', { personId: a.personId, category: 'close_contact', startDate: TODAY }),
      // B's own person, placed into a room of A's quarantine site.
      refused('/api/key-persons/episodes', {
        personId: a.bPersonId,
        category: 'close_contact',
        startDate: TODAY,
        siteId: a.siteId,
        roomId: a.roomId,
      }),
    ],
  },
  'GET /api/key-persons/episodes/:id': { cases: (a) => [refused(`/api/key-persons/episodes/${a.episodeId}`)] },
  'POST /api/key-persons/episodes/:id/observations': {
    cases: (a) => [refused(`/api/key-persons/episodes/${a.episodeId}/observations`, { observedAt: NOW, temperature: 36.5, symptoms: [] })],
  },
  'PATCH /api/key-persons/schedule-items/:id': {
    cases: (a) => [refused(`/api/key-persons/schedule-items/${a.scheduleItemId}`, { sampledAt: NOW, result: 'negative' })],
  },
  'GET /api/key-persons/episodes/:id/release': { cases: (a) => [refused(`/api/key-persons/episodes/${a.episodeId}/release`)] },
  'POST /api/key-persons/episodes/:id/release/signatures': {
    cases: (a) => [refused(`/api/key-persons/episodes/${a.episodeId}/release/signatures`, { role: 'assigned_cadre' })],
  },
  'GET /api/key-persons/work-list': {
    cases: (a) => [
      empty('/api/key-persons/work-list', { date: TODAY }),
      empty('/api/key-persons/work-list', { date: TODAY, siteId: a.siteId }, false),
    ],
  },
  'GET /api/key-persons/persons/:id/timeline': { cases: (a) => [refused(`/api/key-persons/persons/${a.personId}/timeline`)] },
  'POST /api/key-persons/episodes/:id/transfers': {
    cases: (a) => [refused(`/api/key-persons/episodes/${a.episodeId}/transfers`, { toJurisdictionId: a.villageBId, reason: '越界调入' })],
  },
  'GET /api/key-persons/transfers': { cases: () => [empty('/api/key-persons/transfers')] },
  'POST /api/key-persons/transfers/:id/accept': {
    cases: (a) => [refused(`/api/key-persons/transfers/${a.transferId}/accept`, {})],
  },
  'POST /api/key-persons/transfers/:id/return': {
    cases: (a) => [refused(`/api/key-persons/transfers/${a.transferId}/return`, { reason: '越界退回' })],
  },
  'POST /api/key-persons/episodes/:id/conversions': {
    cases: (a) => [
      refused(`/api/key-persons/episodes/${a.episodeId}/conversions`, { category: 'confirmed', startDate: TODAY, reason: '越界转归' }),
    ],
  },
  'GET /api/key-persons/imports/template': { exception: 'static file: the empty roster template (its example row is sample text)' },
  'POST /api/key-persons/imports': {
    cases: (a) => [
      { ...refused('/api/key-persons/imports'), query: { jurisdictionId: a.villageId, wait: 'true' }, upload: a.rosterA },
      // B's own upload whose row names a village of A: a row error, nothing written in A.
      {
        ...empty('/api/key-persons/imports', { jurisdictionId: a.villageBId, wait: 'true' }, false),
        status: 202,
        upload: a.rosterBIntoA,
        says: /"created":0,.*"code":"unknownJurisdiction"/,
      },
    ],
  },
  'GET /api/key-persons/imports/:id': { cases: (a) => [refused(`/api/key-persons/imports/${a.importId}`)] },
  'GET /api/key-persons/episodes/:id/release-notice.pdf': {
    // Not released, so the owner gets 404 too: no control.
    cases: (a) => [
      { ...refused(`/api/key-persons/episodes/${a.episodeId}/release-notice.pdf`), query: { purpose: '越界打印' }, control: false },
    ],
  },
  'GET /api/codes/keys': { exception: 'public: the public keys that verify health codes offline' },
  'POST /api/codes/verify': { exception: 'public: answers validity and colour of the token it is given, never who it is' },
  'GET /api/persons/:id/code': { cases: (a) => [refused(`/api/persons/${a.personId}/code`)] },
  'GET /api/persons/:id/code/history': { cases: (a) => [refused(`/api/persons/${a.personId}/code/history`)] },
  'POST /api/persons/:id/code-changes': {
    cases: (a) => [
      refused(`/api/persons/${a.personId}/code-changes`, {
        toColour: 'red',
        basisKind: 'record',
        basisRef: `episode:${a.episodeId}`,
        basisNote: '越界赋码',
      }),
    ],
  },
  'GET /api/code-changes': { cases: () => [empty('/api/code-changes')] },
  'POST /api/code-changes/:id/approve': { cases: (a) => [refused(`/api/code-changes/${a.codeChangeId}/approve`, {})] },
  'POST /api/code-changes/:id/reject': { cases: (a) => [refused(`/api/code-changes/${a.codeChangeId}/reject`, { reason: '越界驳回' })] },
  'GET /api/appeals': { cases: () => [empty('/api/appeals')] },
  'POST /api/appeals/:id/decide': {
    cases: (a) => [refused(`/api/appeals/${a.appealId}/decide`, { decision: 'upheld', reason: '越界裁决', toColour: 'green' })],
  },
  'GET /api/persons/:id/paper-code.pdf': {
    cases: (a) => [{ ...refused(`/api/persons/${a.personId}/paper-code.pdf`), query: { purpose: '越界打印' } }],
  },
  'GET /api/key-persons/assignable-users': {
    cases: (a) => [{ ...refused('/api/key-persons/assignable-users'), query: { jurisdictionId: a.villageId } }],
  },
  'PATCH /api/key-persons/episodes/:id/assignment': {
    cases: (a) => [refused(`/api/key-persons/episodes/${a.episodeId}/assignment`, { assignedCadreId: a.walkerId, reason: '越界指定' })],
  },
  'GET /api/key-persons/exports/release-table.xlsx': {
    cases: () => [empty('/api/key-persons/exports/release-table.xlsx', { date: TODAY, purpose: '越界导出' }, false)],
  },
  'GET /api/assist-requests': { cases: () => [empty('/api/assist-requests')] },
  'POST /api/assist-requests/:id/accept': {
    cases: (a) => [
      refused(`/api/assist-requests/${a.assistId}/accept`, {}),
      // B's own request, accepted into a village of A.
      { ...refused(`/api/assist-requests/${a.bAssistId}/accept`, { jurisdictionId: a.villageId }), status: 400 },
    ],
  },
  'POST /api/assist-requests/:id/return': { cases: (a) => [refused(`/api/assist-requests/${a.assistId}/return`, { reason: '越界退回' })] },
  'GET /api/quarantine-sites': { cases: () => [empty('/api/quarantine-sites')] },
  'GET /api/quarantine-sites/:id': { cases: (a) => [refused(`/api/quarantine-sites/${a.siteId}`)] },
  'POST /api/quarantine-sites/:id/rooms': {
    cases: (a) => [refused(`/api/quarantine-sites/${a.siteId}/rooms`, { prefix: 'X', count: 1, beds: 1 })],
  },
  'GET /api/testing/lab-results/template': { exception: 'static: an empty template with the import columns, no data of any jurisdiction' },
  'GET /api/testing/labs': { cases: () => [empty('/api/testing/labs', undefined, false)] },
  'GET /api/cases': { cases: () => [empty('/api/cases')] },
  'GET /api/cases/board': { cases: () => [empty('/api/cases/board', undefined, false)] },
  'GET /api/cases/:id': { cases: (a) => [refused(`/api/cases/${a.caseId}`)] },
  'GET /api/cases/:id/trajectory': { cases: (a) => [refused(`/api/cases/${a.caseId}/trajectory?purpose=walk`)] },
  'POST /api/cases/:id/trajectory/:pointId/spot': {
    cases: (a) => [refused(`/api/cases/${a.caseId}/trajectory/${a.trajectoryPointId}/spot`, { action: 'sealed' })],
  },
  'GET /api/cases/:id/investigators': { cases: (a) => [refused(`/api/cases/${a.caseId}/investigators`)] },
  'GET /api/cases/:id/investigation-report.pdf': {
    cases: (a) => [refused(`/api/cases/${a.caseId}/investigation-report.pdf?purpose=walk`)],
  },
  'GET /api/cases/:id/report-card.pdf': { cases: (a) => [refused(`/api/cases/${a.caseId}/report-card.pdf?purpose=walk`)] },
  'GET /api/cases/:id/report-card': { cases: (a) => [refused(`/api/cases/${a.caseId}/report-card`)] },
  'GET /api/response-levels/:id': { cases: (a) => [refused(`/api/response-levels/${a.townId}`)] },
  'POST /api/response-levels/:id/proposals': {
    cases: (a) => [
      refused(`/api/response-levels/${a.townId}/proposals`, {
        to: 'III',
        basis: 'trigger',
        reason: '越界提议',
        assessment: completeAssessment(),
      }),
    ],
  },
  'POST /api/response-levels/:id/reassessments': {
    cases: (a) => [
      refused(`/api/response-levels/${a.townId}/reassessments`, {
        conclusion: 'maintain',
        assessment: completeAssessment(['trendAnalysis', 'effectEvaluation']),
        note: '越界研判',
      }),
    ],
  },
  'POST /api/response-level-changes/:id/confirmations': {
    cases: (a) => [
      refused(`/api/response-level-changes/${a.responseChangeId}/confirmations`, { body: 'district', decision: 'confirmed', note: '越界' }),
    ],
  },
  'POST /api/response-level-changes/:id/approve': {
    cases: (a) => [refused(`/api/response-level-changes/${a.responseChangeId}/approve`, {})],
  },
  'POST /api/response-level-changes/:id/file': {
    cases: (a) => [refused(`/api/response-level-changes/${a.responseChangeId}/file`, { reference: '越界备案' })],
  },
  'POST /api/response-level-changes/:id/reject': {
    cases: (a) => [refused(`/api/response-level-changes/${a.responseChangeId}/reject`, { reason: '越界驳回' })],
  },
  'POST /api/cases/suggest': { exception: 'pure rule: classifies the findings in the body, reads and writes nothing' },
  'POST /api/cases': { cases: (a) => [refused('/api/cases', { personId: a.personId, classification: 'suspected', source: 'manual' })] },
  'POST /api/cases/:id/classify': {
    cases: (a) => [refused(`/api/cases/${a.caseId}/classify`, { classification: 'excluded', reason: '越界订正' })],
  },
  'POST /api/cases/:id/report': {
    cases: (a) => [refused(`/api/cases/${a.caseId}/report`, { reportingUnit: '乙单位', reportingDoctor: '乙医生' })],
  },
  'POST /api/cases/:id/end': { cases: (a) => [refused(`/api/cases/${a.caseId}/end`, { ending: 'discharged', at: NOW })] },
  'PATCH /api/cases/:id/investigation': { cases: (a) => [refused(`/api/cases/${a.caseId}/investigation`, { complete: true })] },
  'POST /api/cases/:id/trajectory': {
    cases: (a) => [refused(`/api/cases/${a.caseId}/trajectory`, { placeText: '越界地点', fromAt: NOW, toAt: NOW, source: 'interview' })],
  },
  'POST /api/cases/:id/trajectory/:pointId/remove': {
    cases: (a) => [refused(`/api/cases/${a.caseId}/trajectory/${a.trajectoryPointId}/remove`, { reason: '越界删除' })],
  },
  'GET /api/tracing/cases/:caseId/candidates': { cases: (a) => [refused(`/api/tracing/cases/${a.caseId}/candidates`)] },
  'GET /api/tracing/cases/:caseId/contacts': { cases: (a) => [refused(`/api/tracing/cases/${a.caseId}/contacts`)] },
  'POST /api/tracing/cases/:caseId/contacts': {
    cases: (a) => [refused(`/api/tracing/cases/${a.caseId}/contacts`, { personId: a.bPersonId, category: 'close_contact' })],
  },
  'POST /api/tracing/cases/:caseId/rejections': {
    cases: (a) => [refused(`/api/tracing/cases/${a.caseId}/rejections`, { personId: a.bPersonId, note: '越界排除' })],
  },
  'GET /api/tracing/events': { cases: () => [empty('/api/tracing/events')] },
  'POST /api/tracing/events': {
    cases: (a) => [
      refused('/api/tracing/events', { name: '越界聚会', kind: 'gathering', fromAt: NOW, toAt: NOW, participantIds: [a.personId] }),
    ],
  },
  'GET /api/tracing/events/:id': { cases: (a) => [refused(`/api/tracing/events/${a.eventId}`)] },
  'PUT /api/tracing/events/:id': {
    cases: (a) => [
      refused(`/api/tracing/events/${a.eventId}`, { name: '越界修改', kind: 'gathering', fromAt: NOW, toAt: NOW, participantIds: [] }),
    ],
  },
  'DELETE /api/tracing/events/:id': { cases: (a) => [refused(`/api/tracing/events/${a.eventId}`)] },
  'GET /api/chains': { cases: () => [empty('/api/chains')] },
  'GET /api/chains/:id': { cases: (a) => [refused(`/api/chains/${a.caseId}`)] },
  'GET /api/chains/serial-interval': { cases: () => [empty('/api/chains/serial-interval', undefined, false)] },
  'GET /api/clusters': { cases: () => [empty('/api/clusters', undefined, false)] },
  'GET /api/tracing/follow-up': { cases: () => [empty('/api/tracing/follow-up', undefined, false)] },
  'GET /api/alerts': { cases: () => [empty('/api/alerts')] },
  'GET /api/alerts/badge': { cases: () => [empty('/api/alerts/badge', undefined, false)] },
  'POST /api/alerts/:id/resolve': { cases: (a) => [refused(`/api/alerts/${a.alertId}/resolve`, { reason: '越界处置' })] },
  'POST /api/testing/campaigns': {
    cases: (a) => [refused('/api/testing/campaigns', { name: '越界检测', jurisdictionId: a.villageId, startsAt: NOW })],
  },
  'GET /api/testing/campaigns': { cases: () => [empty('/api/testing/campaigns')] },
  'GET /api/testing/campaigns/:id': { cases: (a) => [refused(`/api/testing/campaigns/${a.campaignId}`)] },
  'PUT /api/testing/campaigns/:id/zones': {
    cases: (a) => [
      refused(`/api/testing/campaigns/${a.campaignId}/zones`, { jurisdictionId: a.villageId, zoneType: 'sealed_zone', household: true }),
    ],
  },
  'POST /api/testing/campaigns/:id/collection-points': {
    cases: (a) => [
      refused(`/api/testing/campaigns/${a.campaignId}/collection-points`, {
        name: '越界采样点',
        jurisdictionId: a.villageId,
        opensAt: '07:00',
        closesAt: '19:00',
        staff: 1,
        expectedResidents: 1,
      }),
    ],
  },
  'POST /api/testing/campaigns/:id/close': { cases: (a) => [refused(`/api/testing/campaigns/${a.campaignId}/close`)] },
  'GET /api/testing/campaigns/:id/progress': { cases: (a) => [refused(`/api/testing/campaigns/${a.campaignId}/progress`)] },
  'GET /api/testing/campaigns/:id/unsampled': { cases: (a) => [refused(`/api/testing/campaigns/${a.campaignId}/unsampled`)] },
  'GET /api/testing/campaigns/:id/dashboard': { cases: (a) => [refused(`/api/testing/campaigns/${a.campaignId}/dashboard`)] },
  'POST /api/testing/collection-points/:id/scans': {
    cases: (a) => [refused(`/api/testing/collection-points/${a.pointId}/scans`, { barcode: 'WALK-B-0001', personId: a.personId })],
  },
  'POST /api/testing/tubes/close': { cases: (a) => [refused('/api/testing/tubes/close', { barcode: a.openTubeBarcode })] },
  'POST /api/testing/samples': {
    cases: (a) => [refused('/api/testing/samples', { personId: a.personId, barcode: 'WALK-B-0002', purpose: 'voluntary' })],
  },
  'POST /api/testing/lab-results': {
    // B's lab reports a result for A's tube: an unknown barcode to B, nothing written in A.
    cases: (a) => [
      {
        ...empty('/api/testing/lab-results', undefined, false),
        body: { labName: '乙实验室', results: [{ barcode: a.openTubeBarcode, result: 'positive' }] },
        says: /"created":0,.*"code":"unknownBarcode"/,
      },
    ],
  },
  'POST /api/testing/lab-results/imports': {
    cases: (a) => [
      {
        ...empty('/api/testing/lab-results/imports', { wait: 'true' }, false),
        status: 202,
        upload: a.labFileA,
        says: /"created":0,.*"code":"unknownBarcode"/,
      },
    ],
  },
  'GET /api/testing/lab-results/imports/:id': { cases: (a) => [refused(`/api/testing/lab-results/imports/${a.labImportId}`)] },
  'GET /api/testing/turnaround': { cases: () => [empty('/api/testing/turnaround')] },
  'GET /api/testing/lab-results/lookup': { cases: () => [refused('/api/testing/lab-results/lookup?barcode=WALK-A-0002')] },
  'POST /api/testing/lab-result-corrections': {
    // B asks to correct A's resulted tube: an unknown barcode to B (and A's pending correction would refuse a second one).
    cases: () => [refused('/api/testing/lab-result-corrections', { barcode: 'WALK-A-0002', result: 'negative', reason: '越界更正' })],
  },
  'GET /api/testing/lab-result-corrections': {
    cases: () => [empty('/api/testing/lab-result-corrections'), empty('/api/testing/lab-result-corrections', { status: 'pending' })],
  },
  'POST /api/testing/lab-result-corrections/:id/approve': {
    cases: (a) => [refused(`/api/testing/lab-result-corrections/${a.correctionId}/approve`, {})],
  },
  'POST /api/testing/lab-result-corrections/:id/reject': {
    cases: (a) => [refused(`/api/testing/lab-result-corrections/${a.correctionId}/reject`, { reason: '越界驳回' })],
  },
  'GET /api/testing/overview': {
    cases: (a) => [empty('/api/testing/overview'), { ...refused('/api/testing/overview'), query: { jurisdictionId: a.villageId } }],
  },
  'GET /api/testing/tubes/:id/members': { cases: (a) => [refused(`/api/testing/tubes/${a.openTubeId}/members`)] },
  'GET /api/testing/reports/daily': {
    cases: (a) => [
      empty('/api/testing/reports/daily', { date: TODAY }),
      { ...refused('/api/testing/reports/daily'), query: { date: TODAY, jurisdictionId: a.villageId } },
    ],
  },
  // A workbook: the owner's control cannot search its zipped cells, so none.
  'GET /api/testing/reports/daily.xlsx': {
    cases: (a) => [
      empty('/api/testing/reports/daily.xlsx', { date: TODAY, purpose: '越界导出' }, false),
      { ...refused('/api/testing/reports/daily.xlsx'), query: { date: TODAY, purpose: '越界导出', jurisdictionId: a.villageId } },
    ],
  },
  // Counts per group only: the owner's answer names nothing of A either, so no control.
  'GET /api/testing/groups': { cases: () => [empty('/api/testing/groups', undefined, false)] },
  'GET /api/testing/groups/:group/members': { cases: () => [empty('/api/testing/groups/medical_staff/members')] },
  'POST /api/testing/groups/:group/members': {
    cases: (a) => [refused('/api/testing/groups/close_contact/members', { personId: a.personId })],
  },
  'POST /api/testing/group-members/:id/leave': {
    cases: (a) => [refused(`/api/testing/group-members/${a.groupMemberId}/leave`, { reason: '越界移出' })],
  },
  'POST /api/testing/environment/samples': {
    cases: (a) => [
      refused('/api/testing/environment/samples', {
        placeId: a.marketId,
        barcode: 'WALK-B-ENV1',
        specimenKind: 'environment_surface',
      }),
    ],
  },
  'GET /api/testing/environment/samples': {
    cases: (a) => [
      empty('/api/testing/environment/samples'),
      empty('/api/testing/environment/samples', { batchNumber: a.environmentBatch }),
    ],
  },
  'GET /api/testing/environment/samples/:id': { cases: (a) => [refused(`/api/testing/environment/samples/${a.environmentSampleId}`)] },
  'GET /api/testing/environment/due': {
    cases: (a) => [empty('/api/testing/environment/due'), refused(`/api/testing/environment/due?jurisdictionId=${a.villageId}`)],
  },
  'GET /api/testing/environment/risks': {
    cases: (a) => [
      empty('/api/testing/environment/risks', { includeCleared: 'true' }),
      refused(`/api/testing/environment/risks?jurisdictionId=${a.townId}`),
    ],
  },
  'GET /api/testing/environment/batches/:batchNumber': {
    cases: (a) => [empty(`/api/testing/environment/batches/${a.environmentBatch}`)],
  },
  'POST /api/testing/fever-clinic/visits': {
    cases: (a) => [refused('/api/testing/fever-clinic/visits', { personId: a.personId, placeId: a.feverClinicId, barcode: 'WALK-B-FEV1' })],
  },
  'GET /api/testing/fever-clinic/visits': {
    cases: (a) => [
      empty('/api/testing/fever-clinic/visits'),
      empty('/api/testing/fever-clinic/visits', { status: 'open' }),
      refused(`/api/testing/fever-clinic/visits?jurisdictionId=${a.villageId}`),
    ],
  },
  'GET /api/testing/fever-clinic/visits/:id': { cases: (a) => [refused(`/api/testing/fever-clinic/visits/${a.feverVisitId}`)] },
  'PUT /api/testing/fever-clinic/visits/:id/orders/:item': {
    cases: (a) => [refused(`/api/testing/fever-clinic/visits/${a.feverVisitId}/orders/ct`, { result: 'normal' })],
  },
  'POST /api/testing/fever-clinic/visits/:id/close': {
    cases: (a) => [refused(`/api/testing/fever-clinic/visits/${a.feverVisitId}/close`, { disposition: 'symptomatic_treatment' })],
  },
  'POST /api/testing/environment/tasks/:id/close': {
    cases: (a) => [refused(`/api/testing/environment/tasks/${a.environmentTaskId}/close`, { note: '越界办结' })],
  },
  'GET /api/testing/group-imports/template': { exception: 'static file: the empty roster template (its example row is sample text)' },
  'POST /api/testing/group-imports': {
    cases: (a) => [
      { ...refused('/api/testing/group-imports'), query: { jurisdictionId: a.villageId, wait: 'true' }, upload: a.groupFileA },
      // B's own upload whose row names A's person: a row error, nothing written in A.
      {
        ...empty('/api/testing/group-imports', { jurisdictionId: a.villageBId, wait: 'true' }, false),
        status: 202,
        upload: a.groupFileA,
        says: /"created":0,.*"code":"personOutsideScope"/,
      },
    ],
  },
  'GET /api/testing/group-imports/:id': { cases: (a) => [refused(`/api/testing/group-imports/${a.groupImportId}`)] },
  'GET /api/testing/persons/:id/results': { cases: (a) => [refused(`/api/testing/persons/${a.personId}/results`)] },
  'POST /api/testing/samples/:id/certificate': { cases: (a) => [refused(`/api/testing/samples/${a.resultedSampleId}/certificate`)] },
  'GET /api/testing/certificates/:token': {
    exception: 'public: verifies a certificate by its unguessable token; answers the masked name, the result and its times only',
  },
  // Resident pages: the walker's account stands for no person, and a resident reaches only their own
  // person or a dependant held after the identity check (residents.test.ts walks a real resident); the
  // owner has no person either, so no control.
  'POST /api/residents/register': {
    exception:
      'public: opens an account only when ID, name and registry phone match; one answer for every refusal, rate-limited per address',
  },
  'POST /api/residents/register/code': {
    exception:
      'public: sends a code to the registry phone only when ID, name and phone match; one answer for every refusal, rate-limited per address and per phone',
  },
  'GET /api/me': { cases: () => [{ path: '/api/me', expect: 'refused' }] },
  ...Object.fromEntries(
    ['code', 'code-history', 'results', 'declarations', 'arrivals', 'appeals'].map((what) => [
      `GET /api/me/persons/:personId/${what}`,
      { cases: (a: TownA) => [{ path: `/api/me/persons/${a.personId}/${what}`, expect: 'refused' as const }] },
    ]),
  ),
  'POST /api/me/persons/:personId/declarations': {
    cases: (a) => [{ path: `/api/me/persons/${a.personId}/declarations`, expect: 'refused', body: { temperature: 36.5, symptoms: [] } }],
  },
  'POST /api/me/persons/:personId/arrivals': {
    cases: (a) => [
      {
        path: `/api/me/persons/${a.personId}/arrivals`,
        expect: 'refused',
        body: { inbound: true, fromPlace: '越界', fromRiskLevel: 'low', expectedArrival: '2020-03-05' },
      },
    ],
  },
  'POST /api/me/persons/:personId/arrivals/:id/arrived': {
    cases: (a) => [{ path: `/api/me/persons/${a.personId}/arrivals/${a.personId}/arrived`, expect: 'refused' }],
  },
  'POST /api/me/persons/:personId/appeals': {
    cases: (a) => [{ path: `/api/me/persons/${a.personId}/appeals`, expect: 'refused', body: { reason: '越界申诉' } }],
  },
  'GET /api/me/dependants': { cases: () => [{ path: '/api/me/dependants', expect: 'refused' }] },
  'POST /api/me/dependants': {
    // A's ID number and name with a wrong phone: refused, and the answer names nothing of A.
    cases: (a) => [
      {
        path: '/api/me/dependants',
        expect: 'refused',
        body: { idType: 'resident_id', idNumber: a.idNumber, name: a.personName, relation: 'other', phone: '13800000000' },
      },
    ],
  },
  'POST /api/me/dependants/:id/revoke': { cases: (a) => [{ path: `/api/me/dependants/${a.personId}/revoke`, expect: 'refused' }] },
  'POST /api/me/dependants/:id/consent-code': {
    cases: (a) => [{ path: `/api/me/dependants/${a.personId}/consent-code`, expect: 'refused' }],
  },
  'POST /api/me/dependants/:id/consent': {
    cases: (a) => [{ path: `/api/me/dependants/${a.personId}/consent`, expect: 'refused', body: { code: '123456' } }],
  },
  'GET /api/me/proxies': { cases: () => [{ path: '/api/me/proxies', expect: 'refused' }] },
  'POST /api/me/proxies/:id/consent': { cases: (a) => [{ path: `/api/me/proxies/${a.personId}/consent`, expect: 'refused' }] },
  'POST /api/me/proxies/:id/revoke': { cases: (a) => [{ path: `/api/me/proxies/${a.personId}/revoke`, expect: 'refused' }] },
  'GET /api/checkpoints': { cases: () => [empty('/api/checkpoints')] },
  'POST /api/checkpoints/:id/scans': { cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/scans`, { token: 'a.b.c' })] },
  'GET /api/checkpoints/:id/entry-regime': { cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/entry-regime`)] },
  'POST /api/checkpoints/:id/entry-checks': {
    cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/entry-checks`, { temperatureCelsius: 36.5, masked: true })],
  },
  'POST /api/checkpoints/:id/outsiders': {
    cases: (a) => [
      refused(`/api/checkpoints/${a.checkpointId}/outsiders`, {
        name: '越界外来',
        idType: 'resident_id',
        idNumber: residentId('19900101', 977, '420106'),
        fromPlace: '湖北省武汉市',
        reason: '探亲',
        destinationHouseholdId: a.householdId,
      }),
    ],
  },
  'POST /api/checkpoints/:id/devices': { cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/devices`, { name: '越界平板' })] },
  'GET /api/checkpoints/:id/devices': { cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/devices`)] },
  'POST /api/checkpoints/:id/devices/:deviceId/revoke': {
    cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/devices/${a.deviceId}/revoke`)],
  },
  // Device-authenticated (x-device-key): a user session carries no device key, and a key writes only at its own checkpoint.
  'POST /api/scans/batch': {
    cases: (a) => [
      {
        ...refused('/api/scans/batch', { scans: [{ sequence: 1, scannedAt: NOW, personId: a.personId, decision: 'allow' }] }),
        status: 401,
        control: false,
      },
    ],
  },
  'GET /api/checkpoints/:id/shifts': { cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/shifts`)] },
  'PUT /api/checkpoints/:id/shifts': {
    cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/shifts`, { shiftDate: TODAY, shift: 'night', staff: [{ name: '越界' }] })],
  },
  'POST /api/passes': { cases: (a) => [refused('/api/passes', { householdId: a.householdId })] },
  'GET /api/passes': { cases: () => [empty('/api/passes')] },
  'POST /api/passes/:id/revoke': { cases: (a) => [refused(`/api/passes/${a.passId}/revoke`, { reason: '越界收回' })] },
  'POST /api/checkpoints/:id/pass-uses': {
    cases: (a) => [refused(`/api/checkpoints/${a.checkpointId}/pass-uses`, { passNumber: a.passNumber, direction: 'out' })],
  },
  'POST /api/places/:id/code': { cases: (a) => [refused(`/api/places/${a.checkpointId}/code`)] },
  'GET /api/place-codes': { cases: () => [empty('/api/place-codes')] },
  'GET /api/place-codes/:id/poster': { cases: (a) => [refused(`/api/place-codes/${a.placeCodeId}/poster`)] },
  'GET /api/risk-areas': { cases: () => [empty('/api/risk-areas', { show: 'all' })] },
  'GET /api/risk-areas/assessment': {
    cases: (a) => [empty('/api/risk-areas/assessment'), refused(`/api/risk-areas/assessment?jurisdictionId=${a.townId}`)],
  },
  'POST /api/risk-areas': { cases: (a) => [refused('/api/risk-areas', { jurisdictionId: a.townId })] },
  'POST /api/risk-areas/:id/confirm': {
    cases: (a) => [refused(`/api/risk-areas/${a.riskAreaId}/confirm`, { level: 'high', note: '越界确认' })],
  },
  'POST /api/risk-areas/:id/publish': {
    cases: (a) => [refused(`/api/risk-areas/${a.riskAreaId}/publish`, { issuingAuthority: '乙镇指挥部', publicationRef: '越界发布' })],
  },
  'GET /api/control-zones': { cases: () => [empty('/api/control-zones')] },
  'GET /api/control-zones/suggestion': {
    cases: (a) => [{ ...refused(`/api/control-zones/suggestion?caseId=${a.caseId}&outbreakType=sporadic`), control: false }],
  },
  'POST /api/control-zones': {
    cases: (a) => [
      refused('/api/control-zones', {
        name: '越界封控区',
        kind: 'control_area',
        zoneType: 'sealed_zone',
        basisKind: 'decision',
        basisRef: '越界决定',
        basisNote: '越界划定',
        units: [{ kind: 'jurisdiction', id: a.villageId }],
      }),
    ],
  },
  'GET /api/control-zones/:id': { cases: (a) => [refused(`/api/control-zones/${a.zoneId}`)] },
  'POST /api/control-zones/:id/lift': {
    cases: (a) => [refused(`/api/control-zones/${a.zoneId}/lift`, { override: true, reason: '越界解封' })],
  },
  'GET /api/zone-map': { cases: (a) => [empty('/api/zone-map'), refused(`/api/zone-map?jurisdictionId=${a.townId}`)] },
  'GET /api/reports/templates': {
    // The country's versions apply in B too; A's own version (its id) must not show, nor A as a place to list at.
    cases: (a) => [empty('/api/reports/templates'), refused(`/api/reports/templates?jurisdictionId=${a.townId}`)],
  },
  'GET /api/reports/templates/:id': { cases: (a) => [refused(`/api/reports/templates/${a.reportTemplateId}`)] },
  'POST /api/reports/templates/:id/versions': {
    cases: (a) => [
      refused(`/api/reports/templates/${a.reportScreeningTemplateId}/versions`, {
        jurisdictionId: a.townId,
        deadlineTime: '08:00',
        reason: '越界发布',
      }),
      refused(`/api/reports/templates/${a.reportTemplateId}/versions`, {
        jurisdictionId: a.townBId,
        deadlineTime: '08:00',
        reason: '越界发布',
      }),
    ],
  },
  'GET /api/reports/templates/:id/blank.xlsx': { cases: (a) => [refused(`/api/reports/templates/${a.reportTemplateId}/blank.xlsx`)] },
  'GET /api/reports/due': { cases: () => [empty('/api/reports/due', { date: TODAY })] },
  'GET /api/reports/prefill': {
    cases: (a) => [refused(`/api/reports/prefill?templateId=${a.reportScreeningTemplateId}&unitId=${a.villageId}&period=${TODAY}`)],
  },
  'POST /api/reports/submissions': {
    cases: (a) => [
      refused('/api/reports/submissions', { templateId: a.reportScreeningTemplateId, unitId: a.villageId, period: TODAY, zero: true }),
      refused('/api/reports/submissions', {
        templateId: a.reportScreeningTemplateId,
        unitId: a.villageId,
        period: TODAY,
        zero: true,
        signature: { password: 'test-password-2026', sealHolder: '越界' },
      }),
    ],
  },
  'POST /api/reports/submissions/:id/sign': {
    cases: (a) => [refused(`/api/reports/submissions/${a.reportDraftId}/sign`, { password: 'test-password-2026', sealHolder: '越界' })],
  },
  'POST /api/reports/submissions/upload': {
    cases: (a) => [
      {
        ...refused('/api/reports/submissions/upload'),
        query: { templateId: a.reportScreeningTemplateId, unitId: a.villageId, period: TODAY },
        upload: a.reportTableA,
      },
    ],
  },
  'GET /api/reports/submissions': { cases: (a) => [refused(`/api/reports/submissions?unitId=${a.villageId}`)] },
  'GET /api/reports/submissions/:id': {
    cases: (a) => [refused(`/api/reports/submissions/${a.reportSubmissionId}`), refused(`/api/reports/submissions/${a.reportDraftId}`)],
  },
  'GET /api/reports/submissions/:id/table.xlsx': {
    cases: (a) => [refused(`/api/reports/submissions/${a.reportSubmissionId}/table.xlsx?purpose=walk`)],
  },
  'GET /api/reports/submissions/:id/print.pdf': {
    cases: (a) => [refused(`/api/reports/submissions/${a.reportSubmissionId}/print.pdf?purpose=walk`)],
  },
  // A workbook: the owner's control cannot search its zipped cells, so none.
  'GET /api/reports/exports/collected.xlsx': {
    cases: (a) => [
      empty('/api/reports/exports/collected.xlsx', { templateCode: 'returnee_screening', date: TODAY, purpose: '越界导出' }, false),
      refused(`/api/reports/exports/collected.xlsx?templateCode=returnee_screening&date=${TODAY}&purpose=walk&jurisdictionId=${a.townId}`),
    ],
  },
  'GET /api/reports/board': {
    cases: (a) => [empty('/api/reports/board', { date: TODAY }), refused(`/api/reports/board?date=${TODAY}&jurisdictionId=${a.townId}`)],
  },
  'GET /api/reports/aggregate': {
    cases: (a) => [
      empty('/api/reports/aggregate', { templateCode: 'returnee_screening', date: TODAY }),
      refused(`/api/reports/aggregate?templateCode=returnee_screening&date=${TODAY}&jurisdictionId=${a.villageId}`),
    ],
  },
  // Command (issue 13): the organization of town A's headquarters, its tasks and its inspection.
  'GET /api/command/templates': { cases: () => [empty('/api/command/templates', undefined, false)] },
  'GET /api/command/headquarters': { cases: () => [empty('/api/command/headquarters')] },
  'POST /api/command/headquarters': {
    cases: (a) => [{ ...refused('/api/command/headquarters', { jurisdictionId: a.villageId }), status: 400 }],
  },
  'GET /api/command/headquarters/:id': { cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}`)] },
  'PATCH /api/command/headquarters/:id': {
    cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}`, { name: '越界指挥部', reason: '越界修改' })],
  },
  'GET /api/command/headquarters/:id/groups.xlsx': {
    cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}/groups.xlsx?purpose=walk`)],
  },
  'POST /api/command/headquarters/:id/groups': {
    cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}/groups`, { nameZh: '越界组' })],
  },
  'PATCH /api/command/working-groups/:id': {
    cases: (a) => [refused(`/api/command/working-groups/${a.workingGroupId}`, { nameZh: '越界组', reason: '越界修改' })],
  },
  'GET /api/command/working-groups/:id/revisions': { cases: (a) => [refused(`/api/command/working-groups/${a.workingGroupId}/revisions`)] },
  'POST /api/command/headquarters/:id/expert-groups': {
    cases: (a) => [
      refused(`/api/command/headquarters/${a.headquartersId}/expert-groups`, {
        kind: 'epidemic_control',
        level: 'town',
        nameZh: '越界专家组',
      }),
    ],
  },
  'PATCH /api/command/expert-groups/:id': {
    cases: (a) => [refused(`/api/command/expert-groups/${a.expertGroupId}`, { established: false, reason: '越界修改' })],
  },
  'GET /api/command/org-units': {
    cases: (a) => [empty('/api/command/org-units'), empty('/api/command/org-units', { jurisdictionId: a.townId })],
  },
  'POST /api/command/org-units': {
    cases: (a) => [{ ...refused('/api/command/org-units', { jurisdictionId: a.townId, name: '越界单位' }), status: 400 }],
  },
  'POST /api/command/roster-members': {
    cases: (a) => [
      { ...refused('/api/command/roster-members', { headquartersId: a.headquartersId, name: '越界', role: 'member' }), status: 400 },
    ],
  },
  'PATCH /api/command/roster-members/:id': {
    cases: (a) => [refused(`/api/command/roster-members/${a.rosterMemberId}`, { name: '越界', reason: '越界修改' })],
  },
  'DELETE /api/command/roster-members/:id': { cases: (a) => [refused(`/api/command/roster-members/${a.rosterMemberId}`)] },
  'GET /api/command/headquarters/:id/people': { cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}/people`)] },
  'POST /api/key-persons/expected-arrivals': {
    cases: (a) => [
      {
        ...refused('/api/key-persons/expected-arrivals', {
          jurisdictionId: a.townId,
          feedReference: '越界线索',
          persons: [
            {
              idType: 'resident_id',
              idNumber: residentId('19850101', 977),
              name: '越界入境',
              origin: '越界',
              expectedArrivalDate: '2030-01-01',
            },
          ],
        }),
        status: 400,
      },
    ],
  },
  'GET /api/key-persons/expected-arrivals': {
    cases: (a) => [empty('/api/key-persons/expected-arrivals'), empty('/api/key-persons/expected-arrivals', { jurisdictionId: a.townId })],
  },
  'POST /api/key-persons/expected-arrivals/:id/arrived': {
    cases: (a) => [refused(`/api/key-persons/expected-arrivals/${a.expectedArrivalId}/arrived`, {})],
  },
  'POST /api/key-persons/expected-arrivals/:id/cancel': {
    cases: (a) => [refused(`/api/key-persons/expected-arrivals/${a.expectedArrivalId}/cancel`, { reason: '越界' })],
  },
  'GET /api/command/headquarters/:id/leader-travel': {
    cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}/leader-travel`)],
  },
  'POST /api/command/roster-members/:id/travel-requests': {
    cases: (a) => [
      refused(`/api/command/roster-members/${a.leaderId}/travel-requests`, {
        destination: '越界',
        reason: '越界请示',
        departAt: '2030-01-01T00:00:00.000Z',
        returnAt: '2030-01-02T00:00:00.000Z',
      }),
    ],
  },
  'POST /api/command/travel-requests/:id/decision': {
    cases: (a) => [refused(`/api/command/travel-requests/${a.travelRequestId}/decision`, { approve: true })],
  },
  'POST /api/command/travel-requests/:id/withdraw': {
    cases: (a) => [refused(`/api/command/travel-requests/${a.travelRequestId}/withdraw`)],
  },
  'GET /api/command/headquarters/:id/duty': {
    cases: (a) => [refused(`/api/command/headquarters/${a.headquartersId}/duty?from=${TODAY}&to=${TODAY}`)],
  },
  'PUT /api/command/headquarters/:id/duty': {
    cases: (a) => [
      refused(`/api/command/headquarters/${a.headquartersId}/duty`, {
        dutyDate: TODAY,
        shift: 'day',
        officerRosterMemberIds: [a.rosterMemberId],
      }),
    ],
  },
  'GET /api/tasks': {
    cases: (a) => [
      empty('/api/tasks'),
      empty('/api/tasks', { headquartersId: a.headquartersId }),
      empty('/api/tasks', { unitId: a.orgUnitId }),
      empty('/api/tasks', { workingGroupId: a.workingGroupId }),
    ],
  },
  'GET /api/tasks/mine': { cases: () => [empty('/api/tasks/mine')] },
  'GET /api/tasks/assignable-users': {
    cases: (a) => [{ ...refused('/api/tasks/assignable-users'), query: { jurisdictionId: a.villageId }, status: 400 }],
  },
  'GET /api/tasks/:id': { cases: (a) => [refused(`/api/tasks/${a.commandTaskId}`)] },
  'GET /api/tasks/:id/evidence/:evidenceId': { cases: (a) => [refused(`/api/tasks/${a.commandTaskId}/evidence/${a.evidenceId}`)] },
  'POST /api/tasks': {
    cases: (a) => [
      {
        ...refused('/api/tasks', {
          jurisdictionId: a.villageId,
          title: '越界任务',
          dueAt: '2020-03-02T10:00:00+08:00',
          workingGroupId: a.workingGroupId,
        }),
        status: 400,
      },
      // B's own community, given to A's group: refused naming the group.
      {
        ...refused('/api/tasks', {
          jurisdictionId: a.villageBId,
          title: '越界任务',
          dueAt: '2020-03-02T10:00:00+08:00',
          workingGroupId: a.workingGroupId,
        }),
        status: 400,
        says: /"field":"workingGroupId"/,
      },
    ],
  },
  'POST /api/tasks/:id/close': { cases: (a) => [refused(`/api/tasks/${a.commandTaskId}/close`, { note: '越界办结' })] },
  'POST /api/tasks/:id/evidence': {
    cases: (a) => [{ ...refused(`/api/tasks/${a.commandTaskId}/evidence`), upload: PNG_EVIDENCE, contentType: 'image/png' }],
  },
  'GET /api/supervisions': { cases: () => [empty('/api/supervisions')] },
  'POST /api/supervisions': {
    cases: (a) => [
      {
        ...refused('/api/supervisions', {
          headquartersId: a.headquartersId,
          jurisdictionId: a.villageId,
          method: 'routine',
          subject: '越界督查',
          inspectedAt: NOW,
        }),
        status: 400,
      },
    ],
  },
  'GET /api/supervisions/:id': { cases: (a) => [refused(`/api/supervisions/${a.supervisionId}`)] },
  'POST /api/supervisions/:id/findings': {
    cases: (a) => [
      refused(`/api/supervisions/${a.supervisionId}/findings`, {
        description: '越界问题',
        responsibleUnitId: a.orgUnitId,
        rectificationDueAt: '2020-03-03T10:00:00+08:00',
      }),
    ],
  },
  'POST /api/supervision-findings/:id/rechecks': {
    cases: (a) => [refused(`/api/supervision-findings/${a.findingId}/rechecks`, { passed: true, note: '越界复查' })],
  },
  'GET /api/accountability': { cases: () => [empty('/api/accountability')] },
  'GET /api/accountability/units/:id': { cases: (a) => [refused(`/api/accountability/units/${a.orgUnitId}`)] },
  'POST /api/accountability/records': {
    cases: (a) => [
      {
        ...refused('/api/accountability/records', {
          orgUnitId: a.orgUnitId,
          kind: 'accountability',
          basis: '越界问责',
          decidedBy: '乙',
          decidedOn: TODAY,
        }),
        status: 400,
      },
    ],
  },
  // Response levels → tasks, command overview (issue 13, helper levels).
  'POST /api/response-levels/:id/measure-tasks': {
    cases: (a) => [refused(`/api/response-levels/${a.townId}/measure-tasks`)],
  },
  'GET /api/command/overview': {
    cases: (a) => [refused(`/api/command/overview?jurisdictionId=${a.townId}`)],
  },
  // Supplies and preparedness (issue 15 parts 4 and 6): town A's stock, disinfection, facilities, plans and drills.
  'GET /api/supplies/stock': {
    cases: (a) => [empty('/api/supplies/stock'), refused(`/api/supplies/stock?jurisdictionId=${a.townId}`)],
  },
  'POST /api/supplies/stock': {
    cases: (a) => [
      {
        ...refused('/api/supplies/stock', {
          jurisdictionId: a.townId,
          holderKind: 'town',
          holderName: '越界',
          item: 'sprayer',
          unit: '台',
          quantity: 1,
        }),
        status: 400,
      },
    ],
  },
  'POST /api/supplies/stock/:id/movements': {
    cases: (a) => [refused(`/api/supplies/stock/${a.stockItemId}/movements`, { kind: 'issue', quantity: 1 })],
  },
  'GET /api/supplies/stock/:id/movements': { cases: (a) => [refused(`/api/supplies/stock/${a.stockItemId}/movements`)] },
  'GET /api/supplies/readiness': {
    cases: (a) => [empty('/api/supplies/readiness'), refused(`/api/supplies/readiness?jurisdictionId=${a.townId}`)],
  },
  'GET /api/supplies/disinfection': {
    cases: (a) => [empty('/api/supplies/disinfection'), refused(`/api/supplies/disinfection?jurisdictionId=${a.townId}`)],
  },
  'POST /api/supplies/disinfection': {
    cases: (a) => [
      {
        ...refused('/api/supplies/disinfection', { jurisdictionId: a.townId, placeKind: 'residential_community', placeName: '越界' }),
        status: 400,
      },
    ],
  },
  'POST /api/supplies/disinfection/:id/records': {
    cases: (a) => [refused(`/api/supplies/disinfection/${a.disinfectionScheduleId}/records`, {})],
  },
  'GET /api/preparedness/items': {
    cases: (a) => [empty('/api/preparedness/items'), refused(`/api/preparedness/items?jurisdictionId=${a.townId}`)],
  },
  'POST /api/preparedness/items': {
    cases: (a) => [
      {
        ...refused('/api/preparedness/items', { jurisdictionId: a.townId, kind: 'service_point', name: '越界', status: 'ready' }),
        status: 400,
      },
    ],
  },
  'PATCH /api/preparedness/items/:id': {
    cases: (a) => [refused(`/api/preparedness/items/${a.preparationItemId}`, { status: 'not_started' })],
  },
  'GET /api/preparedness/plans': {
    cases: (a) => [empty('/api/preparedness/plans'), refused(`/api/preparedness/plans?jurisdictionId=${a.townId}`)],
  },
  'POST /api/preparedness/plans': {
    cases: (a) => [
      {
        ...refused('/api/preparedness/plans', {
          jurisdictionId: a.townId,
          title: '越界预案',
          level: 'general',
          issuedBy: '乙',
          issuedOn: TODAY,
          reviewDueOn: '2021-01-01',
        }),
        status: 400,
      },
    ],
  },
  'GET /api/preparedness/exercises': {
    cases: (a) => [empty('/api/preparedness/exercises'), refused(`/api/preparedness/exercises?jurisdictionId=${a.townId}`)],
  },
  'POST /api/preparedness/exercises': {
    cases: (a) => {
      const drill = { kind: 'drill', title: '越界演练', heldOn: TODAY, expected: 1, attended: 1, findings: '越界' };
      return [
        { ...refused('/api/preparedness/exercises', { ...drill, jurisdictionId: a.townId }), status: 400 },
        { ...refused('/api/preparedness/exercises', { ...drill, jurisdictionId: a.townBId, planId: a.planId }), status: 400 },
      ];
    },
  },
  // Information release and public opinion (issue 15 part 5).
  'GET /api/information/releases': { cases: () => [empty('/api/information/releases')] },
  'GET /api/information/releases/:id': { cases: (a) => [refused(`/api/information/releases/${a.releaseDraftId}`)] },
  'POST /api/information/releases': {
    cases: (a) => [
      {
        ...refused('/api/information/releases', {
          jurisdictionId: a.villageId,
          kind: 'notice',
          title: '越界通告',
          body: '越界',
          audience: 'public',
          channels: ['platform'],
        }),
        status: 400,
        says: /jurisdictionId/,
      },
    ],
  },
  'PATCH /api/information/releases/:id': {
    cases: (a) => [
      refused(`/api/information/releases/${a.releaseDraftId}`, { title: '越界', body: '越界', audience: 'public', channels: ['platform'] }),
    ],
  },
  'POST /api/information/releases/:id/submit': { cases: (a) => [refused(`/api/information/releases/${a.releaseDraftId}/submit`)] },
  'POST /api/information/releases/:id/approve': {
    cases: (a) => [refused(`/api/information/releases/${a.releaseSubmittedId}/approve`, { note: '越界' })],
  },
  'POST /api/information/releases/:id/reject': {
    cases: (a) => [refused(`/api/information/releases/${a.releaseSubmittedId}/reject`, { reason: '越界' })],
  },
  'POST /api/information/releases/:id/publish': { cases: (a) => [refused(`/api/information/releases/${a.releaseSubmittedId}/publish`)] },
  'POST /api/information/releases/:id/withdraw': {
    cases: (a) => [refused(`/api/information/releases/${a.releaseSubmittedId}/withdraw`, { reason: '越界' })],
  },
  'GET /api/information/daily-outbreak': {
    cases: (a) => [{ ...refused('/api/information/daily-outbreak'), query: { jurisdictionId: a.townId }, status: 400, control: false }],
  },
  // INFO-007: another town's early-warning signal is an unknown one, named under signalId.
  'GET /api/information/warning-draft': {
    cases: (a) => [{ ...refused('/api/information/warning-draft'), query: { signalId: a.signalId }, status: 400, says: /signalId/ }],
  },
  'GET /api/information/interviews': { cases: () => [empty('/api/information/interviews')] },
  'POST /api/information/interviews': {
    cases: (a) => [
      {
        ...refused('/api/information/interviews', { jurisdictionId: a.villageId, outlet: '越界', topic: '越界', interviewee: '越界' }),
        status: 400,
      },
    ],
  },
  'POST /api/information/interviews/:id/decision': {
    cases: (a) => [refused(`/api/information/interviews/${a.interviewId}/decision`, { approve: true })],
  },
  'GET /api/opinions': { cases: () => [empty('/api/opinions')] },
  'POST /api/opinions': {
    cases: (a) => [
      { ...refused('/api/opinions', { jurisdictionId: a.villageId, kind: 'rumour', source: 'wechat', summary: '越界' }), status: 400 },
    ],
  },
  'POST /api/opinions/:id/respond': { cases: (a) => [refused(`/api/opinions/${a.opinionId}/respond`, { response: '越界' })] },
  'POST /api/opinions/:id/close': { cases: (a) => [refused(`/api/opinions/${a.opinionId}/close`, { outcome: 'clarified' })] },
  'GET /api/public/notices': {
    exception:
      'public (no sign-in, INFO-005): only published items meant for the public, with their text, issuing place and time; no drafter, approver or personal data',
  },
  // B's own notices over B's home: none of A's (A's items are drafts, in A's community).
  'GET /api/me/notices': { cases: () => [empty('/api/me/notices', undefined, false)] },
  // Institutions (issue 16)
  'GET /api/institutions': { cases: () => [empty('/api/institutions'), empty('/api/institutions', { kind: 'school' })] },
  'POST /api/institutions': {
    cases: (a) => [
      {
        ...refused('/api/institutions', { kind: 'pharmacy', name: '越界药房', code: 'B-INTO-A', jurisdictionId: a.villageId, profile: {} }),
        status: 400,
        says: /jurisdictionId/,
      },
    ],
  },
  'POST /api/event-permits': {
    cases: (a) => [
      {
        ...refused('/api/event-permits', {
          kind: 'meeting',
          title: '越界会议',
          organizer: '乙',
          jurisdictionId: a.villageId,
          eventDate: '2099-01-02',
          attendees: 5,
          plan: '越界',
        }),
        status: 400,
        says: /jurisdictionId/,
      },
    ],
  },
  'GET /api/event-permits': { cases: () => [empty('/api/event-permits'), empty('/api/event-permits', { status: 'pending' })] },
  'POST /api/event-permits/:id/decide': {
    cases: (a) => [refused(`/api/event-permits/${a.eventPermitId}/decide`, { approve: false })],
  },
  'POST /api/institutions/:id/guests': {
    cases: (a) => [
      refused(`/api/institutions/${a.hotelInstitutionId}/guests`, {
        name: '越界住客',
        idType: 'resident_id',
        idNumber: residentId('19820808', 435),
        fromPlace: '常州市',
      }),
    ],
  },
  'GET /api/hotel-guests': {
    cases: (a) => [empty('/api/hotel-guests'), refused(`/api/hotel-guests?institutionId=${a.hotelInstitutionId}`)],
  },
  'POST /api/hotel-guests/:id/reveal': { cases: (a) => [refused(`/api/hotel-guests/${a.hotelGuestId}/reveal`, { purpose: '越界' })] },
  'GET /api/pharmacy-sales/outbox': { cases: () => [{ ...empty('/api/pharmacy-sales/outbox', undefined, false), says: /"pending":0/ }] },
  'POST /api/pharmacy-sales/share': {
    cases: () => [
      {
        ...empty('/api/pharmacy-sales/share', undefined, false),
        body: { recipient: 'provincial_platform', purpose: '越界上报' },
        says: /"count":0/,
      },
    ],
  },
  'GET /api/institution-imports/template': { exception: 'static file: the empty registry template (its example row is sample text)' },
  'POST /api/institution-imports': {
    cases: (a) => [
      { ...refused('/api/institution-imports'), query: { jurisdictionId: a.villageId, wait: 'true' }, upload: a.institutionFileA },
      // B's own upload whose row names A's community: a row error, nothing written in A.
      {
        ...empty('/api/institution-imports', { jurisdictionId: a.villageBId, wait: 'true' }, false),
        status: 202,
        upload: a.institutionFileA,
        says: /"created":0,.*"code":"unknownJurisdiction"/,
      },
    ],
  },
  'GET /api/institution-imports/:id': { cases: (a) => [refused(`/api/institution-imports/${a.institutionImportId}`)] },
  'PUT /api/institutions/:id/reporter': {
    cases: (a) => [refused(`/api/institutions/${a.schoolInstitutionId}/reporter`, { reporterUserId: null })],
  },
  'GET /api/institutions/:id': { cases: (a) => [refused(`/api/institutions/${a.schoolInstitutionId}`)] },
  'POST /api/institutions/:id/duty-records': {
    cases: (a) => [refused(`/api/institutions/${a.schoolInstitutionId}/duty-records`, { dutyId: 'school.daily_report', done: true })],
  },
  'POST /api/institutions/:id/health-checks': {
    cases: (a) => [
      refused(`/api/institutions/${a.schoolInstitutionId}/health-checks`, { session: 'noon', present: 1, absent: 0, feverish: 0 }),
    ],
  },
  'POST /api/institutions/:id/absences': {
    cases: (a) => [refused(`/api/institutions/${a.schoolInstitutionId}/absences`, { name: '越界', reason: 'fever' })],
  },
  'POST /api/institutions/:id/visit-counts': {
    cases: (a) => [refused(`/api/institutions/${a.schoolInstitutionId}/visit-counts`, { feverClinicVisits: 1, primaryCareVisits: 1 })],
  },
  'POST /api/institutions/:id/incidents': {
    cases: (a) => [refused(`/api/institutions/${a.schoolInstitutionId}/incidents`, { finding: 'confirmed_case' })],
  },
  'POST /api/institutions/:id/pharmacy-sales': {
    cases: (a) => [
      refused(`/api/institutions/${a.pharmacyInstitutionId}/pharmacy-sales`, {
        buyerName: '越界',
        buyerIdNumber: residentId('19790909', 423),
        buyerPhone: '13800002222',
        drugName: '布洛芬',
        drugClass: 'fever',
        quantity: 1,
      }),
    ],
  },
  'GET /api/pharmacy-sales': {
    cases: (a) => [empty('/api/pharmacy-sales'), empty('/api/pharmacy-sales', { institutionId: a.pharmacyInstitutionId })],
  },
  'POST /api/pharmacy-sales/:id/reveal': {
    cases: (a) => [refused(`/api/pharmacy-sales/${a.pharmacySaleId}/reveal`, { purpose: '越界查看' })],
  },
  'GET /api/institution-tasks': {
    cases: (a) => [empty('/api/institution-tasks'), refused(`/api/institution-tasks?institutionId=${a.pharmacyInstitutionId}`)],
  },
  'GET /api/institution-sentinels': { cases: () => [empty('/api/institution-sentinels', undefined, false)] },
  // community daily work (issue 16 §7)
  'GET /api/community/risk-places': {
    exception: 'public notices: the published risk grades (medium and high) anywhere, the travel places of the screening form',
  },
  'GET /api/community/communities': { cases: () => [empty('/api/community/communities')] },
  'GET /api/community/mode': {
    cases: (a) => [{ path: '/api/community/mode', query: { jurisdictionId: a.villageId }, expect: 'refused', control: true }],
  },
  'GET /api/community/rounds': {
    cases: (a) => [
      empty('/api/community/rounds'),
      { path: '/api/community/rounds', query: { jurisdictionId: a.villageId }, expect: 'refused' },
    ],
  },
  'POST /api/community/rounds': { cases: (a) => [refused('/api/community/rounds', { jurisdictionId: a.villageId, name: '越界排查' })] },
  'GET /api/community/rounds/:id': { cases: (a) => [refused(`/api/community/rounds/${a.screeningRoundId}`)] },
  'POST /api/community/rounds/:id/close': { cases: (a) => [refused(`/api/community/rounds/${a.screeningRoundId}/close`)] },
  'POST /api/community/rounds/:id/visits': {
    cases: (a) => [
      refused(`/api/community/rounds/${a.screeningRoundId}/visits`, { householdId: a.householdId, outcome: 'not_home', people: [] }),
    ],
  },
  'GET /api/community/six-ones': {
    cases: (a) => [{ path: '/api/community/six-ones', query: { jurisdictionId: a.villageId }, expect: 'refused', control: true }],
  },
  'PUT /api/community/six-ones': {
    cases: (a) => [refused('/api/community/six-ones', { jurisdictionId: a.villageId, duty: 'one_team', done: true })],
  },
  'GET /api/community/gatherings': { cases: () => [empty('/api/community/gatherings')] },
  'POST /api/community/gatherings': {
    cases: (a) => [
      refused('/api/community/gatherings', {
        jurisdictionId: a.villageId,
        kind: 'funeral',
        eventDate: TODAY,
        simplified: true,
        attendees: 5,
        organizer: '越界',
      }),
    ],
  },
  'GET /api/community/supply-requests': { cases: () => [empty('/api/community/supply-requests')] },
  'POST /api/community/supply-requests': {
    cases: (a) => [refused('/api/community/supply-requests', { householdId: a.householdId, items: '越界大米' })],
  },
  'POST /api/community/entry-ledger': {
    cases: (a) => [
      refused('/api/community/entry-ledger', {
        jurisdictionId: a.villageId,
        subject: 'vehicle',
        plate: '苏D-WALK-B',
        purpose: '越界',
        masked: true,
        temperature: 36.5,
        escortUserId: a.walkerId,
      }),
    ],
  },
  'POST /api/community/entry-ledger/:id/close': { cases: (a) => [refused(`/api/community/entry-ledger/${a.entryLedgerId}/close`, {})] },
  'GET /api/community/entry-ledger': {
    cases: (a) => [empty('/api/community/entry-ledger'), refused(`/api/community/entry-ledger?jurisdictionId=${a.villageId}`)],
  },
  'POST /api/community/reports': {
    cases: (a) => [
      refused('/api/community/reports', {
        jurisdictionId: a.villageId,
        kind: 'unregistered_outsider',
        description: '越界',
        whereabouts: '越界',
      }),
    ],
  },
  'GET /api/community/reports': {
    cases: (a) => [empty('/api/community/reports'), refused(`/api/community/reports?jurisdictionId=${a.villageId}`)],
  },
  'POST /api/community/reports/:id/found': {
    cases: (a) => [
      refused(`/api/community/reports/${a.communityReportId}/found`, {
        householdId: a.householdId,
        name: '越界',
        idType: 'resident_id',
        idNumber: residentId('19700101', 977),
        fromPlace: '越界',
      }),
    ],
  },
  'POST /api/community/reports/:id/not-found': {
    cases: (a) => [refused(`/api/community/reports/${a.communityReportId}/not-found`, { note: '越界' })],
  },
  'POST /api/community/reports/:id/refer': {
    cases: (a) => [refused(`/api/community/reports/${a.communityReportId}/refer`, { policeStation: '越界' })],
  },
  // A resident reports to their own community only: the walker holds no resident grant.
  'POST /api/me/outsider-reports': {
    cases: () => [{ path: '/api/me/outsider-reports', expect: 'refused', body: { description: '越界', whereabouts: '越界' } }],
  },
  'POST /api/community/supply-requests/:id/deliver': {
    cases: (a) => [refused(`/api/community/supply-requests/${a.supplyRequestId}/deliver`, {})],
  },
  'POST /api/community/supply-requests/:id/cancel': {
    cases: (a) => [refused(`/api/community/supply-requests/${a.supplyRequestId}/cancel`, {})],
  },
  'POST /api/assist-requests': {
    // An address in town A, received by B: it can only be routed inside B's own scope. Last in the walk,
    // because B's own request then holds A's place names, which would look like a leak in later lists.
    cases: () => [
      {
        ...empty('/api/assist-requests', undefined, false),
        body: { ...assistRequest('越界协查', residentId('19760606', 137)), address: '湖塘镇甲社区7幢701室' },
        status: 201,
        says: /"jurisdictionName":"(牛塘镇|乙社区)"/,
      },
    ],
  },
  // Protocols as data (issue 14 part 3): town A's draft profile; B may neither see it nor draft one for A.
  'GET /api/protocols/plan-in-force': {
    cases: (a) => [
      { ...refused('/api/protocols/plan-in-force'), query: { jurisdictionId: a.villageId, category: 'close_contact', start: TODAY } },
    ],
  },
  'GET /api/protocols/documents': { cases: () => [empty('/api/protocols/documents')] },
  'GET /api/protocols/documents/:id': { cases: (a) => [refused(`/api/protocols/documents/${a.protocolDocumentId}`)] },
  'GET /api/protocols/documents/:id/preview': { cases: (a) => [refused(`/api/protocols/documents/${a.protocolDocumentId}/preview`)] },
  'GET /api/protocols/documents/:id/export': { cases: (a) => [refused(`/api/protocols/documents/${a.protocolDocumentId}/export`)] },
  'GET /api/protocols/shipped/:key/export': {
    exception: 'static: an edition or profile compiled with the platform, no jurisdiction’s data',
  },
  'POST /api/protocols/documents': {
    cases: (a) => [{ ...refused('/api/protocols/documents', { document: homeObservationProfile(a.townCode, 'walk-by-b') }), status: 400 }],
  },
  'PUT /api/protocols/documents/:id': {
    cases: (a) => [
      refused(`/api/protocols/documents/${a.protocolDocumentId}`, { document: homeObservationProfile(a.townCode, 'walk-by-b') }),
    ],
  },
  'POST /api/protocols/documents/:id/approve': {
    cases: (a) => [refused(`/api/protocols/documents/${a.protocolDocumentId}/approve`, { basis: '越界审批' })],
  },
  'POST /api/protocols/documents/:id/activate': {
    cases: (a) => [refused(`/api/protocols/documents/${a.protocolDocumentId}/activate`, {})],
  },
  // dashboard and early warning (issue 17)
  'GET /api/dashboard': { cases: (a) => [refused(`/api/dashboard?jurisdictionId=${a.townId}`)] },
  // Issue 17 §5: the chart data workbook and the daily situation reports (DAILY-007).
  'GET /api/dashboard/export.xlsx': { cases: (a) => [refused(`/api/dashboard/export.xlsx?jurisdictionId=${a.townId}&chart=sentinel`)] },
  'GET /api/dashboard/situation-reports': {
    cases: (a) => [empty('/api/dashboard/situation-reports'), refused(`/api/dashboard/situation-reports?jurisdictionId=${a.townId}`)],
  },
  'GET /api/dashboard/situation-reports/:id/report.pdf': {
    cases: (a) => [refused(`/api/dashboard/situation-reports/${a.situationReportId}/report.pdf`)],
  },
  'GET /api/early-warning/signals': {
    cases: (a) => [empty('/api/early-warning/signals'), refused(`/api/early-warning/signals?jurisdictionId=${a.townId}`)],
  },
  'POST /api/early-warning/signals/:id/acknowledge': {
    cases: (a) => [refused(`/api/early-warning/signals/${a.signalId}/acknowledge`, { note: '越界接收' })],
  },
  'POST /api/early-warning/signals/:id/close': {
    cases: (a) => [refused(`/api/early-warning/signals/${a.signalId}/close`, { outcome: 'false_alarm', note: '越界关闭' })],
  },
};

const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

function methodOf(key: string) {
  return key.split(' ')[0] ?? 'GET';
}

function urlOf(walk: WalkCase) {
  return walk.query ? `${walk.path}?${new URLSearchParams(walk.query)}` : walk.path;
}

/** The answer as text to search: a spreadsheet is unzipped into its cell values. */
async function readable(reply: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }): Promise<string> {
  if (!String(reply.headers['content-type']).startsWith(XLSX_MIME)) return reply.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(reply.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
  return cells.join('\n');
}

async function send(app: App, client: TestClient, key: string, walk: WalkCase) {
  if (walk.upload) {
    return app.inject({
      method: 'POST',
      url: urlOf(walk),
      headers: { ...client.headers, 'content-type': walk.contentType ?? XLSX_MIME },
      payload: walk.upload,
    });
  }
  return app.inject({
    method: methodOf(key) as 'GET',
    url: urlOf(walk),
    headers: client.headers,
    ...(walk.body ? { payload: walk.body } : {}),
  });
}

/**
 * A digest of every table that must not change while B walks: all of them but the audit trail and
 * sessions, leaving out rows inside B's own town (B may write there, e.g. an import job of its own).
 */
async function snapshot(runtime: TestRuntime, bPath: string): Promise<Record<string, string>> {
  const db = runtime.deps.database.db;
  const tables = await queryRows<{ name: string; scoped: boolean }>(
    db,
    sql`select t.tablename as name, exists (select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.tablename and c.column_name = 'jurisdiction_path') as scoped
        from pg_tables t where t.schemaname = 'public' and t.tablename not in ('audit_event', 'session') order by 1`,
  );
  const result: Record<string, string> = {};
  for (const { name, scoped } of tables) {
    const where = scoped ? sql` where t.jurisdiction_path is null or t.jurisdiction_path not like ${`${bPath}%`}` : sql``;
    const [row] = await queryRows<{ digest: string }>(
      db,
      sql`select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t${where}`,
    );
    result[name] = row?.digest ?? '';
  }
  return result;
}

describe('scope walk: a town-B user reaches nothing of town A through any route', () => {
  let runtime: TestRuntime;
  let a: TownA;
  let owner: TestClient;
  let walker: TestClient;
  let walkerGrants: Awaited<ReturnType<typeof grantsOfUser>>;
  let secrets: string[];
  let before_: Record<string, string>;
  let auditBefore: number;
  let bPath: string;

  async function setUp(): Promise<TownA> {
    const deps = runtime.deps;
    deps.clock = () => new Date(NOW);
    const { county, townA, villageA, townB, villageB } = await addTwoTowns(deps);
    const household = await addHousehold(deps, villageA, 'A-1-101');
    const grid = await addUser(deps, 'grid-a', 'grid_worker', villageA.id);
    const medic = await addUser(deps, 'medic-a', 'assigned_medic', villageA.id);
    await addUser(deps, 'admin-a', 'system_admin', townA.id);
    const walkerUser = await addUser(deps, 'walker-b', 'town_cadre', townB.id);
    const [assignment] = await grantsOfUser(deps.database.db, grid.id);
    const site = await insertPlace(deps.database.db, {
      kind: 'quarantine_site',
      name: '甲隔离点',
      code: 'SITE-A',
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
    });
    owner = await loginAs(runtime.app, 'admin-a');
    const ok = async (method: string, url: string, body?: unknown) => {
      const reply = await owner.request(method, url, body);
      assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
      return reply.json() as Record<string, unknown>;
    };
    const idNumber = residentId('19850312', 231);
    const person = await ok('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber,
      name: '甲某人',
      phone: '13912345678',
      address: '湖塘镇甲社区1幢101室',
      jurisdictionId: villageA.id,
      householdId: household.id,
    });
    await ok('POST', `/api/quarantine-sites/${site.id}/rooms`, { prefix: 'AROOM', count: 2, beds: 1 });
    const rooms = (await ok('GET', `/api/quarantine-sites/${site.id}`)).rooms as { id: string }[];
    // SC-13: one expected inbound person of town A's police lead, with a bed reserved at A's site.
    const expected = await ok('POST', '/api/key-persons/expected-arrivals', {
      jurisdictionId: townA.id,
      feedReference: '甲公安线索',
      persons: [
        { idType: 'resident_id', idNumber: residentId('19860606', 468), name: '甲入境', origin: '韩国', expectedArrivalDate: TODAY },
      ],
    });
    const episode = await ok('POST', '/api/key-persons/episodes', {
      personId: person.id,
      category: 'close_contact',
      startDate: TODAY,
      assignedCadreId: grid.id,
      assignedMedicId: medic.id,
    });
    const episodeId = String(episode.id);
    await ok('POST', `/api/key-persons/episodes/${episodeId}/observations`, { observedAt: NOW, temperature: 38.6, symptoms: ['发热'] });
    const detail = await ok('GET', `/api/key-persons/episodes/${episodeId}`);
    const alerts = (await ok('GET', '/api/alerts')).items as { id: string }[];
    // A transfer inside town A (village → town), pending: B must neither see nor decide it.
    const transfer = ROUTES['POST /api/key-persons/episodes/:id/transfers']
      ? await ok('POST', `/api/key-persons/episodes/${episodeId}/transfers`, { toJurisdictionId: townA.id, reason: '镇内调整' })
      : null;
    const rosterA = await roster('甲名单人', residentId('19810101', 357));
    const imported = await runtime.app.inject({
      method: 'POST',
      url: `/api/key-persons/imports?jurisdictionId=${villageA.id}&wait=true`,
      headers: { ...owner.headers, 'content-type': XLSX_MIME },
      payload: rosterA,
    });
    assert.equal(imported.statusCode, 202, imported.body);
    const assist = await ok('POST', '/api/assist-requests', {
      ...assistRequest('甲协查人', residentId('19750505', 113)),
      address: '湖塘镇甲社区5幢501室',
    });
    const market = await insertPlace(deps.database.db, {
      kind: 'market',
      name: '甲社区农贸市场',
      code: 'MKT-A',
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
    });
    const feverClinic = await insertPlace(deps.database.db, {
      kind: 'fever_clinic',
      name: '甲社区卫生服务中心发热门诊',
      code: 'FEVER-A',
      jurisdictionId: villageA.id,
      jurisdictionPath: villageA.path,
    });
    const testing = await testingWalkFixture(runtime.app, owner, {
      villageId: villageA.id,
      personId: String(person.id),
      personName: '甲某人',
      idNumber,
      staffIdNumber: residentId('19830303', 219),
      marketId: market.id,
      feverClinicId: feverClinic.id,
      now: NOW,
    });
    const closed = await closedManagementWalkFixture(deps, owner, {
      villageId: villageA.id,
      villagePath: villageA.path,
      householdId: household.id,
      today: TODAY,
    });
    const codes = await codeWalkFixture(deps, owner, { personId: String(person.id), episodeId, villagePath: villageA.path, now: NOW });
    const zones = await zoneWalkFixture(owner, { townId: townA.id, villageId: villageA.id });
    const reports = await reportWalkFixture(owner, { townId: townA.id, villageId: villageA.id, today: TODAY });
    const command = await commandWalkFixture(runtime.app, owner, { townId: townA.id, villageId: villageA.id, now: NOW });
    const protocols = await protocolWalkFixture(owner, { townCode: townA.code });
    const supplies = await supplyWalkFixture(owner, { townId: townA.id, today: TODAY });
    const information = await informationWalkFixture(owner, { villageId: villageA.id });
    // Institutions (issue 16)
    const institutions = await institutionWalkFixture(owner, { villageId: villageA.id, villageCode: villageA.code, app: runtime.app });
    const community = await communityWalkFixture(deps, owner, {
      villageId: villageA.id,
      villagePath: villageA.path,
      householdId: household.id,
      today: TODAY,
      escortUserId: grid.id,
    });
    const dashboard = await dashboardWalkFixture(deps, villageA, townA);
    const casePerson = await ok('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800808', 333),
      name: '甲病例',
      jurisdictionId: villageA.id,
    });
    const responseChange = await ok('POST', `/api/response-levels/${townA.id}/proposals`, {
      to: 'IV',
      basis: 'trigger',
      reason: '甲镇启动四级响应',
      assessment: completeAssessment(),
    });
    const opened = await ok('POST', '/api/cases', {
      personId: casePerson.id,
      classification: 'suspected',
      source: 'manual',
      onsetDate: TODAY,
    });
    const point = await ok('POST', `/api/cases/${String(opened.id)}/trajectory`, {
      placeText: '甲社区农贸市场',
      fromAt: `${TODAY}T08:00:00+08:00`,
      toAt: `${TODAY}T09:00:00+08:00`,
      source: 'interview',
    });
    const event = await ok('POST', '/api/tracing/events', {
      name: '甲社区聚餐',
      kind: 'gathering',
      fromAt: `${TODAY}T08:00:00+08:00`,
      toAt: `${TODAY}T09:00:00+08:00`,
      participantIds: [String(casePerson.id)],
    });
    walker = await loginAs(runtime.app, 'walker-b');
    const bAssist = await walker.request('POST', '/api/assist-requests', assistRequest('乙协查人', residentId('19750505', 115)));
    assert.equal(bAssist.statusCode, 201, bAssist.body);
    const bPerson = await walker.request('POST', '/api/persons', newPerson(villageB.id));
    assert.equal(bPerson.statusCode, 201, bPerson.body);
    return {
      countyId: county.id,
      townId: townA.id,
      villageId: villageA.id,
      townBId: townB.id,
      villageBId: villageB.id,
      householdId: household.id,
      personId: String(person.id),
      personName: '甲某人',
      idNumber,
      phone: '13912345678',
      gridUserId: grid.id,
      assignmentId: assignment?.assignmentId ?? '',
      walkerId: walkerUser.id,
      bPersonId: (bPerson.json() as { id: string }).id,
      siteId: site.id,
      marketId: market.id,
      roomId: rooms[0]?.id ?? '',
      expectedArrivalId: (expected.ids as string[])[0] ?? '',
      episodeId,
      scheduleItemId: String((detail.schedule as { id: string }[])[0]?.id),
      alertId: alerts[0]?.id ?? '',
      transferId: transfer ? String(transfer.id) : null,
      importId: (imported.json() as { id: string }).id,
      assistId: String(assist.id),
      bAssistId: (bAssist.json() as { id: string }).id,
      rosterA,
      rosterBIntoA: await roster('越界名单人', residentId('19820202', 579), '320412100001'),
      caseId: String(opened.id),
      trajectoryPointId: String(point.id),
      eventId: String(event.id),
      responseChangeId: String(responseChange.id),
      ...testing,
      ...closed,
      ...codes,
      ...zones,
      ...reports,
      ...command,
      ...protocols,
      ...supplies,
      ...information,
      ...institutions,
      ...community,
      ...dashboard,
    };
  }

  before(async () => {
    runtime = await createTestRuntime();
    a = await setUp();
    // B also administers town B: every permission there, so no refusal below is a mere missing permission.
    await runtime.deps.database.db.execute(
      sql`insert into role_assignment (user_id, role, jurisdiction_id) values (${a.walkerId}, 'system_admin', ${a.townBId})`,
    );
    runtime.deps.sessions.clear();
    walker = await loginAs(runtime.app, 'walker-b');
    walkerGrants = await grantsOfUser(runtime.deps.database.db, a.walkerId);
    bPath = walkerGrants[0]?.jurisdictionPath ?? '/none/';
    // Everything of town A; the county and its id are shared ancestors, and B's own ids are B's.
    // The shipped screening template applies in both towns: it is nobody's secret.
    const mine = [a.countyId, a.townBId, a.villageBId, a.walkerId, a.bPersonId, a.bAssistId, a.reportScreeningTemplateId];
    secrets = [
      ...Object.values(a).filter((value): value is string => typeof value === 'string' && value.length > 0 && !mine.includes(value)),
      '湖塘镇',
      '甲社区',
      '320412100',
      '甲隔离点',
      '甲协查人',
      'SITE-A',
      'AROOM',
      'A-1-101',
      'grid-a',
      'medic-a',
      'admin-a',
      `${a.idNumber.slice(0, 6)}********${a.idNumber.slice(14)}`,
      '139****5678',
    ];
    before_ = await snapshot(runtime, bPath);
    auditBefore = (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select max(id)::int as n from audit_event`))[0]?.n ?? 0;
  });
  after(() => runtime.close());

  it('has a case or a stated exception for every registered route, and none for routes that are gone', () => {
    const registered = new Set(runtime.app.registeredRoutes.map(routeKey));
    const missing = [...registered].filter((key) => !(key in ROUTES));
    const stale = Object.keys(ROUTES).filter((key) => !registered.has(key));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] }, 'add the new routes to ROUTES in scope-walk.test.ts');
  });

  for (const [key, entry] of Object.entries(ROUTES)) {
    if ('exception' in entry) continue;
    it(`${key}: refused or empty for town B`, async (t) => {
      const route = runtime.app.registeredRoutes.find((r) => routeKey(r) === key);
      if (!route) return t.skip('not registered (see the first test)');
      if (route.permission !== 'public' && route.permission !== 'authenticated') {
        assert.ok(hasPermissionAnywhere(walkerGrants, route.permission as Permission), `walker lacks ${route.permission}`);
      }
      for (const walk of entry.cases(a)) {
        const reply = await send(runtime.app, walker, key, walk);
        const sent = `${urlOf(walk)} ${JSON.stringify(walk.body ?? {})}`;
        const what = `${methodOf(key)} ${urlOf(walk)} → ${reply.statusCode} ${reply.body.slice(0, 300)}`;
        if (walk.expect === 'refused') assert.ok((walk.status ? [walk.status] : [403, 404]).includes(reply.statusCode), what);
        else assert.equal(reply.statusCode, walk.status ?? 200, what);
        if (walk.says) assert.match(reply.body, walk.says, what);
        const text = await readable(reply);
        const leaked = secrets.filter((s) => !sent.includes(s) && text.includes(s));
        assert.deepEqual(leaked, [], `town A data in ${what}`);
      }
    });
  }

  it('changed nothing of town A and audited nothing in it', async () => {
    assert.deepEqual(await snapshot(runtime, bPath), before_);
    const events = await queryRows<{ action: string; jurisdiction_path: string | null; entity_id: string | null }>(
      runtime.deps.database.db,
      sql`select action, jurisdiction_path, entity_id from audit_event where id > ${auditBefore}`,
    );
    const touchingA = events.filter((e) => e.jurisdiction_path?.includes('/320412100/') || secrets.includes(e.entity_id ?? ''));
    assert.deepEqual(touchingA, []);
  });

  it('answers the same reads for the owner, with A in the lists (so each refusal above is about scope)', async () => {
    for (const [key, entry] of Object.entries(ROUTES)) {
      if ('exception' in entry) continue;
      if (methodOf(key) !== 'GET') continue;
      for (const walk of entry.cases(a).filter((w) => w.control)) {
        const reply = await send(runtime.app, owner, key, walk);
        assert.equal(reply.statusCode, 200, `${key} as owner: ${reply.body.slice(0, 200)}`);
        if (walk.expect === 'empty') {
          assert.ok(
            secrets.some((s) => reply.body.includes(s)),
            `${key} ${urlOf(walk)} shows the owner nothing of A: the case proves nothing`,
          );
        }
      }
    }
  });
});
