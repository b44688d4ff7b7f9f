import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messageFor } from './messages.ts';

// KP-D04, SC-02, issue 18 item 9: a release refusal names what is missing in words, never as raw keys.
describe('release refusal message', () => {
  it('says the missing test and signature in words', () => {
    const missing = 'test:nucleic_acid:1, signature:assigned_medic';
    assert.equal(messageFor('releaseRefused', 'zh-CN', { missing }), '暂不能解除隔离：还需核酸检测1次、待包保医务人员签字');
    assert.equal(
      messageFor('releaseRefused', 'en', { missing }),
      "Release refused: 1 more nucleic acid test; the assigned medic's signature",
    );
  });
  it('never shows a key it does not know', () => {
    assert.doesNotMatch(messageFor('releaseRefused', 'zh-CN', { missing: 'pool:positive' }), /pool/);
  });
});
