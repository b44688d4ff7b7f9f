import assert from 'node:assert/strict';
import type { TestClient } from '../../testing/factories.ts';
import { homeObservationProfile } from './sample-profile.ts';

/** Town A's draft local profile for the scope walk (http/scope-walk.test.ts): a town-B user must not reach it. */
export interface ProtocolWalkIds {
  protocolDocumentId: string;
  townCode: string;
}

export async function protocolWalkFixture(owner: TestClient, a: { townCode: string }): Promise<ProtocolWalkIds> {
  const reply = await owner.request('POST', '/api/protocols/documents', { document: homeObservationProfile(a.townCode, 'walk-town-a') });
  assert.equal(reply.statusCode, 201, reply.body);
  return { protocolDocumentId: (reply.json() as { id: string }).id, townCode: a.townCode };
}
