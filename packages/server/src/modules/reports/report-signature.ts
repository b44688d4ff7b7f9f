import { AppError, invalid, pathInScope, type SubmittedTemplate, scopePaths } from '@fangkong/core';
import { findUserById } from '../../auth/auth.repository.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../http/context.ts';
import type { ReportingUnit } from './report-unit.repository.ts';

/** What the responsible person gives to sign: their own password again, and who holds the unit's seal. */
export interface SignatureInput {
  password: string;
  sealHolder?: string;
}

export interface Signature {
  signedBy: string;
  signerName: string;
  sealHolder: string | null;
}

/**
 * Who signs, without the password round trip: the signer's own account holds `report.sign` over the unit (403
 * otherwise), and a table that needs the seal names its holder. The demo seed records its secretary's signatures
 * through this; every request goes through `checkSignature`, which also asks for the password.
 */
export function signerOf(context: RequestContext, unit: ReportingUnit, template: SubmittedTemplate, sealHolder: string | undefined) {
  const userId = context.actor.userId;
  if (!userId || !pathInScope(unit.path, scopePaths(context.actor.grants, 'report.sign'))) {
    throw new AppError('forbidden', 'notResponsiblePerson', 'signature');
  }
  const seal = sealHolder?.trim() ?? '';
  if (template.signature.seal && seal === '') throw invalid('signature.sealHolder', 'sealHolderRequired');
  return { signedBy: userId, signerName: context.actor.displayName, sealHolder: seal || null };
}

/**
 * The e-signature of the unit's responsible person (DAILY-003: the branch secretary signs, the unit stamps):
 * the signer's own account must hold `report.sign` over the unit (403 otherwise), their password is asked
 * again as the second confirmation, and a table that needs the seal names its holder. Nothing is written here.
 */
export async function checkSignature(
  db: Db,
  context: RequestContext,
  unit: ReportingUnit,
  template: SubmittedTemplate,
  input: SignatureInput,
): Promise<Signature> {
  const signer = signerOf(context, unit, template, input.sealHolder);
  const user = await findUserById(db, signer.signedBy);
  if (!user || !(await verifyPassword(user.passwordHash, input.password))) throw invalid('signature.password', 'signaturePasswordWrong');
  return { ...signer, signerName: user.displayName };
}
