import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TASK_SOURCES } from '@fangkong/core';
import { en } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';

// SC-26, SC-38, CASE-007: every task source reads as words on the task pages, in both languages (the tasks of a
// reported outsider and of an early-warning signal showed `community_report` and `early_warning` as raw ids).
describe('task source labels', () => {
  it('every task source of core has a zh-CN and an en label', () => {
    const missing = TASK_SOURCES.flatMap((source) => {
      const key = `task.source.${source}`;
      return [zhCN, en]
        .filter((dictionary) => !Object.hasOwn(dictionary, key))
        .map((dictionary) => `${key} (${dictionary === en ? 'en' : 'zh-CN'})`);
    });
    assert.deepEqual(missing, []);
  });
});
