import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALERT_KINDS } from '@fangkong/core';
import { camelId } from './labels.ts';
import { en } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';

// CASE-007, CASE-001: every alert kind the server raises reads as words on the alerts page, in both languages
// (the page showed `case_late` and `early_warning` as raw ids).
describe('alert kind labels', () => {
  it('every alert kind of core has a zh-CN and an en label', () => {
    const missing = ALERT_KINDS.flatMap((kind) => {
      const key = `alert.kind.${camelId(kind)}`;
      return [zhCN, en].filter((dictionary) => !Object.hasOwn(dictionary, key)).map(() => key);
    });
    assert.deepEqual(missing, []);
  });
});
