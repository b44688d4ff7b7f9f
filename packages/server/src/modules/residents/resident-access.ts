import { notFound } from '@fangkong/core';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import { rulesInForce as codeRulesAt } from '../codes/code.service.ts';
import { activeProxyLink } from './proxy-link.repository.ts';
import { personIdOfUser, personRow } from './resident.repository.ts';

/** The person a resident acts for: themself, or a dependant held through an active, verified proxy link. */
export interface ResidentTarget {
  person: NonNullable<Awaited<ReturnType<typeof personRow>>>;
  viaProxy: boolean;
  /** The account's own person (the proxy, when `viaProxy`). */
  selfPersonId: string;
}

/** The caller's own person; an account without one (staff) has nothing here. */
export async function selfPersonId(db: Db, context: RequestContext): Promise<string> {
  const own = context.actor.userId ? await personIdOfUser(db, context.actor.userId) : null;
  if (!own) throw notFound('person');
  return own;
}

/**
 * Everything a resident reads or writes about a person passes here: anyone who is neither the caller
 * nor a dependant the caller holds after the identity check answers 404, with nothing about them.
 */
export async function residentTarget(db: Db, context: RequestContext, personId: string): Promise<ResidentTarget> {
  const own = await selfPersonId(db, context);
  const viaProxy = personId !== own;
  if (viaProxy && !(await activeProxyLink(db, context.actor.userId ?? '', personId))) throw notFound('id');
  const person = await personRow(db, personId);
  if (!person) throw notFound('id');
  return { person, viaProxy, selfPersonId: own };
}

/**
 * The colour rule set in force where the person lives (it also carries the resident rules: report days, proxy limit,
 * appeal deadline): the codes module's answer, asked once (`protocolInForce`).
 */
export const codeRulesInForce = (db: Db, now: Date, person: { jurisdictionPath: string } | undefined) =>
  codeRulesAt(db, now, person?.jurisdictionPath ?? '/');
