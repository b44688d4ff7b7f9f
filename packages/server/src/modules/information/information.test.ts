import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { addTwoTowns, addUser, loginAs, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface View {
  id: string;
  status: string;
  nextLevel: string | null;
  chain: { level: string; approval: { name: string; level: string } | null }[];
  draftedBy: string;
  kind?: string;
}
interface Notice {
  id: string;
  title: string;
  jurisdictionName: string;
}

/**
 * Information release and public opinion through the API (issue 15 part 5; INFO-001…INFO-007, DAILY-007, COMM-043,
 * SC-68): nothing is published before its chain approves, the drafter never approves, the public page shows only
 * published public items, interviews wait for the township, opinion items keep their clocks.
 */
describe('information release, interviews and public opinion', () => {
  let runtime: TestRuntime;
  let grid: TestClient;
  let town: TestClient;
  let townB: TestClient;
  let office: TestClient;
  let commander: TestClient;
  let resident: TestClient;
  let countyId: string;
  let townAId: string;
  let townBId: string;
  let villageId: string;

  const notice = (jurisdictionId: string, over: Record<string, unknown> = {}) => ({
    jurisdictionId,
    kind: 'notice',
    title: '关于返乡人员登记的通告',
    body: '请近期返乡人员到社区登记。',
    audience: 'public',
    channels: ['platform', 'wechat_group'],
    ...over,
  });
  const created = async (client: TestClient, body: unknown): Promise<View> => {
    const reply = await client.request('POST', '/api/information/releases', body);
    assert.equal(reply.statusCode, 201, reply.body);
    return reply.json() as View;
  };
  const publicNotices = async (query = '') =>
    ((await runtime.app.inject({ method: 'GET', url: `/api/public/notices${query}` })).json() as { items: Notice[] }).items;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    runtime.deps.clock = () => at('2020-02-10T08:00');
    const towns = await addTwoTowns(runtime.deps);
    countyId = towns.county.id;
    townAId = towns.townA.id;
    townBId = towns.townB.id;
    villageId = towns.villageA.id;
    await addUser(runtime.deps, 'grid', 'grid_worker', villageId);
    await addUser(runtime.deps, 'town', 'town_cadre', townAId);
    await addUser(runtime.deps, 'town-b', 'town_cadre', townBId);
    await addUser(runtime.deps, 'office', 'command_office_staff', countyId);
    await addUser(runtime.deps, 'commander', 'district_commander', countyId);
    await addUser(runtime.deps, 'res', 'resident', villageId);
    grid = await loginAs(runtime.app, 'grid');
    town = await loginAs(runtime.app, 'town');
    townB = await loginAs(runtime.app, 'town-b');
    office = await loginAs(runtime.app, 'office');
    commander = await loginAs(runtime.app, 'commander');
    resident = await loginAs(runtime.app, 'res');
  });
  after(() => runtime.close());

  it('INFO-001 SC-68: a community notice is published only after it is reported upward and the town approves', async () => {
    const draft = await created(grid, notice(villageId));
    assert.equal(draft.status, 'draft');
    const early = await grid.request('POST', `/api/information/releases/${draft.id}/publish`);
    assert.equal(early.statusCode, 409);
    assert.deepEqual(
      [(early.json() as { code: string }).code, (early.json() as { field: string }).field],
      ['releaseNotApproved', 'status'],
    );

    const submitted = (await grid.request('POST', `/api/information/releases/${draft.id}/submit`)).json() as View;
    assert.equal(submitted.nextLevel, 'town');
    assert.equal((await grid.request('POST', `/api/information/releases/${draft.id}/publish`)).statusCode, 409);
    // The grid worker holds no release authority; another town's cadre does not see it.
    assert.equal((await grid.request('POST', `/api/information/releases/${draft.id}/approve`, {})).statusCode, 403);
    assert.equal((await townB.request('POST', `/api/information/releases/${draft.id}/approve`, {})).statusCode, 404);
    assert.deepEqual(await publicNotices(), []);

    const approved = await town.request('POST', `/api/information/releases/${draft.id}/approve`, { note: '同意发布' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((approved.json() as View).status, 'approved');
    assert.equal((approved.json() as View).chain[0]?.approval?.level, 'town');
    const published = await grid.request('POST', `/api/information/releases/${draft.id}/publish`);
    assert.equal((published.json() as View).status, 'published');

    const reply = await runtime.app.inject({ method: 'GET', url: '/api/public/notices' });
    assert.equal(reply.statusCode, 200);
    const items = (reply.json() as { items: Notice[] }).items;
    assert.deepEqual(
      items.map((n) => [n.title, n.jurisdictionName]),
      [['关于返乡人员登记的通告', '甲社区']],
    );
    // No drafter, approver or account on the public page.
    assert.doesNotMatch(reply.body, new RegExp(draft.draftedBy));
    assert.doesNotMatch(reply.body, /grid|town|同意发布/);
    assert.equal((await publicNotices('?code=320412102')).length, 0);
    assert.equal((await publicNotices('?code=320412100001')).length, 1);

    const mine = (await resident.request('GET', '/api/me/notices')).json() as { items: Notice[] };
    assert.deepEqual(
      mine.items.map((n) => n.id),
      [draft.id],
    );
    const audit = await queryRows<{ action: string }>(
      runtime.deps.database.db,
      sql`select action from audit_event where entity_id = ${draft.id} order by id`,
    );
    assert.deepEqual(
      audit.map((a) => a.action),
      ['information.draft', 'information.submit', 'information.approve', 'information.publish'],
    );
  });

  it('INFO-001: the drafter never approves their own item; another district authority does', async () => {
    const draft = await created(office, notice(countyId, { title: '武进区疫情防控通告' }));
    await office.request('POST', `/api/information/releases/${draft.id}/submit`);
    const self = await office.request('POST', `/api/information/releases/${draft.id}/approve`, {});
    assert.equal(self.statusCode, 403);
    assert.equal((self.json() as { code: string }).code, 'drafterCannotApprove');
    // A town cadre has no authority at the district level: the item is not theirs to see.
    assert.equal((await town.request('POST', `/api/information/releases/${draft.id}/approve`, {})).statusCode, 404);
    const approved = await commander.request('POST', `/api/information/releases/${draft.id}/approve`, {});
    assert.equal((approved.json() as View).status, 'approved');
  });

  it('DAILY-007 INFO-003 INFO-006: the daily information is pre-filled, then goes town → district', async () => {
    const prefill = await town.request('GET', `/api/information/daily-outbreak?jurisdictionId=${townAId}&date=2020-02-10`);
    assert.equal(prefill.statusCode, 200, prefill.body);
    const daily = prefill.json() as { title: string; body: string; figures: Record<string, number>; dueAt: string; state: string };
    assert.equal(daily.title, '湖塘镇2月10日疫情防控信息');
    assert.match(daily.body, /新增确诊病例0例/);
    assert.equal(daily.dueAt, '2020-02-10T02:00:00.000Z');
    assert.equal(daily.state, 'open');

    const draft = await created(town, {
      ...notice(townAId),
      kind: 'daily_outbreak',
      title: daily.title,
      body: daily.body,
      interpretation: '当日无新增病例，请继续做好个人防护。',
      forDate: '2020-02-10',
      figures: daily.figures,
    });
    await town.request('POST', `/api/information/releases/${draft.id}/submit`);
    const own = await town.request('POST', `/api/information/releases/${draft.id}/approve`, {});
    assert.equal((own.json() as { code: string }).code, 'drafterCannotApprove');
    const first = (await office.request('POST', `/api/information/releases/${draft.id}/approve`, {})).json() as View;
    // A district authority covers the town step; the district step still needs a second person.
    assert.equal(first.status, 'submitted');
    assert.equal(first.nextLevel, 'county');
    const again = await office.request('POST', `/api/information/releases/${draft.id}/approve`, {});
    assert.equal((again.json() as { code: string }).code, 'approverAlreadySigned');
    const second = (await commander.request('POST', `/api/information/releases/${draft.id}/approve`, {})).json() as View;
    assert.equal(second.status, 'approved');
  });

  it('DAILY-008: the town’s work bulletin (工作动态) is approved by another person of the town, published to staff only', async () => {
    await addUser(runtime.deps, 'town-2', 'town_cadre', townAId);
    const townHead = await loginAs(runtime.app, 'town-2');
    const draft = await created(
      town,
      notice(townAId, {
        kind: 'work_bulletin',
        title: '湖塘镇疫情防控工作动态（第1期）',
        body: '一、全镇卡口值守情况；二、重点人员管控情况。',
        audience: 'internal',
        channels: ['platform'],
      }),
    );
    const submitted = (await town.request('POST', `/api/information/releases/${draft.id}/submit`)).json() as View;
    assert.deepEqual(
      submitted.chain.map((step) => step.level),
      ['town'],
    );
    assert.equal((await town.request('POST', `/api/information/releases/${draft.id}/approve`, {})).statusCode, 403);
    const approved = await townHead.request('POST', `/api/information/releases/${draft.id}/approve`, { note: '同意' });
    assert.equal((approved.json() as View).status, 'approved', approved.body);
    assert.equal(((await town.request('POST', `/api/information/releases/${draft.id}/publish`)).json() as View).status, 'published');
    assert.ok(!(await publicNotices()).some((n) => n.id === draft.id), 'not on the public page');
    assert.ok(!((await resident.request('GET', '/api/me/notices')).json() as { items: Notice[] }).items.some((n) => n.id === draft.id));
    const listed = (await office.request('GET', '/api/information/releases')).json() as { items: View[] };
    assert.equal(listed.items.find((item) => item.id === draft.id)?.kind, 'work_bulletin');
    assert.equal((await townB.request('GET', `/api/information/releases/${draft.id}`)).statusCode, 404);
  });

  it('bad input names the field and writes nothing (another town, a blank title, an unknown field, a daily without its day)', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(runtime.deps.database.db, sql`select count(*)::int as n from info_release`))[0]?.n;
    const before_ = await count();
    const cases: [TestClient, unknown, string][] = [
      [town, notice(townBId), 'jurisdictionId'],
      [town, notice(townAId, { title: '  ' }), 'title'],
      [town, notice(townAId, { channels: [] }), 'channels'],
      [town, notice(townAId, { kind: 'daily_outbreak', interpretation: '解读' }), 'forDate'],
      [town, notice(townAId, { colour: 'red' }), 'colour'],
    ];
    for (const [client, body, field] of cases) {
      const reply = await client.request('POST', '/api/information/releases', body);
      assert.equal(reply.statusCode, 400, reply.body);
      assert.match(reply.body, new RegExp(field));
    }
    assert.equal(await count(), before_);
    const badDay = await town.request('GET', `/api/information/daily-outbreak?jurisdictionId=${townAId}&date=2020-02-30`);
    assert.deepEqual([badDay.statusCode, (badDay.json() as { field: string }).field], [400, 'date']);
  });

  it('a rejected item goes back to the drafter; a withdrawn one leaves the public page', async () => {
    const draft = await created(grid, notice(villageId, { title: '待撤回的通告' }));
    await grid.request('POST', `/api/information/releases/${draft.id}/submit`);
    const rejected = await town.request('POST', `/api/information/releases/${draft.id}/reject`, { reason: '数字待核实' });
    assert.equal((rejected.json() as View).status, 'rejected');
    const edited = await grid.request('PATCH', `/api/information/releases/${draft.id}`, {
      title: '待撤回的通告（修订）',
      body: '修订后的正文',
      audience: 'public',
      channels: ['platform'],
    });
    assert.equal((edited.json() as View).status, 'draft');
    await grid.request('POST', `/api/information/releases/${draft.id}/submit`);
    await town.request('POST', `/api/information/releases/${draft.id}/approve`, {});
    await grid.request('POST', `/api/information/releases/${draft.id}/publish`);
    assert.ok((await publicNotices()).some((n) => n.id === draft.id));
    const withdrawn = await grid.request('POST', `/api/information/releases/${draft.id}/withdraw`, { reason: '信息已过时' });
    assert.equal((withdrawn.json() as View).status, 'withdrawn');
    assert.ok(!(await publicNotices()).some((n) => n.id === draft.id));
  });

  it('INFO-002 SC-68: an interview request stays pending until the township headquarters approves', async () => {
    const reply = await grid.request('POST', '/api/information/interviews', {
      jurisdictionId: villageId,
      outlet: '常州日报',
      topic: '社区防控工作',
      interviewee: '甲社区网格员',
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const request = reply.json() as { id: string; status: string };
    assert.equal(request.status, 'pending');
    assert.equal((await grid.request('POST', `/api/information/interviews/${request.id}/decision`, { approve: true })).statusCode, 403);
    assert.equal((await townB.request('POST', `/api/information/interviews/${request.id}/decision`, { approve: true })).statusCode, 404);
    const refused = await town.request('POST', `/api/information/interviews/${request.id}/decision`, { approve: false });
    assert.equal((refused.json() as { field: string }).field, 'note');
    const approved = await town.request('POST', `/api/information/interviews/${request.id}/decision`, { approve: true, note: '同意' });
    assert.equal((approved.json() as { status: string }).status, 'approved');
    const list = (await office.request('GET', '/api/information/interviews')).json() as { items: { id: string }[] };
    assert.ok(list.items.some((i) => i.id === request.id));
    assert.deepEqual(((await townB.request('GET', '/api/information/interviews')).json() as { items: unknown[] }).items, []);
  });

  it('INFO-004: a rumour is logged with its source, responded to within its hours and closed with an outcome', async () => {
    const logged = await grid.request('POST', '/api/opinions', {
      jurisdictionId: villageId,
      kind: 'rumour',
      source: 'wechat',
      summary: '网传甲社区封闭，居民不得外出',
      location: '甲社区业主群',
    });
    assert.equal(logged.statusCode, 201, logged.body);
    const item = logged.json() as { id: string; respondBy: string; closeBy: string; status: string };
    assert.equal(item.respondBy, at('2020-02-10T10:00').toISOString());
    assert.equal(item.closeBy, at('2020-02-11T08:00').toISOString());
    const early = await grid.request('POST', `/api/opinions/${item.id}/close`, { outcome: 'clarified' });
    assert.equal((early.json() as { code: string }).code, 'opinionNotResponded');
    runtime.deps.clock = () => at('2020-02-10T10:30');
    const listed = (await office.request('GET', '/api/opinions?status=open')).json() as {
      items: { id: string; responseOverdue: boolean }[];
    };
    assert.equal(listed.items.find((i) => i.id === item.id)?.responseOverdue, true);
    assert.equal((await townB.request('POST', `/api/opinions/${item.id}/respond`, { response: '不实' })).statusCode, 404);
    const responded = await town.request('POST', `/api/opinions/${item.id}/respond`, { response: '经核实，该消息不实，甲社区未封闭。' });
    assert.equal((responded.json() as { status: string }).status, 'responded');
    const closed = await town.request('POST', `/api/opinions/${item.id}/close`, { outcome: 'clarified' });
    assert.equal((closed.json() as { status: string; closeOverdue: boolean }).status, 'closed');
    runtime.deps.clock = () => at('2020-02-10T08:00');
  });
});
