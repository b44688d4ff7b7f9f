import { addDays, type KeyPersonCategory, shanghaiDate } from '@fangkong/core';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app-deps.ts';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import type { RequestContext } from '../http/context.ts';
import { scheduleOfEpisode } from '../modules/key-persons/episode.repository.ts';
import { registerEpisode } from '../modules/key-persons/episode.service.ts';
import { recordObservation, recordTest } from '../modules/key-persons/recording.service.ts';
import { addRooms } from '../modules/key-persons/site.service.ts';

/**
 * People under management in the demo, so that today's work list, alerts, releases due and the
 * quarantine site have something to show. Everything goes through the real services (plans from the
 * protocol in force, audit), in the grid worker's community and across the demo town.
 */
interface DemoPeople {
  community: { id: string; path: string }[];
  town: { id: string; path: string }[];
}

type Deps = Pick<AppDeps, 'database' | 'clock' | 'cipher' | 'config' | 'codeKeys'>;

const COMMUNITY_PLAN: { category: KeyPersonCategory; daysAgo: number; site: boolean }[] = [
  { category: 'close_contact', daysAgo: 6, site: true },
  { category: 'close_contact', daysAgo: 6, site: true },
  { category: 'close_contact', daysAgo: 4, site: true },
  { category: 'close_contact', daysAgo: 2, site: true },
  { category: 'close_contact', daysAgo: 1, site: true },
  { category: 'close_contact', daysAgo: 0, site: true },
  { category: 'secondary_contact', daysAgo: 3, site: false },
  { category: 'secondary_contact', daysAgo: 1, site: false },
  { category: 'inbound_traveller', daysAgo: 5, site: true },
  { category: 'discharged_patient', daysAgo: 2, site: false },
];

async function people(db: Db, communityId: string, townPath: string): Promise<DemoPeople> {
  const community = await queryRows<{ id: string; path: string }>(
    db,
    sql`select p.id, p.jurisdiction_path as path from person p join jurisdiction j on j.id = p.jurisdiction_id where j.parent_id = ${communityId} or j.id = ${communityId} order by p.id limit ${COMMUNITY_PLAN.length}`,
  );
  const town = await queryRows<{ id: string; path: string }>(
    db,
    sql`select p.id, p.jurisdiction_path as path from person p join jurisdiction j on j.id = p.jurisdiction_id
        where p.jurisdiction_path like ${`${townPath}%`} and j.id <> ${communityId} and j.parent_id <> ${communityId} order by p.id desc limit 40`,
  );
  return { community, town };
}

async function recordPastTests(deps: Deps, context: RequestContext, episodeId: string, today: string) {
  for (const item of await scheduleOfEpisode(deps.database.db, episodeId)) {
    if (item.kind === 'test' && item.dueDate < today)
      await recordTest(deps, context, item.id, { sampledAt: `${item.dueDate}T08:30:00+08:00`, result: 'negative' });
  }
}

async function observeYesterday(deps: Deps, context: RequestContext, episodeId: string, today: string, temperature: number) {
  await recordObservation(deps, context, episodeId, { observedAt: `${addDays(today, -1)}T08:00:00+08:00`, temperature, symptoms: [] });
}

/**
 * Every demo quarantine site gets the rooms its venue attributes promise (single rooms, the
 * spare beds spread over the first rooms as doubles), so no site shows as empty (issue 18 item 3).
 */
async function seedSiteRooms(deps: Deps, context: RequestContext, countyPath: string) {
  const sites = await queryRows<{ id: string; rooms: number | null; beds: number | null }>(
    deps.database.db,
    sql`select id, (attributes->>'rooms')::int as rooms, (attributes->>'beds')::int as beds from place
        where kind = 'quarantine_site' and jurisdiction_path like ${`${countyPath}%`} order by code`,
  );
  for (const site of sites) {
    const rooms = Math.max(1, site.rooms ?? 12);
    const doubles = Math.max(0, Math.min(rooms, (site.beds ?? rooms) - rooms));
    if (doubles > 0) await addRooms(deps, context, site.id, { prefix: 'D', count: doubles, beds: 2 });
    await addRooms(deps, context, site.id, { prefix: 'R', count: rooms - doubles || 1, beds: 1 });
  }
}

/** Returns how many episodes it registered. */
export async function seedDemoKeyPersons(
  deps: Deps,
  context: RequestContext,
  scope: { communityId: string; countyPath: string; townPath: string; cadreId: string; medicId: string; townCadreId: string },
) {
  const db = deps.database.db;
  const today = shanghaiDate(deps.clock());
  const site = (
    await queryRows<{ id: string }>(
      db,
      sql`select id from place where kind = 'quarantine_site' and jurisdiction_path like ${`${scope.townPath}%`} order by code limit 1`,
    )
  )[0];
  await seedSiteRooms(deps, context, scope.countyPath);
  const rooms = site
    ? await queryRows<{ id: string }>(db, sql`select id from quarantine_room where site_id = ${site.id} order by code`)
    : [];
  const { community, town } = await people(db, scope.communityId, scope.townPath);
  let registered = 0;
  for (const [i, plan] of COMMUNITY_PLAN.entries()) {
    const person = community[i];
    if (!person) break;
    const room = plan.site ? rooms[registered % Math.max(1, rooms.length)] : undefined;
    const episode = await registerEpisode(deps, context, {
      personId: person.id,
      category: plan.category,
      startDate: addDays(today, -plan.daysAgo),
      assignedCadreId: scope.cadreId,
      assignedMedicId: scope.medicId,
      siteId: room && site ? site.id : undefined,
      roomId: room?.id,
    });
    await recordPastTests(deps, context, episode.id, today);
    if (i !== 3 && plan.daysAgo >= 1) await observeYesterday(deps, context, episode.id, today, i === 4 ? 37.8 : 36.4);
    registered += 1;
  }
  for (const [i, person] of town.entries()) {
    await registerEpisode(deps, context, {
      personId: person.id,
      category: i % 4 === 0 ? 'secondary_contact' : 'close_contact',
      startDate: addDays(today, -(i % 8)),
      assignedCadreId: scope.townCadreId,
    });
    registered += 1;
  }
  return registered;
}
