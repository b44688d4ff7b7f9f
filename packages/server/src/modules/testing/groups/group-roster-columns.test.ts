import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GROUP_LABELS, groupFromLabel } from './group-roster-columns.ts';

// TEST-001, issue 18 item 10: group (9) is named neutrally in any deployment; the seed's own wording still imports.
describe('mandatory-testing group names', () => {
  it('names group (9) 重点地区来（返）本地人员 and still reads the seed wording', () => {
    assert.equal(GROUP_LABELS.key_area_arrival[0], '重点地区来（返）本地人员');
    assert.equal(groupFromLabel('重点地区入聊返区人员'), 'key_area_arrival');
    assert.equal(groupFromLabel('重点地区来（返）本地人员'), 'key_area_arrival');
  });
});
