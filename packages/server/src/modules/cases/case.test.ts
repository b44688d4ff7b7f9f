import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/query-rows.ts';
import { runCaseClockSweep } from '../../jobs/case-clock-sweep.ts';
import { addTwoTowns, addUser, loginAs, residentId, type TestClient } from '../../testing/factories.ts';
import { createTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const at = (local: string) => new Date(`${local}:00+08:00`);

interface Detail {
  caseNumber: string;
  classification: string;
  episodeId: string;
  reportDueAt: string;
  investigationDueAt: string;
  person: { idMasked: string };
  history: { from: string | null; to: string; kind: string }[];
  clocks: { clock: string; state: string; minutesLeft: number | null }[];
}

describe('cases through the API (CASE-001, CASE-002, CASE-006, CASE-015; seed-2020)', () => {
  let runtime: TestRuntime;
  let cdc: TestClient;
  let otherCdc: TestClient;
  let commander: TestClient;
  let villageId: string;
  let seq = 300;

  const setNow = async (local: string) => {
    runtime.deps.clock = () => at(local);
    runtime.deps.sessions.clear();
    [cdc, otherCdc, commander] = [
      await loginAs(runtime.app, 'cdc'),
      await loginAs(runtime.app, 'cdc-b'),
      await loginAs(runtime.app, 'commander'),
    ];
  };

  async function newPerson(): Promise<string> {
    seq += 2;
    const reply = await cdc.request('POST', '/api/persons', {
      idType: 'resident_id',
      idNumber: residentId('19800101', seq),
      name: `病例${seq}`,
      jurisdictionId: villageId,
    });
    assert.equal(reply.statusCode, 201, reply.body);
    return (reply.json() as { id: string }).id;
  }

  const detail = async (id: string) => (await cdc.request('GET', `/api/cases/${id}`)).json() as Detail;

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    const { county, villageA, townB } = await addTwoTowns(runtime.deps);
    villageId = villageA.id;
    await addUser(runtime.deps, 'cdc', 'cdc_epidemiologist', county.id);
    await addUser(runtime.deps, 'cdc-b', 'cdc_epidemiologist', townB.id);
    await addUser(runtime.deps, 'commander', 'district_commander', county.id);
    await setNow('2020-11-20T10:00');
  });
  after(() => runtime.close());

  it('SC-14: an asymptomatic case opened at 10:00 is due 12:00, late at 12:01 with a case_late alert; the person is a key person', async () => {
    const personId = await newPerson();
    const opened = await cdc.request('POST', '/api/cases', { personId, classification: 'asymptomatic', source: 'asymptomatic_finding' });
    assert.equal(opened.statusCode, 201, opened.body);
    const { id, caseNumber, episodeId } = opened.json() as { id: string; caseNumber: string; episodeId: string };
    assert.match(caseNumber, /^320412-2020-\d{4}$/);
    const episode = (await cdc.request('GET', `/api/key-persons/episodes/${episodeId}`)).json() as { category: string };
    assert.equal(episode.category, 'asymptomatic');
    const d = await detail(id);
    assert.equal(d.reportDueAt, at('2020-11-20T12:00').toISOString());
    assert.equal(d.investigationDueAt, at('2020-11-21T10:00').toISOString());
    await setNow('2020-11-20T12:01');
    assert.deepEqual((await detail(id)).clocks[0], { clock: 'report', dueAt: d.reportDueAt, doneAt: null, state: 'late', minutesLeft: -1 });
    const swept = await runCaseClockSweep(runtime.deps);
    assert.ok(swept.late >= 1);
    assert.equal((await runCaseClockSweep(runtime.deps)).late, 0, 'one alert per case and clock');
    const alerts = (await cdc.request('GET', '/api/alerts')).json() as { items: { kind: string }[] };
    assert.ok(alerts.items.some((a) => a.kind === 'case_late'));
    const reported = await cdc.request('POST', `/api/cases/${id}/report`, { reportingUnit: '武进区疾控中心', reportingDoctor: '李医生' });
    assert.deepEqual((reported.json() as { late: boolean }).late, true);
    assert.equal((await detail(id)).clocks[0]?.state, 'done_late');
    await setNow('2020-11-20T10:00');
  });

  it('SC-15, CASE-006: asymptomatic → confirmed is a correction; the original stays in the history; the episode converts', async () => {
    const personId = await newPerson();
    const { id } = (await cdc.request('POST', '/api/cases', { personId, classification: 'asymptomatic', source: 'manual' })).json() as {
      id: string;
    };
    const noType = await cdc.request('POST', `/api/cases/${id}/classify`, { classification: 'confirmed', reason: '出现发热' });
    assert.equal(noType.statusCode, 400);
    assert.equal((noType.json() as { field: string }).field, 'clinicalType');
    const corrected = await cdc.request('POST', `/api/cases/${id}/classify`, {
      classification: 'confirmed',
      clinicalType: 'mild',
      reason: '集中观察期间出现发热',
      findings: { links: [], features: ['fever_or_respiratory'], evidence: ['nucleic_acid_positive'] },
    });
    assert.equal(corrected.statusCode, 200, corrected.body);
    assert.equal((corrected.json() as { kind: string }).kind, 'correction');
    const d = await detail(id);
    assert.deepEqual(
      d.history.map((h) => [h.from, h.to, h.kind]),
      [
        [null, 'asymptomatic', 'initial'],
        ['asymptomatic', 'confirmed', 'correction'],
      ],
    );
    const episode = (await cdc.request('GET', `/api/key-persons/episodes/${d.episodeId}`)).json() as { category: string };
    assert.equal(episode.category, 'confirmed');
    const back = await cdc.request('POST', `/api/cases/${id}/classify`, { classification: 'asymptomatic', reason: '误判' });
    assert.equal(back.statusCode, 400);
  });

  it('bad input: a second open case, onset after discovery, a trajectory in the future → 4xx with the field, nothing written', async () => {
    const personId = await newPerson();
    const body = { personId, classification: 'suspected', source: 'manual', onsetDate: '2020-11-19' };
    const { id } = (await cdc.request('POST', '/api/cases', body)).json() as { id: string };
    const twice = await cdc.request('POST', '/api/cases', body);
    assert.equal(twice.statusCode, 409);
    const other = await newPerson();
    const onset = await cdc.request('POST', '/api/cases', { ...body, personId: other, onsetDate: '2020-11-21' });
    assert.deepEqual([onset.statusCode, (onset.json() as { field: string }).field], [400, 'onsetDate']);
    assert.equal(((await cdc.request('GET', `/api/cases?q=病例${String(seq)}`)).json() as { total: number }).total, 0);
    const future = await cdc.request('POST', `/api/cases/${id}/trajectory`, {
      placeText: '湖塘菜市场',
      fromAt: at('2020-11-20T11:00').toISOString(),
      toAt: at('2020-11-20T12:00').toISOString(),
      source: 'interview',
    });
    assert.deepEqual([future.statusCode, (future.json() as { field: string }).field], [400, 'toAt']);
    const early = await cdc.request('POST', `/api/cases/${id}/report`, {
      reportedAt: at('2020-11-20T09:00').toISOString(),
      reportingUnit: '武进区疾控中心',
      reportingDoctor: '李医生',
    });
    assert.deepEqual([early.statusCode, (early.json() as { field: string }).field], [400, 'reportedAt']);
  });

  const ANSWERED = {
    symptoms: ['发热'],
    exposureHistory: '11月15日与确诊病例同乘公交',
    travelHistory: '无外地旅居史',
    occupation: '教师',
    vaccinationDoses: 2,
    householdSize: 3,
  };

  it('CASE-002 / SC-20: investigation and sealing done, trajectory recorded and its reads audited; list masks ID numbers', async () => {
    const personId = await newPerson();
    const { id } = (await cdc.request('POST', '/api/cases', { personId, classification: 'suspected', source: 'fever_clinic' })).json() as {
      id: string;
    };
    const point = await cdc.request('POST', `/api/cases/${id}/trajectory`, {
      placeText: '湖塘菜市场',
      fromAt: at('2020-11-19T08:00').toISOString(),
      toAt: at('2020-11-19T09:00').toISOString(),
      source: 'interview',
    });
    assert.equal(point.statusCode, 201, point.body);
    const read = await cdc.request('GET', `/api/cases/${id}/trajectory?purpose=${encodeURIComponent('密接排查')}`);
    assert.equal((read.json() as { items: unknown[] }).items.length, 1);
    // Issue 11 item 5, CASE-002, CASE-011: the place is an outbreak spot — sealed, disinfected, then lifted
    const pointId = (point.json() as { id: string }).id;
    const spot = (action: string) => cdc.request('POST', `/api/cases/${id}/trajectory/${pointId}/spot`, { action });
    const liftedFirst = await spot('lifted');
    assert.deepEqual([liftedFirst.statusCode, (liftedFirst.json() as { code: string }).code], [400, 'spotNotSealed']);
    assert.equal((await spot('sealed')).statusCode, 200);
    assert.equal((await spot('sealed')).statusCode, 409, 'recorded once');
    assert.equal((await spot('disinfected')).statusCode, 200);
    const spotRead = (await cdc.request('GET', `/api/cases/${id}/trajectory?purpose=${encodeURIComponent('密接排查')}`)).json() as {
      items: { sealedAt: string | null; spotClocks: { clock: string; state: string }[] }[];
    };
    assert.deepEqual(
      spotRead.items[0]?.spotClocks.map((c) => [c.clock, c.state]),
      [
        ['sealing', 'done'],
        ['disinfection', 'done'],
      ],
    );
    assert.equal((await spot('lifted')).statusCode, 200);
    const spotAudit = (await commander.request('GET', '/api/audit?action=case.spot.lifted')).json() as { items: unknown[] };
    assert.equal(spotAudit.items.length, 1);
    const audit = (await commander.request('GET', '/api/audit?action=case.trajectory.view')).json() as { items: { reason: string }[] };
    assert.equal(audit.items[0]?.reason, '密接排查');
    // Issue 11 item 3, CASE-002: investigators are assigned from those holding investigation.write over the case
    const investigators = (await cdc.request('GET', `/api/cases/${id}/investigators`)).json() as {
      items: { id: string; username: string }[];
    };
    assert.deepEqual(
      investigators.items.map((u) => u.username),
      ['cdc'],
      'the county CDC; not 牛塘镇’s, not the commander',
    );
    const userId = async (username: string) =>
      (await queryRows<{ id: string }>(runtime.deps.database.db, sql`select id from app_user where username = ${username}`))[0]?.id;
    const outsider = await cdc.request('PATCH', `/api/cases/${id}/investigation`, {
      assignees: [{ userId: await userId('cdc-b'), agency: 'cdc' }],
    });
    assert.deepEqual([outsider.statusCode, (outsider.json() as { field: string }).field], [400, 'assignees.0.userId']);
    const assigned = await cdc.request('PATCH', `/api/cases/${id}/investigation`, {
      assignees: [{ userId: await userId('cdc'), agency: 'cdc' }],
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    // Issue 11 item 3: the investigation completes only when its questions are answered, and says what is missing
    const early = await cdc.request('PATCH', `/api/cases/${id}/investigation`, { form: { occupation: '教师' }, complete: true });
    const refusal = early.json() as { code: string; field: string; details: { missing: { rule: string }[] } };
    assert.deepEqual([early.statusCode, refusal.code, refusal.field], [400, 'investigationIncomplete', 'form']);
    assert.deepEqual(
      refusal.details.missing.map((r) => r.rule),
      ['symptoms', 'onsetDate', 'exposureHistory', 'travelHistory', 'vaccinationDoses', 'householdSize'].map(
        (f) => `investigation.missing.${f}`,
      ),
    );
    const stillOpen = (await detail(id)) as unknown as { investigation: { state: string; form: Record<string, unknown>; gaps: unknown[] } };
    assert.deepEqual([stillOpen.investigation.state, stillOpen.investigation.form], ['open', {}], 'a refused request changes nothing');
    assert.equal(stillOpen.investigation.gaps.length, 7);
    const badForm = await cdc.request('PATCH', `/api/cases/${id}/investigation`, { form: { householdSize: 0, colour: 'x' } });
    assert.equal(badForm.statusCode, 400);
    const done = await cdc.request('PATCH', `/api/cases/${id}/investigation`, {
      form: ANSWERED,
      complete: true,
      sealed: true,
    });
    assert.equal(done.statusCode, 400, 'a suspected case with symptoms needs its onset date');
    const future = await cdc.request('PATCH', `/api/cases/${id}/investigation`, { onsetDate: '2099-01-01' });
    assert.deepEqual([future.statusCode, (future.json() as { field: string }).field], [400, 'onsetDate']);
    const again = await cdc.request('PATCH', `/api/cases/${id}/investigation`, {
      onsetDate: '2020-11-19',
      form: ANSWERED,
      complete: true,
      sealed: true,
    });
    assert.equal(again.statusCode, 200, again.body);
    // CASE-014: the investigation report is a PDF to file, its printing audited with the purpose
    const pdf = await runtime.app.inject({
      method: 'GET',
      url: `/api/cases/${id}/investigation-report.pdf?purpose=${encodeURIComponent('报区指挥部备案')}`,
      headers: cdc.headers,
    });
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
    const printed = (await commander.request('GET', '/api/audit?action=case.investigationReport.print')).json() as {
      items: { reason: string }[];
    };
    assert.equal(printed.items[0]?.reason, '报区指挥部备案');
    const noPurpose = await cdc.request('GET', `/api/cases/${id}/investigation-report.pdf`);
    assert.equal(noPurpose.statusCode, 400);
    const clocks = (await detail(id)).clocks.map((c) => [c.clock, c.state]);
    assert.deepEqual(clocks.slice(1), [
      ['investigation', 'done'],
      ['sealing', 'done'],
    ]);
    const list = (await commander.request('GET', '/api/cases?status=open')).json() as { items: { idMasked: string }[] };
    assert.ok(list.items.length > 0);
    for (const item of list.items) assert.match(item.idMasked, /\*{4,}/);
    assert.equal(
      (await commander.request('POST', `/api/cases/${id}/report`, { reportingUnit: '武进区疾控', reportingDoctor: '李' })).statusCode,
      403,
    );
  });

  it('another jurisdiction: the CDC of 牛塘镇 gets 404 on a 湖塘镇 case and an empty list', async () => {
    const personId = await newPerson();
    const { id } = (await cdc.request('POST', '/api/cases', { personId, classification: 'suspected', source: 'manual' })).json() as {
      id: string;
    };
    assert.equal((await otherCdc.request('GET', `/api/cases/${id}`)).statusCode, 404);
    assert.equal(
      (await otherCdc.request('POST', `/api/cases/${id}/classify`, { classification: 'excluded', reason: '两次阴性' })).statusCode,
      404,
    );
    assert.equal(((await otherCdc.request('GET', '/api/cases')).json() as { total: number }).total, 0);
  });

  it('CASE-015: discharge reported closes the case; the report card has the national fields and names what is missing', async () => {
    const personId = await newPerson();
    const { id } = (
      await cdc.request('POST', '/api/cases', {
        personId,
        classification: 'confirmed',
        clinicalType: 'moderate',
        source: 'manual',
        onsetDate: '2020-11-18',
      })
    ).json() as { id: string };
    const card = (await cdc.request('GET', `/api/cases/${id}/report-card`)).json() as {
      card: { idNumber: string };
      completeness: { missing: string[] };
    };
    assert.equal(card.card.idNumber, residentId('19800101', seq));
    assert.ok(card.completeness.missing.includes('reportingUnit'));
    // One fact, one answer: the card's occupation is the investigation's answer
    assert.equal((await cdc.request('PATCH', `/api/cases/${id}/investigation`, { form: { occupation: '快递员' } })).statusCode, 200);
    const again = (await cdc.request('GET', `/api/cases/${id}/report-card`)).json() as { card: { occupation: string | null } };
    assert.equal(again.card.occupation, '快递员');
    // Annex A: the card as a PDF to print or send, its printing audited with the purpose
    const pdf = await runtime.app.inject({
      method: 'GET',
      url: `/api/cases/${id}/report-card.pdf?purpose=${encodeURIComponent('报送传染病报告卡')}`,
      headers: cdc.headers,
    });
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
    const printed = (await commander.request('GET', '/api/audit?action=case.reportCard.print')).json() as { items: { reason: string }[] };
    assert.equal(printed.items[0]?.reason, '报送传染病报告卡');
    const ended = await cdc.request('POST', `/api/cases/${id}/end`, { ending: 'discharged', at: at('2020-11-20T09:30').toISOString() });
    assert.equal(ended.statusCode, 400, 'discharge before discovery refused');
    const ok = await cdc.request('POST', `/api/cases/${id}/end`, { ending: 'discharged', at: at('2020-11-20T10:00').toISOString() });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(((await cdc.request('GET', `/api/cases/${id}`)).json() as { status: string }).status, 'closed');
  });

  it('suggestion explains the classification clause by clause (§4.3)', async () => {
    const reply = await cdc.request('POST', '/api/cases/suggest', {
      findings: { links: ['infected_contact'], features: [], evidence: ['nucleic_acid_positive'] },
    });
    const s = reply.json() as { classification: string; because: { rule: string }[] };
    assert.equal(s.classification, 'asymptomatic');
    assert.deepEqual(
      s.because.map((b) => b.rule),
      ['link.infected_contact', 'evidence.nucleic_acid_positive', 'asymptomatic'],
    );
  });
});
