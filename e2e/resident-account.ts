import assert from 'node:assert/strict';
import { LogSmsSender } from '../packages/server/src/sms/log-sms-sender.ts';
import type { JourneyServer } from './harness.ts';

export interface ResidentClaim {
  idNumber: string;
  name: string;
  phone: string;
}

/**
 * The residents' H5 registration of a person the registry already holds: ID number, name, the phone on record and
 * the code sent to it (read from the log SMS sender), then the password. Answers nothing; the resident signs in on
 * /h5/login with the phone and the password.
 */
export async function registerResidentAccount(server: JourneyServer, resident: ResidentClaim, password: string): Promise<void> {
  const claim = { idType: 'resident_id', idNumber: resident.idNumber, name: resident.name, phone: resident.phone };
  const sent = await server.app.inject({ method: 'POST', url: '/api/residents/register/code', payload: claim });
  assert.equal(sent.statusCode, 202, sent.body);
  assert.ok(server.deps.sms instanceof LogSmsSender);
  const code = server.deps.sms.lastCodeTo(resident.phone);
  const registered = await server.app.inject({ method: 'POST', url: '/api/residents/register', payload: { ...claim, password, code } });
  assert.equal(registered.statusCode, 201, registered.body);
}
