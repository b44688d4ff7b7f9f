import { AppError } from '@fangkong/core';
import type { LoginThrottle } from '../../auth/login-throttle.ts';

/** Counts a try against a sliding window; over the limit answers 429 with Retry-After. */
export function throttled(throttle: LoginThrottle, key: string) {
  const wait = throttle.take(key, Date.now());
  if (wait > 0) throw new AppError('tooMany', 'tooManyRequests', undefined, { retryAfter: wait });
}
