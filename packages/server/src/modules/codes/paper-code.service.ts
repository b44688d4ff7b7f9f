import { maskName } from '@fangkong/core';
import type { AppDeps } from '../../app-deps.ts';
import type { RequestContext } from '../../http/context.ts';
import { issueCode, personInScope } from './code.service.ts';
import { paperCodePdf } from './paper-code.pdf.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'config' | 'cipher'>;

/** A community worker prints a paper code: the signed token, valid for the configured days, audited with its purpose. */
export async function issuePaperCode(deps: Deps, context: RequestContext, personId: string, purpose: string) {
  const person = await personInScope(deps.database.db, context, personId, 'code.change');
  const ttlSeconds = deps.config.paperCodeDays * 86_400;
  const issued = await issueCode(deps, context, person, ttlSeconds, { action: 'code.issuePaper', reason: purpose });
  const pdf = await paperCodePdf({
    nameMasked: maskName(person.name),
    idMasked: person.idMasked,
    colour: issued.decision.colour,
    ruleVersion: issued.decision.ruleVersion,
    token: issued.token,
    issuedAt: issued.issuedAt,
    validUntil: issued.expiresAt,
    issuedBy: context.actor.displayName,
  });
  return { pdf, token: issued.token, validUntil: issued.expiresAt.toISOString() };
}
