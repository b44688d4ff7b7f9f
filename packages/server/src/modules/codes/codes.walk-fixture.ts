import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../app-deps.ts';
import { queryRows } from '../../db/query-rows.ts';
import type { TestClient } from '../../testing/factories.ts';

/** Town A's code records for the scope walk (http/scope-walk.test.ts): a town-B user must reach none of them. */
export interface CodeWalkIds {
  codeChangeId: string;
  appealId: string;
}

/** A pending manual change requested by town A's admin (basis: A's episode) and an open appeal of A's person. */
export async function codeWalkFixture(
  deps: AppDeps,
  owner: TestClient,
  a: { personId: string; episodeId: string; villagePath: string; now: string },
): Promise<CodeWalkIds> {
  const change = await owner.request('POST', `/api/persons/${a.personId}/code-changes`, {
    toColour: 'red',
    basisKind: 'record',
    basisRef: `episode:${a.episodeId}`,
    basisNote: '甲社区核实密接',
  });
  assert.equal(change.statusCode, 201, change.body);
  const deadline = new Date(Date.parse(a.now) + 24 * 3_600_000).toISOString();
  const [appeal] = await queryRows<{ id: string }>(
    deps.database.db,
    sql`insert into appeal (person_id, colour_appealed, reason, deadline_at, jurisdiction_path)
        values (${a.personId}, 'red', '甲社区申诉', ${deadline}, ${a.villagePath}) returning id`,
  );
  return { codeChangeId: (change.json() as { id: string }).id, appealId: appeal?.id ?? '' };
}
