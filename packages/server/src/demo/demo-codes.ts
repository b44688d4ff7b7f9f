import type { AppDeps } from '../app-deps.ts';
import { colourNow, recordColourIfChanged } from '../modules/codes/code.service.ts';
import { peopleUnderManagementOrCases } from './demo.repository.ts';

/**
 * Issue 17 demo: the codes of the people under management and of the cases, as the rules give them now and as
 * their holders would have shown them — the colour history the dashboard counts (health_code_current) — through
 * the codes module's own decision and write. Answers how many were recorded.
 */
export async function seedDemoCodes(deps: AppDeps, countyPath: string): Promise<number> {
  const db = deps.database.db;
  const now = deps.clock();
  let recorded = 0;
  for (const person of await peopleUnderManagementOrCases(db, countyPath)) {
    const decision = await colourNow(db, person.id, now);
    if (await db.transaction((tx) => recordColourIfChanged(tx, person.id, person.jurisdictionPath, decision, now))) recorded++;
  }
  return recorded;
}
