import type { Reason } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import { recordRead } from '../../audit/audit.service.ts';
import type { RequestContext } from '../../http/context.ts';
import { appealsOfPerson } from './appeal.repository.ts';
import { appealView } from './appeal.service.ts';
import { personInScope } from './code.service.ts';
import { changesOfPerson } from './code-change.repository.ts';
import { changeView } from './code-change.service.ts';
import { statesOf } from './code-history.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock'>;

/** Every colour the person had (why, under which rules, by rule or manual change), the changes asked for and the appeals. */
export async function codeHistory(deps: Deps, context: RequestContext, personId: string) {
  const db = deps.database.db;
  const person = await personInScope(db, context, personId, 'code.read');
  await recordRead(db, context, {
    action: 'code.history.view',
    entityType: 'person',
    entityId: personId,
    jurisdictionPath: person.jurisdictionPath,
  });
  const [states, changes, appeals] = await Promise.all([
    statesOf(db, personId),
    changesOfPerson(db, personId),
    appealsOfPerson(db, personId),
  ]);
  const now = deps.clock();
  return {
    personId,
    states: states.map((s) => ({
      colour: s.colour,
      ruleVersion: s.ruleVersion,
      source: s.source,
      codeChangeId: s.codeChangeId,
      // Written by recordColourIfChanged from the decision's reasons.
      because: s.reasons as unknown as Reason[],
      at: s.at.toISOString(),
    })),
    changes: changes.map(changeView),
    appeals: appeals.map((row) => appealView(row, now)),
  };
}
