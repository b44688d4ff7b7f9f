import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keyPersonEpisode } from '../../../db/schema/index.ts';
import { createTestRuntime, type TestRuntime } from '../../../testing/test-runtime.ts';
import { addResidents, at, expectStatus, type TestingWorld, TODAY, testingWorld } from '../testing.test-support.ts';

interface Coverage {
  groups: { group: string; members: number; covered: number; due: number; overdue: number }[];
}
interface Members {
  total: number;
  items: { personId: string; state: string; fromKeyPersons: boolean }[];
}

/**
 * Issue 18 item 7: a group the edition defines by a key-person category (TEST-001 (1) 密切接触者)
 * takes its members from active key-person episodes of that category in the group's jurisdiction,
 * not only from imported rosters (TEST-001, KP-000, KP-D02, SC-06).
 */
describe('mandatory groups defined by a key-person category', () => {
  let runtime: TestRuntime;
  let w: TestingWorld;
  let contacts: string[];
  let released: string;
  let otherTownContact: string;

  const episode = (personId: string, where: { id: string; path: string }, status = 'active') =>
    runtime.deps.database.db.insert(keyPersonEpisode).values({
      personId,
      category: 'close_contact',
      editionId: 'cn-2022-9th',
      startDate: TODAY,
      status,
      managementType: 'centralized_quarantine',
      plan: {},
      jurisdictionId: where.id,
      jurisdictionPath: where.path,
    });

  const closeContacts = async (client = w.office) =>
    (await expectStatus<Coverage>(client, 200, 'GET', '/api/testing/groups')).groups.find((g) => g.group === 'close_contact');

  before(async () => {
    runtime = await createTestRuntime({ FANGKONG_LOGIN_RATE: '1000' });
    w = await testingWorld(runtime, at('08:00'));
    contacts = await addResidents(runtime.deps, w.villageA, 3);
    [released = ''] = await addResidents(runtime.deps, w.villageA, 1);
    [otherTownContact = ''] = await addResidents(runtime.deps, w.villageB, 1);
    for (const id of contacts) await episode(id, w.villageA);
    await episode(released, w.villageA, 'released');
    await episode(otherTownContact, w.villageB);
  });
  after(() => runtime.close());

  // TEST-001 (1), SC-06: close contacts under management are group (1) members, in their jurisdiction only
  it('group (1) 密切接触者 counts the active close-contact episodes in scope, with no roster imported', async () => {
    const group = await closeContacts();
    assert.deepEqual([group?.members, group?.due], [3, 3], 'three active close contacts of town A, due today');
    const other = await closeContacts(w.otherTown);
    assert.equal(other?.members, 1, 'town B sees its own close contact only');
    const members = await expectStatus<Members>(w.office, 200, 'GET', '/api/testing/groups/close_contact/members');
    assert.deepEqual(members.items.map((m) => m.personId).sort(), [...contacts].sort());
    assert.ok(
      members.items.every((m) => m.fromKeyPersons),
      'marked as coming from key-person management',
    );
  });

  // TEST-001: a person both on an imported roster and under management counts once
  it('a close contact also put on the roster by hand counts once', async () => {
    await expectStatus(w.office, 201, 'POST', '/api/testing/groups/close_contact/members', { personId: contacts[0] });
    assert.equal((await closeContacts())?.members, 3);
  });
});
