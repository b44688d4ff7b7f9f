import { AppError } from '@fangkong/core';
import type { RequestContext } from '../http/context.ts';

/**
 * Four eyes: whoever asked for a change cannot decide it (manual code changes, lab result
 * corrections). Refused as forbidden, naming the request (`id`) as the field at fault.
 */
export function requireSecondUser(context: RequestContext, requestedBy: string, code: string): void {
  if (requestedBy === context.actor.userId) throw new AppError('forbidden', code, 'id');
}
