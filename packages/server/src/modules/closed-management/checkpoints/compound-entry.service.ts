import { type CodeColour, type CompoundEntryInForce, compoundEntryInForce, compoundEntryVerdict, type EntryCheck } from '@fangkong/core';
import type { AppDeps } from '../../../app-deps.ts';
import { personOfSubject } from '../../../codes/code-subject.ts';
import { verifyCode } from '../../../codes/code-token.ts';
import type { Db } from '../../../db/client.ts';
import type { RequestContext } from '../../../http/context.ts';
import { colourNow } from '../../codes/code.service.ts';
import { protocolInForce } from '../../protocols/protocol-in-force.ts';
import { type PlaceRow, placeInScope } from '../closed-management-access.ts';
import { insertScan } from '../devices/device.repository.ts';

type Deps = Pick<AppDeps, 'database' | 'clock' | 'codeKeys' | 'cipher'>;

/** What the gate did for one person entering the compound (COMM-013): the code scanned, the temperature, mask, details. */
export interface EntryAtGate {
  token?: string;
  temperatureCelsius?: number;
  masked?: boolean;
  registered?: boolean;
}

/**
 * The entry regime a checkpoint's compound runs now (COMM-013, RULES-001, §18 SC-42 / SC-43): the one the local
 * profile in force there chooses (`protocolInForce`: the district's own active profile or a shipped one), else
 * seed 000's normalized checks.
 */
async function regimeAt(db: Db, checkpoint: PlaceRow, now: Date): Promise<CompoundEntryInForce> {
  const { profile } = await protocolInForce(db, { jurisdictionPath: checkpoint.jurisdictionPath, at: now });
  return compoundEntryInForce(profile);
}

const regimeView = ({ regime, rules, chosenBy }: CompoundEntryInForce) => ({
  regime,
  required: [...rules.required],
  colours: [...rules.colours],
  feverCelsius: rules.feverTenths / 10,
  basis: rules.basis,
  chosenBy,
});

export async function entryRegime(deps: Deps, context: RequestContext, checkpointId: string) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.operate', 'checkpoint');
  return regimeView(await regimeAt(db, checkpoint, deps.clock()));
}

/** The colour now of the person a code names, when it verifies (a forged or unknown code scans nothing). */
async function scannedColour(deps: Deps, token: string | undefined, now: Date): Promise<{ personId: string; colour: CodeColour } | null> {
  if (!token?.trim()) return null;
  const verified = await verifyCode(token.trim(), deps.codeKeys.publicKeys().keys, now);
  const personId = verified.valid ? personOfSubject(deps.cipher, verified.subject) : null;
  return personId ? { personId, colour: (await colourNow(deps.database.db, personId, now)).colour } : null;
}

/**
 * One person at a compound's gate (COMM-013, SC-42 / SC-43): the checks done — the code counts as scanned only when
 * it verifies, and its colour is the person's colour now — decided by the regime in force there; any required check
 * missing, a colour not let in or a fever keeps them out, and the reasons say which. Kept as a scan of the checkpoint.
 */
export async function checkEntry(deps: Deps, context: RequestContext, checkpointId: string, input: EntryAtGate) {
  const db = deps.database.db;
  const checkpoint = await placeInScope(db, context, checkpointId, 'checkpoint.operate', 'checkpoint');
  const now = deps.clock();
  const inForce = await regimeAt(db, checkpoint, now);
  const code = await scannedColour(deps, input.token, now);
  const done: EntryCheck[] = [
    ...(code ? ['code_scanned' as const] : []),
    ...(input.temperatureCelsius === undefined ? [] : ['temperature_taken' as const]),
    ...(input.masked ? ['masked' as const] : []),
    ...(input.registered ? ['registered' as const] : []),
  ];
  const temperatureTenths = input.temperatureCelsius === undefined ? null : Math.round(input.temperatureCelsius * 10);
  const verdict = compoundEntryVerdict(inForce.rules, { done, colour: code?.colour ?? null, temperatureTenths });
  const scanId = await insertScan(db, {
    personId: code?.personId ?? null,
    placeId: checkpoint.id,
    scannedAt: now,
    colourSeen: code?.colour ?? null,
    decision: verdict.allowed ? 'allow' : 'deny',
    reason: verdict.because[0]?.rule ?? null,
    jurisdictionPath: checkpoint.jurisdictionPath,
  });
  return { scanId, ...verdict, colour: code?.colour ?? null, ...regimeView(inForce), checkedAt: now.toISOString() };
}
