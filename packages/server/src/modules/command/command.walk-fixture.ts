import assert from 'node:assert/strict';
import type { App } from '../../app.ts';
import type { TestClient } from '../../testing/factories.ts';
import { PNG_EVIDENCE } from './evidence.fixture.ts';

/** Town A's command records for the scope walk (http/scope-walk.test.ts) and the route fuzzer: a town-B user must reach none of them. */
export interface CommandWalkIds {
  headquartersId: string;
  workingGroupId: string;
  expertGroupId: string;
  rosterMemberId: string;
  orgUnitId: string;
  commandTaskId: string;
  evidenceId: string;
  supervisionId: string;
  findingId: string;
  leaderId: string;
  travelRequestId: string;
}

async function ok<T>(owner: TestClient, method: string, url: string, body?: unknown): Promise<T> {
  const reply = await owner.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return reply.json() as T;
}

interface Headquarters {
  id: string;
  groups: { id: string; leadUnits: { id: string }[] }[];
  expertGroups: { id: string }[];
}

/**
 * Town A's headquarters (seed 001's seven groups), a roster entry with a phone, a task in the community given to
 * the owner with a photo as evidence, an inspection with a finding under rectification, and its principal leader's
 * travel request (SC-71).
 */
export async function commandWalkFixture(
  app: App,
  owner: TestClient,
  a: { townId: string; villageId: string; now: string },
): Promise<CommandWalkIds> {
  const hq = await ok<Headquarters>(owner, 'POST', '/api/command/headquarters', { jurisdictionId: a.townId, officeLocation: '甲镇卫生院' });
  const group = hq.groups[0];
  assert.ok(group && hq.expertGroups[0]);
  const me = await ok<{ id: string }>(owner, 'GET', '/api/auth/me');
  const member = await ok<{ id: string }>(owner, 'POST', '/api/command/roster-members', {
    headquartersId: hq.id,
    workingGroupId: group.id,
    name: '甲联络员',
    role: 'liaison',
    phone: '13700001234',
  });
  const later = (hours: number) => new Date(Date.parse(a.now) + hours * 3_600_000).toISOString();
  const task = await ok<{ id: string }>(owner, 'POST', '/api/tasks', {
    jurisdictionId: a.villageId,
    title: '甲社区排查任务',
    dueAt: later(24),
    workingGroupId: group.id,
    assigneeUserId: me.id,
  });
  const upload = await app.inject({
    method: 'POST',
    url: `/api/tasks/${task.id}/evidence?fileName=jia.png`,
    headers: { ...owner.headers, 'content-type': 'image/png' },
    payload: PNG_EVIDENCE,
  });
  assert.equal(upload.statusCode, 201, upload.body);
  const inspection = await ok<{ id: string; findings: { id: string }[] }>(owner, 'POST', '/api/supervisions', {
    headquartersId: hq.id,
    jurisdictionId: a.villageId,
    method: 'unannounced',
    subject: '甲社区卡口暗访',
    inspectedAt: a.now,
    findings: [{ description: '甲社区卡口无人值守', responsibleUnitId: group.leadUnits[0]?.id, rectificationDueAt: later(48) }],
  });
  const leader = await ok<{ id: string }>(owner, 'POST', '/api/command/roster-members', {
    headquartersId: hq.id,
    name: '甲镇党委书记',
    role: 'commander_in_chief',
  });
  const travel = await ok<{ id: string }>(owner, 'POST', `/api/command/roster-members/${leader.id}/travel-requests`, {
    destination: '南京市',
    reason: '参加会议',
    departAt: later(24),
    returnAt: later(48),
  });
  return {
    headquartersId: hq.id,
    workingGroupId: group.id,
    expertGroupId: hq.expertGroups[0]?.id ?? '',
    rosterMemberId: member.id,
    orgUnitId: group.leadUnits[0]?.id ?? '',
    commandTaskId: task.id,
    evidenceId: (upload.json() as { id: string }).id,
    supervisionId: inspection.id,
    findingId: inspection.findings[0]?.id ?? '',
    leaderId: leader.id,
    travelRequestId: travel.id,
  };
}
