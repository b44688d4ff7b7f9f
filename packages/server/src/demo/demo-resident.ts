import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service.ts';
import { findUserByUsername } from '../auth/auth.repository.ts';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/query-rows.ts';
import { systemContext } from '../http/context.ts';
import { insertProxyLink } from '../modules/residents/proxy-link.repository.ts';
import { setUserPerson } from '../modules/residents/resident.repository.ts';

interface Member {
  id: string;
  household_id: string;
  household_role: string | null;
  jurisdiction_path: string;
}

/** A dependant's relation to the household head, as the proxy form names it. */
const RELATION_TO_HEAD: Record<string, 'child' | 'parent' | 'spouse'> = { child: 'child', parent: 'parent', spouse: 'spouse' };

/** Members of households of two or more in the community; people under management only when no other family is left. */
function familiesIn(db: Db, communityId: string, withoutEpisodes: boolean) {
  const unmanaged = withoutEpisodes ? sql`and not exists (select 1 from key_person_episode e where e.person_id = p.id)` : sql``;
  return queryRows<Member>(
    db,
    sql`select p.id, p.household_id, p.household_role, p.jurisdiction_path from person p
        join jurisdiction j on j.id = p.jurisdiction_id
        where (j.id = ${communityId} or j.parent_id = ${communityId}) and p.household_id is not null ${unmanaged}
          and p.household_id in (select household_id from person where household_id is not null group by household_id having count(*) >= 2)
        order by p.household_id desc, p.id limit 12`,
  );
}

/**
 * The demo `resident` account stands for the head of a household of the demo community, who holds a
 * household member as a verified dependant, so that signing in as `resident` shows a real code, the
 * family proxy and the declarations (issue 12 defect 9). People under management are left out.
 */
export async function linkDemoResident(db: Db, communityId: string): Promise<string | null> {
  const account = await findUserByUsername(db, 'resident');
  if (!account) return null;
  const unmanaged = await familiesIn(db, communityId, true);
  const members = unmanaged.length > 0 ? unmanaged : await familiesIn(db, communityId, false);
  const household = members[0]?.household_id;
  const family = members.filter((m) => m.household_id === household);
  const head = family.find((m) => m.household_role === 'head') ?? family[0];
  const dependant = family.find((m) => m !== head);
  if (!head || !dependant) return null;
  const context = systemContext('demo-seed');
  await db.transaction(async (tx) => {
    await setUserPerson(tx, account.id, head.id);
    const relation = RELATION_TO_HEAD[dependant.household_role ?? ''] ?? 'other';
    const linkId = await insertProxyLink(tx, {
      proxyUserId: account.id,
      dependantPersonId: dependant.id,
      relation,
      verifiedBy: 'household',
    });
    await recordAudit(tx, context, {
      action: 'proxy.add',
      entityType: 'proxy_link',
      entityId: linkId,
      jurisdictionPath: dependant.jurisdiction_path,
      after: { dependantPersonId: dependant.id, relation, verifiedBy: 'household', demo: true },
    });
  });
  return head.id;
}
