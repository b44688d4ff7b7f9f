import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '@fangkong/core';
import { DeviceRateLimiter } from './device.service.ts';

describe('device rate limit (batches per minute, per device)', () => {
  it('refuses the batch over the limit with the seconds to wait, and only for that device', () => {
    let now = new Date('2020-02-10T09:00:00+08:00');
    const limiter = new DeviceRateLimiter(2, () => now);
    limiter.take('a');
    limiter.take('a');
    assert.throws(
      () => limiter.take('a'),
      (e: unknown) => e instanceof AppError && e.kind === 'tooMany' && e.params.retryAfter === 60,
    );
    limiter.take('b');
    now = new Date(now.getTime() + 60_000);
    limiter.take('a');
  });
});
