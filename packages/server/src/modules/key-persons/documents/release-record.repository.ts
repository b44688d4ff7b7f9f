import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { asDate, queryRows } from '../../../db/query-rows.ts';

export interface ReleaseRecordRow {
  episode_id: string;
  person_name: string;
  gender: string | null;
  id_cipher: string;
  category: string;
  start_date: string;
  planned_release_date: string | null;
  released_at: Date;
  edition_id: string;
  plan: Record<string, unknown>;
  site_name: string | null;
  site_path: string | null;
  room_code: string | null;
  cadre_name: string | null;
  medic_name: string | null;
  cadre_signed_at: Date | null;
  medic_signed_at: Date | null;
  jurisdiction_name: string;
  jurisdiction_path: string;
}

const releaseRecordQuery = (where: ReturnType<typeof sql>) => sql`
  select e.id as episode_id, p.name as person_name, p.gender, p.id_cipher, e.category, e.start_date::text as start_date,
         e.planned_release_date::text as planned_release_date, e.released_at, e.edition_id, e.plan,
         site.name as site_name, site.jurisdiction_path as site_path, room.code as room_code, cadre.display_name as cadre_name, medic.display_name as medic_name,
         (select signed_at from release_signature s where s.episode_id = e.id and s.role = 'assigned_cadre') as cadre_signed_at,
         (select signed_at from release_signature s where s.episode_id = e.id and s.role = 'assigned_medic') as medic_signed_at,
         j.name as jurisdiction_name, e.jurisdiction_path
  from key_person_episode e
  join person p on p.id = e.person_id
  join jurisdiction j on j.id = e.jurisdiction_id
  left join place site on site.id = e.site_id
  left join quarantine_room room on room.id = e.room_id
  left join app_user cadre on cadre.id = e.assigned_cadre_id
  left join app_user medic on medic.id = e.assigned_medic_id
  where e.released_at is not null and ${where}
  order by e.released_at, p.name`;

const withDates = (row: ReleaseRecordRow): ReleaseRecordRow => ({
  ...row,
  released_at: asDate(row.released_at) as Date,
  cadre_signed_at: asDate(row.cadre_signed_at),
  medic_signed_at: asDate(row.medic_signed_at),
});

export async function releaseRecord(db: Db, episodeId: string): Promise<ReleaseRecordRow | undefined> {
  return (await queryRows<ReleaseRecordRow>(db, releaseRecordQuery(sql`e.id = ${episodeId}`))).map(withDates)[0];
}

/** Releases of one Asia/Shanghai calendar day inside the given subtrees. */
export async function releasesOn(db: Db, day: string, paths: string[]): Promise<ReleaseRecordRow[]> {
  const scope =
    paths.length > 0
      ? sql.join(
          paths.map((p) => sql`e.jurisdiction_path like ${`${p}%`}`),
          sql` or `,
        )
      : sql`false`;
  const rows = await queryRows<ReleaseRecordRow>(
    db,
    releaseRecordQuery(sql`(e.released_at at time zone 'Asia/Shanghai')::date = ${day}::date and (${scope})`),
  );
  return rows.map(withDates);
}

export async function testsOfEpisode(db: Db, episodeId: string) {
  const rows = await queryRows<{ test_kind: string; sampled_at: Date; result: string | null }>(
    db,
    sql`select test_kind, sampled_at, result from schedule_item where episode_id = ${episodeId} and kind = 'test' and sampled_at is not null order by sampled_at`,
  );
  return rows.map((row) => ({ ...row, sampled_at: asDate(row.sampled_at) as Date }));
}
