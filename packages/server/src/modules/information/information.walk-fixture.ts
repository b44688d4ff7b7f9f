import assert from 'node:assert/strict';
import type { TestClient } from '../../testing/factories.ts';

/** Town A's information items for the scope walk (http/scope-walk.test.ts): a town-B user must reach none of them. */
export interface InformationWalkIds {
  /** A draft notice of A's community. */
  releaseDraftId: string;
  /** A notice reported upward, awaiting approval. */
  releaseSubmittedId: string;
  interviewId: string;
  opinionId: string;
}

async function ok(owner: TestClient, method: string, url: string, body?: unknown): Promise<string> {
  const reply = await owner.request(method, url, body);
  assert.ok(reply.statusCode < 300, `${method} ${url}: ${reply.statusCode} ${reply.body}`);
  return (reply.json() as { id: string }).id;
}

export async function informationWalkFixture(owner: TestClient, a: { villageId: string }): Promise<InformationWalkIds> {
  const notice = (title: string) => ({
    jurisdictionId: a.villageId,
    kind: 'notice',
    title,
    body: '甲社区通告正文',
    audience: 'public',
    channels: ['platform'],
  });
  const releaseDraftId = await ok(owner, 'POST', '/api/information/releases', notice('甲社区通告草稿'));
  const releaseSubmittedId = await ok(owner, 'POST', '/api/information/releases', notice('甲社区待审通告'));
  await ok(owner, 'POST', `/api/information/releases/${releaseSubmittedId}/submit`);
  const interviewId = await ok(owner, 'POST', '/api/information/interviews', {
    jurisdictionId: a.villageId,
    outlet: '甲日报',
    topic: '甲社区采访',
    interviewee: '甲受访人',
  });
  const opinionId = await ok(owner, 'POST', '/api/opinions', {
    jurisdictionId: a.villageId,
    kind: 'rumour',
    source: 'wechat',
    summary: '甲社区谣言',
  });
  return { releaseDraftId, releaseSubmittedId, interviewId, opinionId };
}
